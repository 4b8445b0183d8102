/**
 * get_artist through a real MCP client against the fake TIDAL: every section and field, how each
 * section pages, the exact requests (one for the default sections when the releases fit one
 * page; two by name), by-name selection with alternatives, and bad input as field errors.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { DISCOVERY } from '../fake-tidal/catalog/generate-discovery.js';
import type { AlbumRec, TrackRec } from '../fake-tidal/catalog/model.js';
import { type FakeTidal, FIXTURES, getCatalog, startFakeTidal } from '../fake-tidal/index.js';
import { type InProcessServer, startInProcess } from '../helpers/in-process.js';

const c = getCatalog();
const ids = (list: readonly { id: string }[]) => list.map((x) => x.id);
/** The mapper keeps two decimals of TIDAL's popularity. */
const score = (n: number) => Math.round(n * 100) / 100;

/** The artist relationship's order: most popular first, one track per ISRC. */
function topTracks(artistId: string, country = 'US'): TrackRec[] {
  const seen = new Set<string>();
  return c.tracks
    .filter((t) => t.artistIds.includes(artistId) && c.isAvailable(t, country))
    .sort((a, b) => b.popularity - a.popularity || (a.id < b.id ? -1 : 1))
    .filter((t) => !seen.has(t.isrc) && seen.add(t.isrc));
}

/** Releases newest first, the clean twin folded into its explicit original. */
function releases(artistId: string, singles: boolean, country = 'US'): AlbumRec[] {
  return c
    .artistAlbums(artistId, country)
    .filter((a) => a.kind !== 'clean')
    .filter((a) => (a.albumType !== 'ALBUM') === singles)
    .sort((a, b) => (a.releaseDate < b.releaseDate ? 1 : -1));
}

let fake: FakeTidal;
let server: InProcessServer;
const call = (args: Record<string, unknown>) => server.tool('get_artist', args);
const requests = () =>
  fake.apiRequests().map((r) => ({ path: r.path, include: r.query.include?.[0], query: r.query }));

beforeEach(async () => {
  fake ??= await startFakeTidal();
  fake.clearRequests();
  server = await startInProcess(fake); // a fresh cache, so request counts are exact
});
afterEach(() => server.close());

