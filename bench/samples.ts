/**
 * Typical calls per tool, looked up by the name tools/list gives. The benchmark iterates over
 * whatever tools/list returns; a tool with no entry here is reported as "no sample call", never
 * skipped silently. Adding a tool? Add its samples here: the first one is its typical answer.
 *
 * `args(i)` must give different arguments for different i (cold calls miss the cache) and the
 * same arguments for the same i (warm calls hit it). `expectedRequests` is the TIDAL request
 * count the design promises for a cold call, where it is fixed.
 */
import { DISCOVERY } from '../test/fake-tidal/catalog/generate-discovery.js';
import { DEFAULT_USER, type FakeTidal, getCatalog } from '../test/fake-tidal/index.js';

export interface Sample {
  name: string;
  args: (i: number) => Record<string, unknown>;
  expectedRequests?: number;
  /** Needs a logged-in user (the bench logs in through the file token store). */
  login?: boolean;
  /** The arguments cannot vary (e.g. "list"): only the first call is cold. */
  single?: boolean;
}

/** Wrapping index and slice, so any i gives valid (and, within the pool size, distinct) values. */
const at = <T>(pool: readonly T[], k: number): T => pool[k % pool.length]!;
const window = <T>(pool: readonly T[], start: number, size: number): T[] =>
  Array.from({ length: size }, (_, j) => at(pool, start + j));

function catalogPools() {
  const c = getCatalog();
  const albums = c.albums.filter((a) => a.unavailableIn.length === 0);
  const tracks = c.tracks.filter((t) => c.isAvailable(c.album(t.albumId)!, 'US'));
  const isrcs = [...new Set(tracks.map((t) => t.isrc))];
  const artists = c.artists.filter((a) => a.similarIds.length > 0);
  const longest = [...albums].sort((a, b) => c.albumItems(b.id).length - c.albumItems(a.id).length);
  return { c, albums, tracks, isrcs, artists, longest };
}

/** Playlists of the default user with tracks, made directly in the fake (no tool calls). */
function seedPlaylists(fake: FakeTidal, count: number, size: number): string[] {
  const { tracks } = catalogPools();
  const ids: string[] = [];
  for (let p = 0; p < count; p++) {
    const playlist = fake.userPlaylists.create(DEFAULT_USER.id, { name: `bench playlist ${p}` });
    const slice = tracks.slice(p * size, (p + 1) * size);
    fake.userPlaylists.add(
      playlist,
      slice.map((t) => ({ type: 'tracks' as const, id: t.id })),
    );
    ids.push(playlist.id);
  }
  return ids;
}

/** Discovery pools: regular artists (at most 20 releases), and ISRCs of one track each. */
function discoveryPools() {
  const c = getCatalog();
  const regular = c.artists.filter((a) => a.id.startsWith('35') && a.albumIds.length <= 20);
  const tracks = c.tracks.filter((t) => c.isAvailable(t, 'US') && t.id.startsWith('200'));
  const singles = tracks.filter((t) => c.tracksByIsrc(t.isrc).length === 1).map((t) => t.isrc);
  return { regular, tracks, singles };
}

/** Countries make repeated calls for the one 33-release artist cold (the cache is per country). */
const COUNTRIES = ['US', 'GB', 'DE', 'SE', 'NO', 'FR', 'NL', 'JP'];

/** Ten "Artist - Title" lines, distinct per i (and per `from`, so tools do not share a cache). */
function matchList(i: number, from = 2000): string {
  const { tracks } = discoveryPools();
  const c = getCatalog();
  return window(tracks, from + i * 10, 10)
    .map((t) => `${c.artist(t.artistIds[0]!)!.name} - ${t.title}`)
    .join('\n');
}

