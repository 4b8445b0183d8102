/**
 * The listener's library as the fake starts it: a couple of dozen favorites of every kind, four
 * personal mixes (MIX playlists the listener owns but cannot edit, like TIDAL's), a private
 * playlist of their own, and a private playlist of another user. Hand-written records over
 * existing catalog ids: nothing is added to the generated catalog.
 */
import type { Catalog } from '../catalog.js';
import type { UserPlaylists } from '../playlists/user-playlists.js';
import { OTHER_USERS_PLAYLIST_ID, type UserPlaylist } from '../playlists/user-playlists.js';
import { FAKE_USERS } from '../users.js';
import type { UserCollections } from './collections.js';

export const LISTENER_PRIVATE_PLAYLIST_ID = '4242bbbb-0000-4000-8000-000000000001';
export const OTHER_USERS_PRIVATE_PLAYLIST_ID = '5151bbbb-0000-4000-8000-000000000002';

/** Mix ids look like TIDAL's: 30 hex characters, not UUIDs. */
export const LISTENER_MIXES = {
  daily: ['0017d2c1f5a04e3b9a6c8d2e1f0a3b', '0027d2c1f5a04e3b9a6c8d2e1f0a3b'],
  discovery: ['0037d2c1f5a04e3b9a6c8d2e1f0a3b'],
  newRelease: ['0047d2c1f5a04e3b9a6c8d2e1f0a3b'],
} as const;

export type MixFamily = keyof typeof LISTENER_MIXES;

const MIX_NAMES: Record<string, string> = {
  [LISTENER_MIXES.daily[0]]: 'My Mix 1',
  [LISTENER_MIXES.daily[1]]: 'My Mix 2',
  [LISTENER_MIXES.discovery[0]]: 'My Daily Discovery',
  [LISTENER_MIXES.newRelease[0]]: 'My New Arrivals',
};

/** Seeded favorites: how many of each kind the listener starts with. */
export const SEEDED_FAVORITES = { tracks: 25, albums: 3, artists: 3, videos: 2, playlists: 2 };

const AT = '2026-01-01T00:00:00Z';

function playlist(
  id: string,
  ownerId: string,
  name: string,
  trackIds: readonly string[],
  extra: Partial<UserPlaylist> = {},
): UserPlaylist {
  return {
    id,
    ownerId,
    playlistType: 'USER',
    name,
    description: '',
    accessType: 'PUBLIC',
    createdAt: AT,
    lastModifiedAt: AT,
    items: trackIds.map((trackId, i) => ({
      type: 'tracks',
      id: trackId,
      itemId: `${id.slice(0, 8)}-item-${i}`,
      addedAt: AT,
    })),
    ...extra,
  };
}

/** Distinct tracks available to the listener, from `from`, in catalog order. */
function tracks(c: Catalog, from: number, count: number): string[] {
  return c.tracks
    .filter((t) => c.isAvailable(t, FAKE_USERS.listener.country))
    .slice(from, from + count)
    .map((t) => t.id);
}

export function seedLibrary(
  c: Catalog,
  playlists: UserPlaylists,
  collections: UserCollections,
): void {
  const listener = FAKE_USERS.listener.id;
  let offset = 600;
  for (const [id, name] of Object.entries(MIX_NAMES)) {
    playlists.insert(playlist(id, listener, name, tracks(c, offset, 12), { playlistType: 'MIX' }));
    offset += 12;
  }
  playlists.insert(
    playlist(LISTENER_PRIVATE_PLAYLIST_ID, listener, 'Private diary', tracks(c, 700, 3), {
      accessType: 'PRIVATE',
    }),
  );
  playlists.insert(
    playlist(OTHER_USERS_PRIVATE_PLAYLIST_ID, FAKE_USERS.other.id, 'Not yours', tracks(c, 710, 2), {
      accessType: 'PRIVATE',
    }),
  );
  // One favorite a day, oldest first, so "newest first" is a visible, testable order.
  const day = (i: number) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString();
  const seed = (kind: Parameters<UserCollections['add']>[1], ids: readonly string[]) =>
    ids.forEach((id, i) => collections.add(listener, kind, [id], day(i)));
  seed('tracks', tracks(c, 800, SEEDED_FAVORITES.tracks));
  seed(
    'albums',
    c.albums.slice(30, 30 + SEEDED_FAVORITES.albums).map((a) => a.id),
  );
  seed(
    'artists',
    c.artists.slice(10, 10 + SEEDED_FAVORITES.artists).map((a) => a.id),
  );
  seed(
    'videos',
    c.videos.slice(0, SEEDED_FAVORITES.videos).map((v) => v.id),
  );
  seed('playlists', [c.playlists[1]!.id, OTHER_USERS_PLAYLIST_ID]);
}