describe('get_artist by id', () => {
  it('answers the default sections with one request when the releases fit one page', async () => {
    const artistId = FIXTURES.uniqueArtistId;
    const result = await call({ artistId });
    expect(result.isError, result.text).toBe(false);
    expect(requests()).toEqual([
      expect.objectContaining({
        path: `/artists/${artistId}`,
        include: 'profileArt,roles,tracks,tracks.albums,tracks.artists,albums,albums.artists',
      }),
    ]);
    const s = result.structured;
    const artist = c.artist(artistId)!;
    expect(s.artist).toEqual({
      id: artistId,
      name: artist.name,
      url: `https://tidal.com/browse/artist/${artistId}`,
      pictureUrl: expect.stringMatching(
        /^https:\/\/resources\.tidal\.com\/images\/.+\/640x640\.jpg$/,
      ),
      popularity: score(artist.popularity),
    });
    expect(ids(s.topTracks.items)).toEqual(ids(topTracks(artistId).slice(0, 10)));
    expect(ids(s.albums.items)).toEqual(ids(releases(artistId, false)));
    expect(s.albums.total).toBe(releases(artistId, false).length);
    expect(s.singles).toBeUndefined();
    expect(s.videos).toBeUndefined();
    expect(s.resolvedFrom).toBeUndefined();
  });

  it('fills every track and album field and renders them without repeating the artist', async () => {
    const result = await call({ artistId: DISCOVERY.artist, limit: 50 });
    const top = topTracks(DISCOVERY.artist);
    const first = top[0]!;
    const album = c.album(first.albumId)!;
    expect(result.structured.topTracks.items[0]).toEqual({
      id: first.id,
      title: first.title,
      artists: [{ id: DISCOVERY.artist, name: DISCOVERY.artistName }],
      album: { id: album.id, title: album.title, releaseDate: album.releaseDate },
      durationSeconds: first.durationSeconds,
      explicit: first.explicit,
      isrc: first.isrc,
      url: `https://tidal.com/browse/track/${first.id}`,
      bpm: first.bpm,
      key: expect.stringMatching(/^[A-G][#b]? (major|minor)$/),
      popularity: score(first.popularity),
      mediaTags: first.mediaTags,
    });
    const newest = releases(DISCOVERY.artist, false)[0]!;
    expect(result.structured.albums.items[0]).toEqual({
      id: newest.id,
      title: newest.title,
      type: 'ALBUM',
      artists: [{ id: DISCOVERY.artist, name: DISCOVERY.artistName }],
      releaseDate: newest.releaseDate,
      numberOfTracks: newest.items.length,
      numberOfVolumes: 1,
      durationSeconds: c.albumDurationSeconds(newest),
      explicit: false,
      barcode: newest.barcodeId,
      url: `https://tidal.com/browse/album/${newest.id}`,
      copyright: newest.copyright,
      popularity: score(newest.popularity),
      mediaTags: newest.mediaTags,
    });
    const text = result.text;
    expect(text).toContain(
      `Artist: ${DISCOVERY.artistName} (id ${DISCOVERY.artist}) · roles Artist, Songwriter, Producer · popularity 0.88`,
    );
    expect(text).toContain(`Top tracks (${Math.min(50, top.length)}):`);
    expect(text).toContain(
      `- ${first.title} · album "${album.title}" (id ${album.id}, ${album.releaseDate.slice(0, 4)})`,
    );
    expect(text).toContain(` · ${first.bpm} BPM · `);
    expect(text).toContain(
      `- ${newest.title} · ${newest.releaseDate.slice(0, 4)} · ${newest.items.length} tracks · id ${newest.id}`,
    );
    expect(text).not.toContain(`— ${DISCOVERY.artistName}`);
  });

  it('reads all 33 releases (two requests), folds the clean twin, splits and sorts newest first', async () => {
    const result = await call({
      artistId: DISCOVERY.artist,
      include: ['albums', 'singles'],
      limit: 50,
    });
    expect(requests().map((r) => r.path)).toEqual([
      `/artists/${DISCOVERY.artist}`,
      `/artists/${DISCOVERY.artist}/relationships/albums`,
    ]);
    expect(requests()[1]!.include).toBe('albums,albums.artists');
    const s = result.structured;
    expect(ids(s.albums.items)).toEqual(ids(releases(DISCOVERY.artist, false)));
    expect(ids(s.singles.items)).toEqual(ids(releases(DISCOVERY.artist, true)));
    expect(s.albums.total + s.singles.total).toBe(32);
    const dates = s.albums.items.map((a: { releaseDate: string }) => a.releaseDate);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(new Set(s.singles.items.map((a: { type: string }) => a.type))).toEqual(
      new Set(['SINGLE', 'EP']),
    );
    const original = s.albums.items.find((a: { id: string }) => a.id === DISCOVERY.explicitAlbum);
    expect(original).toMatchObject({
      explicit: true,
      otherVersions: [{ id: DISCOVERY.cleanTwin, explicit: false }],
    });
    expect(ids(s.albums.items)).not.toContain(DISCOVERY.cleanTwin);
    expect(result.text).toContain(
      `id ${DISCOVERY.explicitAlbum} · https://tidal.com/browse/album/${DISCOVERY.explicitAlbum} · also as id ${DISCOVERY.cleanTwin} (clean)`,
    );
    expect(result.text).toContain('Singles and EPs, newest first (20 of 20):');
    expect(s.albums.nextCursor).toBeUndefined();
  });

  it('returns every section with all ten include paths in the artist request', async () => {
    const result = await call({
      artistId: DISCOVERY.artist,
      include: ['similarArtists', 'videos', 'singles', 'topTracks', 'albums'],
      limit: 2,
    });
    const include = requests()[0]!.include!.split(',');
    expect(include).toHaveLength(10);
    expect(include).toEqual(
      expect.arrayContaining(['videos', 'videos.artists', 'similarArtists', 'roles', 'profileArt']),
    );
    const s = result.structured;
    expect(Object.keys(s)).toEqual(
      expect.arrayContaining(['topTracks', 'albums', 'singles', 'videos', 'similarArtists']),
    );
    const videos = c.artist(DISCOVERY.artist)!.videoIds.map((id) => c.video(id)!);
    expect(s.videos.items).toEqual(
      videos.slice(0, 2).map((v) => ({
        id: v.id,
        title: v.title,
        artists: [{ id: DISCOVERY.artist, name: DISCOVERY.artistName }],
        durationSeconds: v.durationSeconds,
        explicit: v.explicit,
        releaseDate: v.releaseDate,
        url: `https://tidal.com/browse/video/${v.id}`,
      })),
    );
    expect(s.similarArtists.items).toEqual(
      c
        .similarArtists(DISCOVERY.artist)
        .slice(0, 2)
        .map((a) => ({
          id: a.id,
          name: a.name,
          url: `https://tidal.com/browse/artist/${a.id}`,
        })),
    );
    // Text lists the sections in a fixed order, each with its own cursor.
    const headings = result.text.split('\n').filter((l) => /^[A-Z][a-zA-Z ,]+ \(\d/.test(l));
    expect(headings.map((h) => h.replace(/ \(.*$/, ''))).toEqual([
      'Top tracks',
      'Albums, newest first',
      'Singles and EPs, newest first',
      'Videos',
      'Similar artists',
    ]);
    expect(result.text.match(/^more: cursor=/gm)).toHaveLength(5);
  });

  it('respects the country: releases missing there are left out', async () => {
    const result = await call({
      artistId: DISCOVERY.artist,
      include: 'singles',
      country: 'jp',
      limit: 50,
    });
    expect(result.structured.country).toBe('JP');
    expect(ids(result.structured.singles.items)).toEqual(
      ids(releases(DISCOVERY.artist, true, 'JP')),
    );
    for (const id of DISCOVERY.missingInJp)
      expect(ids(result.structured.singles.items)).not.toContain(id);
    expect(requests().every((r) => r.query.countryCode?.[0] === 'JP')).toBe(true);
  });
});

describe('get_artist paging', () => {
  it('continues top tracks through the relationship endpoint with collapseBy=FINGERPRINT', async () => {
    const first = await call({ artistId: DISCOVERY.artist, include: ['topTracks'], limit: 15 });
    fake.clearRequests();
    const second = await call({ cursor: first.structured.topTracks.nextCursor, limit: 15 });
    expect(second.isError, second.text).toBe(false);
    expect([
      ...ids(first.structured.topTracks.items),
      ...ids(second.structured.topTracks.items),
    ]).toEqual(ids(topTracks(DISCOVERY.artist).slice(0, 30)));
    expect(second.structured.artist).toEqual({ id: DISCOVERY.artist });
    expect(second.structured.albums).toBeUndefined();
    expect(requests()).toEqual([
      expect.objectContaining({
        path: `/artists/${DISCOVERY.artist}/relationships/tracks`,
        include: 'tracks,tracks.albums,tracks.artists',
        query: expect.objectContaining({
          collapseBy: ['FINGERPRINT'],
          'page[cursor]': [expect.any(String)],
        }),
      }),
    ]);
    expect(second.text).toMatch(/^More of artist 3700001 \(US\):\nTop tracks \(15\):/);
  });

  it('pages albums by offset in the sorted list, to the end, from the cache', async () => {
    const all = releases(DISCOVERY.artist, false);
    const seen: string[] = [];
    let cursor: string | undefined;
    let page = await call({ artistId: DISCOVERY.artist, include: ['albums'], limit: 4 });
    expect(fake.apiRequests()).toHaveLength(2);
    for (;;) {
      seen.push(...ids(page.structured.albums.items));
      cursor = page.structured.albums.nextCursor;
      if (!cursor) break;
      page = await call({ artistId: DISCOVERY.artist, cursor, limit: 4 });
      expect(page.isError, page.text).toBe(false);
    }
    expect(seen).toEqual(ids(all));
    // Every later page re-reads the first call's cached documents.
    expect(fake.apiRequests()).toHaveLength(2);
  });

  it('continues videos and similar artists', async () => {
    const first = await call({
      artistId: DISCOVERY.artist,
      include: ['videos', 'similarArtists'],
      limit: 2,
    });
    const videos = await call({ cursor: first.structured.videos.nextCursor });
    expect(ids(videos.structured.videos.items)).toEqual([c.artist(DISCOVERY.artist)!.videoIds[2]]);
    expect(videos.structured.videos.nextCursor).toBeUndefined();
    const similar = await call({ cursor: first.structured.similarArtists.nextCursor, limit: 50 });
    expect(ids(similar.structured.similarArtists.items)).toEqual(
      ids(c.similarArtists(DISCOVERY.artist).slice(2)),
    );
  });
});

describe('get_artist by name or link', () => {
  it('prefers the exact name over a more popular match and lists the other match (2 requests)', async () => {
    const result = await call({ artistName: 'oriel marchetti', include: 'topTracks', limit: 1 });
    expect(result.structured.artist.id).toBe(DISCOVERY.artist);
    expect(result.structured.resolvedFrom).toEqual({
      artistName: 'oriel marchetti',
      exactMatch: true,
      otherCandidates: [{ id: DISCOVERY.quartet, name: 'Oriel Marchetti Quartet' }],
    });
    expect(result.text.split('\n')[0]).toBe(
      `"oriel marchetti" matched Oriel Marchetti (id ${DISCOVERY.artist}). Other candidates: Oriel Marchetti Quartet (id ${DISCOVERY.quartet})`,
    );
    expect(requests().map((r) => r.path)).toEqual([
      '/searchResults',
      `/artists/${DISCOVERY.artist}`,
    ]);
  });

  it('without an exact match takes the top result and names up to 3 others', async () => {
    const result = await call({ artistName: 'Oriel', include: ['similarArtists'] });
    const [picked, ...others] = DISCOVERY.orielByPopularity;
    expect(result.structured.artist.id).toBe(picked);
    expect(result.structured.resolvedFrom.exactMatch).toBe(false);
    expect(ids(result.structured.resolvedFrom.otherCandidates)).toEqual(others.slice(0, 3));
    expect(result.text).toContain(
      '"Oriel" had no exact match; using the top search result Oriel Marchetti Quartet',
    );
    expect(requests()).toHaveLength(2);
  });

  it('takes a tidal.com artist link as url', async () => {
    const result = await call({
      url: `https://listen.tidal.com/artist/${DISCOVERY.loner}`,
      include: ['albums'],
    });
    expect(result.structured.artist).toMatchObject({
      id: DISCOVERY.loner,
      name: 'Pellucid Yarrow',
    });
    expect(result.structured.albums.items).toEqual([]);
    expect(result.text).toContain('Albums, newest first (0 of 0):\n- none listed by TIDAL');
  });

  it('says plainly when the artist id does not exist', async () => {
    const result = await call({ artistId: '999999999' });
    expect(result.isError).toBe(true);
    expect(result.text).toContain('artist 999999999');
    expect(fake.apiRequests()).toHaveLength(1);
  });

  it('says plainly when no artist has the name', async () => {
    const result = await call({ artistName: 'Nobody Ever Named This' });
    expect(result.isError).toBe(true);
    expect(result.text).toContain('no TIDAL artist matches "Nobody Ever Named This" in US');
  });
});

describe('get_artist bad input', () => {
  it.each([
    [{}, 'artistId: give exactly one of artistId, artistName or url'],
    [
      { artistId: '1', artistName: 'x' },
      'artistId: give exactly one of artistId, artistName or url',
    ],
    [
      { artistId: '1', url: 'https://tidal.com/browse/artist/1' },
      'artistId: give exactly one of artistId, artistName or url',
    ],
    [
      { artistId: '1', include: ['bogus'] },
      'include.0: expected one of topTracks, albums, singles, videos, similarArtists',
    ],
    [{ artistId: '1', include: [] }, 'include: expected at least one section'],
    [
      { url: 'https://tidal.com/browse/track/1' },
      'url: is a link to a track; expected an artist link',
    ],
    [
      { url: 'https://example.com/artist/1' },
      'url: expected a tidal.com artist link, e.g. https://tidal.com/browse/artist/1566',
    ],
    [{ artistId: '1', limit: 51 }, 'limit: expected at most 50'],
    [
      { cursor: 'bogus' },
      'cursor: expected a nextCursor value returned by an earlier get_artist call',
    ],
  ])('%j is refused naming the field', async (args, message) => {
    const result = await call(args);
    expect(result.isError).toBe(true);
    expect(result.text).toContain(message);
    expect(fake.apiRequests()).toHaveLength(0);
  });

  it('refuses a cursor of another artist or with include', async () => {
    const first = await call({ artistId: DISCOVERY.artist, include: ['albums'], limit: 1 });
    const cursor = first.structured.albums.nextCursor;
    fake.clearRequests();
    const other = await call({ cursor, artistId: DISCOVERY.loner });
    expect(other.text).toContain(
      `cursor: belongs to artist ${DISCOVERY.artist}, not to artist ${DISCOVERY.loner}`,
    );
    const withInclude = await call({ cursor, include: ['videos'] });
    expect(withInclude.text).toContain('include: not used with cursor');
    expect(fake.apiRequests()).toHaveLength(0);
  });
});
