/** Tool calls for the stress run: a small hot set, and a long list of distinct ones. */
import { FIXTURES, getCatalog } from '../../test/fake-tidal/index.js';

export interface Call {
  name: string;
  arguments: Record<string, unknown>;
}

/** Known-good calls, cached after their first use. */
export const HOT_CALLS: Call[] = [
  { name: 'search_catalog', arguments: { query: FIXTURES.searchTermWithManyResults } },
  { name: 'get_album', arguments: { albumId: FIXTURES.albumWithManyTracks } },
  { name: 'get_album', arguments: { barcode: FIXTURES.eanAlbumBarcode } },
  { name: 'tracks_by_isrc', arguments: { isrcs: [FIXTURES.multiTrackIsrc] } },
  { name: 'similar_artists', arguments: { artistId: FIXTURES.artistWithManySimilar } },
];

/** The logged-in user's playlists: exercises the user token (and its refresh). */
export const USER_CALL: Call = { name: 'manage_playlist', arguments: { action: 'list' } };

/** Not US: the hot set runs in the default country, and a distinct call must not hit its entries. */
const COUNTRIES = ['NO', 'GB', 'SE', 'NL', 'DK', 'FR', 'ES', 'DE'];

/**
 * `count` calls that each need a TIDAL request of their own (distinct URL or country), about
 * 10 KB each upstream, interleaved by kind so that the cache fills with a mix.
 */
export function distinctCalls(count: number): Call[] {
  const c = getCatalog();
  const isrcWindows: Call[] = [];
  for (let i = 0; i + 20 <= c.tracks.length; i += 1) {
    const isrcs = c.tracks.slice(i, i + 20).map((t) => t.isrc);
    isrcWindows.push({ name: 'tracks_by_isrc', arguments: { isrcs } });
  }
  const albums: Call[] = COUNTRIES.flatMap((country) =>
    c.albums.map((a) => ({ name: 'get_album', arguments: { albumId: a.id, country } })),
  );
  const similar: Call[] = COUNTRIES.flatMap((country) =>
    c.artists.map((a) => ({ name: 'similar_artists', arguments: { artistId: a.id, country } })),
  );
  // Titles repeat (a title track is named like its album): keep each search once.
  const searches = [...new Set([...c.albums, ...c.tracks].map((item) => item.title))].map(
    (query) => ({
      name: 'search_catalog',
      arguments: { query, limit: 50, types: ['tracks', 'albums', 'artists'] },
    }),
  );
  const pools = [isrcWindows, albums, searches, similar];
  const next = pools.map(() => 0);
  const calls: Call[] = [];
  while (calls.length < count) {
    const before = calls.length;
    pools.forEach((pool, p) => {
      const call = pool[next[p]!];
      next[p]! += 1;
      if (call && calls.length < count) calls.push(call);
    });
    if (calls.length === before) break;
  }
  return calls;
}
