/**
 * Only the user's own, editable playlists are changed: someone else's, or one TIDAL makes and
 * keeps (MIX, EDITORIAL, ARTIST: any type but USER), gets a clear input error before any write.
 */
import type { Playlist } from '../../../tidal/domain.js';
import type { PlaylistEntry } from '../../../tidal/playlists/index.js';
import { InputError } from '../../shared/errors.js';
import type { PlaylistCall } from './shared.js';

export interface OwnedPlaylist {
  playlist: Playlist;
  /** Every entry in playlist order (when `allEntries` was asked for), else the first page. */
  entries: PlaylistEntry[];
  /** False when the playlist was too long to read completely. */
  complete?: boolean;
}

/** Playlists of these types can be changed; TIDAL makes the others (mixes, editorial, artist). */
const EDITABLE_TYPES = ['USER'];

export async function ownedPlaylist(
  call: PlaylistCall,
  playlistId: string,
  allEntries = false,
): Promise<OwnedPlaylist> {
  const playlists = call.ctx.deps.playlists;
  // Every caller is about to write: decide on TIDAL's current state, never on the cache.
  const user = { ...call.user, fresh: true };
  const found = await playlists.getWithOwners(user, playlistId);
  const name = found.playlist.name;
  // TIDAL may withhold the owners relationship: then list the user's own playlists instead.
  const mine =
    found.ownerIds.length > 0
      ? found.ownerIds.includes(call.access.userId)
      : await playlists.isMine(user, playlistId);
  if (!mine)
    throw new InputError(
      'playlistId',
      `playlist "${name}" (${playlistId}) belongs to another TIDAL user; only your own playlists can be changed`,
    );
  const type = found.playlist.type;
  if (type !== undefined && !EDITABLE_TYPES.includes(type))
    throw new InputError(
      'playlistId',
      `playlist "${name}" is a ${type} playlist, which TIDAL does not let you change; only your own USER playlists can be (create one with manage_playlist create and add the tracks there)`,
    );
  if (!allEntries) return { playlist: found.playlist, entries: found.entries.items };
  const { entries, complete } = await playlists.allEntries(user, playlistId, found.entries);
  return { playlist: found.playlist, entries, complete };
}