export function buildSamples(fake: FakeTidal): Record<string, Sample[]> {
  const { albums, isrcs, artists, longest } = catalogPools();
  const { regular, tracks, singles } = discoveryPools();
  const playlists = seedPlaylists(fake, 40, 50);
  const editorial = getCatalog().playlists.map((p) => p.id);
  return {
    search_catalog: [
      {
        name: 'search (3 types)',
        expectedRequests: 1,
        args: (i) => ({ query: at(albums, i).title }),
      },
      {
        name: 'search, 5 types × 50',
        args: (i) => ({
          query: at(albums, 100 + i).title.split(' ')[0],
          types: ['tracks', 'albums', 'artists', 'videos', 'playlists'],
          limit: 50,
        }),
      },
    ],
    get_album: [
      { name: 'album by id', expectedRequests: 1, args: (i) => ({ albumId: at(albums, i).id }) },
      {
        name: 'album by barcode',
        expectedRequests: 1,
        args: (i) => ({ barcode: at(albums, 50 + i).barcodeId }),
      },
      { name: 'longest albums', args: (i) => ({ albumId: at(longest, i).id }) },
    ],
    tracks_by_isrc: [
      { name: '1 ISRC', args: (i) => ({ isrcs: [at(isrcs, i)] }) },
      {
        name: '20 ISRCs',
        expectedRequests: 1,
        args: (i) => ({ isrcs: window(isrcs, 100 + i * 20, 20) }),
      },
      {
        name: '100 ISRCs',
        expectedRequests: 5,
        args: (i) => ({ isrcs: window(isrcs, 600 + i * 100, 100) }),
      },
      {
        name: '20 ISRCs in 3 countries',
        expectedRequests: 3,
        // The call's own country among the three: one lookup in each.
        args: (i) => ({
          isrcs: window(singles, 300 + i * 20, 20),
          country: 'US',
          countries: ['US', 'SE', 'JP'],
        }),
      },
    ],
    get_artist: [
      { name: 'artist by id', expectedRequests: 1, args: (i) => ({ artistId: at(regular, i).id }) },
      {
        name: 'artist by name',
        expectedRequests: 2,
        // Names no other sample searches for (similar_artists by name uses 20 to 34).
        args: (i) => ({ artistName: at(regular, 45 + i).name }),
      },
      {
        name: 'artist, 33 releases',
        expectedRequests: 2,
        args: (i) => ({
          artistId: DISCOVERY.artist,
          include: ['albums', 'singles'],
          country: at(COUNTRIES, i),
        }),
      },
    ],
    similar_tracks: [
      {
        name: 'similar tracks',
        expectedRequests: 1,
        args: (i) => ({ trackId: at(tracks, i * 7).id }),
      },
    ],
    match_tracks: [{ name: '10 lines', args: (i) => ({ text: matchList(i) }) }],
    similar_artists: [
      {
        name: 'similar by id',
        expectedRequests: 1,
        args: (i) => ({ artistId: at(artists, i).id }),
      },
      {
        name: 'similar by name',
        expectedRequests: 2,
        args: (i) => ({ artistName: at(artists, 20 + i).name }),
      },
      { name: 'similar, limit 50', args: (i) => ({ artistId: at(artists, 40 + i).id, limit: 50 }) },
    ],
    manage_playlist: [
      {
        name: 'describe a playlist',
        login: true,
        args: (i) => ({
          action: 'update',
          playlistId: at(playlists, i),
          description: `bench ${i}`,
        }),
      },
      {
        // A preview into a new playlist writes nothing, so it repeats: one search per line.
        name: 'import preview, 10 lines',
        login: true,
        expectedRequests: 10,
        args: (i) => ({ action: 'import', name: `bench import ${i}`, text: matchList(i, 3000) }),
      },
    ],
    get_playlist: [
      {
        name: 'playlist, 20 items',
        expectedRequests: 1,
        login: true,
        args: (i) => ({ playlistId: at(playlists, i), limit: 20 }),
      },
      {
        name: 'editorial playlist, 50 items',
        args: (i) => ({ playlistId: at(editorial, i), limit: 50 }),
      },
    ],
    get_library: [
      {
        name: 'favorite tracks, 20',
        expectedRequests: 1,
        login: true,
        single: true,
        args: () => ({ kind: 'tracks', limit: 20 }),
      },
      { name: 'your playlists', login: true, single: true, args: () => ({ kind: 'playlists' }) },
    ],
    manage_favorites: [
      {
        name: 'favorite 20 tracks by id',
        login: true,
        args: (i) => ({
          action: 'add',
          kind: 'tracks',
          ids: window(tracks, 4000 + i * 20, 20).map((t) => t.id),
        }),
      },
    ],
    account: [{ name: 'status', single: true, args: () => ({ action: 'status' }) }],
  };
}
