/** Only the user's own playlists are changed; someone else's gets a clear error, not a 403. */
import type { Playlist } from '../../../tidal/domain.js';
import { NotFoundError } from '../../../tidal/errors.js';
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

export async function ownedPlaylist(
  call: PlaylistCall,
  playlistId: string,
  allEntries = false,
): Promise<OwnedPlaylist> {
  const playlists = call.ctx.deps.playlists;
  const owned = await playlists.getOwned(call.user, playlistId);
  if (!owned) {
    // Tell "someone else's" from "does not exist": the extra read happens only on this error path.
    const exists = await playlists.get(call.user, playlistId).then(
      () => true,
      (error: unknown) => {
        if (error instanceof NotFoundError) return false;
        throw error;
      },
    );
    if (exists)
      throw new InputError(
        'playlistId',
        `playlist ${playlistId} belongs to another TIDAL user; only your own playlists can be changed`,
      );
    throw new NotFoundError(`playlist ${playlistId} was not found among your TIDAL playlists`);
  }
  if (!allEntries) return { playlist: owned.playlist, entries: owned.entries.items };
  const { entries, complete } = await playlists.allEntries(call.user, playlistId, owned.entries);
  return { playlist: owned.playlist, entries, complete };
}
