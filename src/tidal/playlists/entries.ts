/** Playlist entries: a track or video at a position, with the entry handle TIDAL uses for writes. */
import type { Track } from '../domain.js';
import type { Included, ResourceIdentifier } from '../jsonapi.js';
import { toTrack } from '../mappers.js';

export interface PlaylistEntry {
  /** The playlist-entry handle TIDAL uses for remove, reorder and positionBefore. */
  itemId: string;
  type: 'tracks' | 'videos';
  id: string;
  /** Present when TIDAL included the item (it may be unavailable in the user's country). */
  track?: Track;
}

/** Entries in playlist order; the item is present when TIDAL included it (available in the country). */
export function entriesFrom(refs: ResourceIdentifier[], included: Included): PlaylistEntry[] {
  return refs.map((ref) => {
    const resource = included.get(ref.type, ref.id);
    const entry: PlaylistEntry = {
      itemId: typeof ref.meta?.itemId === 'string' ? ref.meta.itemId : '',
      type: ref.type === 'videos' ? 'videos' : 'tracks',
      id: ref.id,
    };
    if (resource) entry.track = toTrack(resource, included);
    return entry;
  });
}
