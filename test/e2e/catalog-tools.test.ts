/**
 * The four catalog tools end to end: built server over stdio, real MCP client, fake TIDAL.
 * Every test asserts exact values from the generated catalog and the number of upstream requests.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { type FakeTidal, FIXTURES, getCatalog, startFakeTidal } from '../fake-tidal/index.js';
import { callTool, fakeEnv, type RunningServer, startServer } from './harness.js';

const catalog = getCatalog();

describe('catalog tools over stdio', () => {
  let fake: FakeTidal;
  let server: RunningServer;
  const call = (name: string, args: Record<string, unknown>) => callTool(server, name, args);
  const apiCalls = () => fake.apiRequests();

  beforeAll(async () => {
    fake = await startFakeTidal();
    server = await startServer(fakeEnv(fake, { TIDAL_MCP_CALL_STATS: '1' }));
  });
  afterAll(async () => {
    await server.close();
    await fake.close();
  });
  beforeEach(() => {
    fake.clearRequests();
    fake.clearFaults();
  });

  describe('search_catalog', () => {
    const term = FIXTURES.searchTermWithManyResults;
    const expected = catalog.search(term, 'US');

    it('returns every default type from one request, with include and countryCode', async () => {
      const result = await call('search_catalog', { query: term });
      expect(result.isError).toBe(false);
      const s = result.structured as Record<
        string,
        { items: { id: string }[]; nextCursor?: string }
      >;
      expect(s.tracks?.items.map((t) => t.id)).toEqual(
        expected.tracks.slice(0, 10).map((t) => t.id),
      );
      expect(s.albums?.items.map((a) => a.id)).toEqual(
        expected.albums.slice(0, 10).map((a) => a.id),
      );
      expect(s.artists?.items.map((a) => a.id)).toEqual(
        expected.artists.slice(0, 10).map((a) => a.id),
      );
      expect(s.videos).toBeUndefined();
      expect(s.tracks?.nextCursor).toEqual(expect.any(String));
      expect(apiCalls()).toHaveLength(1);
      const [request] = apiCalls();
      expect(request?.path).toBe('/searchResults');
      expect(request?.query['filter[query]']).toEqual([term]);
      expect(request?.query.countryCode).toEqual(['US']);
      expect(request?.query.include?.[0]?.split(',')).toEqual(
        expect.arrayContaining(['tracks', 'tracks.artists', 'albums', 'artists']),
      );
      expect(result.meta?.['io.github.tidal-mcp/call-stats']).toMatchObject({
        upstreamRequests: 1,
        cacheHits: 0,
      });
      const firstTrack = expected.tracks[0]!;
      expect(result.text).toContain(`id ${firstTrack.id}`);
      expect(result.text).not.toContain('"data"');
    });

    it('answers a repeated call from the cache without any TIDAL request', async () => {
      await call('search_catalog', { query: term });
      fake.clearRequests();
      const again = await call('search_catalog', { query: term });
      expect(again.isError).toBe(false);
      expect(apiCalls()).toHaveLength(0);
      expect(again.meta?.['io.github.tidal-mcp/call-stats']).toMatchObject({
        upstreamRequests: 0,
        cacheHits: 1,
      });
    });

    it('pages one type with the cursor, continuing exactly where the last page stopped', async () => {
      const first = await call('search_catalog', { query: term, types: ['tracks'], limit: 15 });
      const firstIds = (first.structured?.tracks as { items: { id: string }[] }).items.map(
        (t) => t.id,
      );
      const cursor = (first.structured?.tracks as { nextCursor: string }).nextCursor;
      const second = await call('search_catalog', { query: term, cursor, limit: 15 });
      const secondList = second.structured?.tracks as {
        items: { id: string }[];
        nextCursor?: string;
      };
      expect([...firstIds, ...secondList.items.map((t) => t.id)]).toEqual(
        expected.tracks.slice(0, 30).map((t) => t.id),
      );
      expect(second.structured?.albums).toBeUndefined();
      for (const request of apiCalls().slice(1)) {
        expect(request.path).toMatch(/^\/searchResults\/[^/]+\/relationships\/tracks$/);
        expect(request.query.countryCode).toEqual(['US']);
        expect(request.query.include?.[0]).toContain('tracks');
      }
    });

    it('finds an artist by exact name and respects the country', async () => {
      const result = await call('search_catalog', {
        query: FIXTURES.uniqueArtistName,
        types: ['artists'],
        country: 'no',
      });
      const artists = (result.structured?.artists as { items: { id: string; name: string }[] })
        .items;
      expect(artists[0]).toMatchObject({
        id: FIXTURES.uniqueArtistId,
        name: FIXTURES.uniqueArtistName,
      });
      expect(result.structured?.country).toBe('NO');
      expect(apiCalls()[0]?.query.countryCode).toEqual(['NO']);
    });
  });

  describe('get_album', () => {
    it('returns album metadata and the first page of tracks in one request, then pages by cursor', async () => {
      const albumId = FIXTURES.albumWithManyTracks;
      const album = catalog.album(albumId)!;
      const tracks = catalog.albumTracks(albumId);
      const first = await call('get_album', { albumId });
      expect(first.isError).toBe(false);
      expect(first.structured?.album).toMatchObject({
        id: albumId,
        title: album.title,
        barcode: album.barcodeId,
        numberOfTracks: tracks.length,
        releaseDate: album.releaseDate,
        type: album.albumType,
      });
      const page1 = first.structured?.tracks as { id: string; trackNumber: number }[];
      expect(page1.map((t) => t.id)).toEqual(tracks.slice(0, 20).map((t) => t.id));
      expect(page1[0]?.trackNumber).toBe(1);
      expect(apiCalls()).toHaveLength(1);
      expect(apiCalls()[0]?.query.include?.[0]).toBe('artists,coverArt,items,items.artists');

      const next = await call('get_album', { cursor: first.structured?.nextCursor });
      const page2 = next.structured?.tracks as { id: string }[];
      expect(page2.map((t) => t.id)).toEqual(tracks.slice(20).map((t) => t.id));
      expect(next.structured?.nextCursor).toBeUndefined();
      expect(apiCalls()).toHaveLength(2);
      const follow = apiCalls()[1]!;
      expect(follow.path).toBe(`/albums/${albumId}/relationships/items`);
      expect(follow.query.include).toEqual(['items,items.artists']);
      expect(follow.query.countryCode).toEqual(['US']);
    });

    it('finds an album by UPC-A barcode with its leading zero, in one request', async () => {
      const barcode = FIXTURES.upcAlbumBarcode;
      expect(barcode).toMatch(/^0\d{11}$/);
      const result = await call('get_album', {
        barcode: `${barcode.slice(0, 6)}-${barcode.slice(6)}`,
      });
      expect(result.isError).toBe(false);
      expect(result.structured?.album).toMatchObject({
        id: catalog.albumByBarcode(barcode)!.id,
        barcode,
      });
      expect(apiCalls()).toHaveLength(1);
      // Every form TIDAL may store it in, in one request: as given, GTIN-14, EAN-13.
      expect(apiCalls()[0]?.query['filter[barcodeId]']).toEqual([
        barcode,
        `00${barcode}`,
        `0${barcode}`,
      ]);
    });

    it('says an album is not found when it is not available in the country', async () => {
      const result = await call('get_album', { albumId: FIXTURES.notInDeAlbum, country: 'de' });
      expect(result.isError).toBe(true);
      expect(result.text).toContain(`album ${FIXTURES.notInDeAlbum} was not found on TIDAL`);
      const ok = await call('get_album', { albumId: FIXTURES.notInDeAlbum, country: 'US' });
      expect(ok.isError).toBe(false);
    });
  });

  describe('tracks_by_isrc', () => {
    it('returns every track for a single ISRC, with albums', async () => {
      const isrc = FIXTURES.multiTrackIsrc;
      const expectedTracks = catalog.tracksByIsrc(isrc, 'US');
      const result = await call('tracks_by_isrc', { isrcs: [isrc.toLowerCase()] });
      const [entry] = result.structured?.results as {
        status: string;
        tracks: { id: string; album: { id: string } }[];
      }[];
      expect(entry?.status).toBe('found');
      expect(entry?.tracks.map((t) => t.id).sort()).toEqual(expectedTracks.map((t) => t.id).sort());
      expect(entry?.tracks.every((t) => t.album.id !== '')).toBe(true);
      expect(apiCalls()).toHaveLength(1);
      expect(result.structured?.note).toBeUndefined();
    });

    it('follows pages for an ISRC with many tracks', async () => {
      const result = await call('tracks_by_isrc', { isrcs: [FIXTURES.manyTrackIsrc] });
      const [entry] = result.structured?.results as { tracks: unknown[] }[];
      expect(entry?.tracks).toHaveLength(catalog.tracksByIsrc(FIXTURES.manyTrackIsrc, 'US').length);
      expect(apiCalls()).toHaveLength(2);
    });

    it('resolves a batch in ceil(n/20) requests with a status per ISRC', async () => {
      const known = [
        ...new Set(catalog.tracks.filter((t) => catalog.isAvailable(t, 'US')).map((t) => t.isrc)),
      ].slice(0, 43);
      const unknown = 'ZZZZZ9999999';
      const isrcs = [...known, 'XX', unknown];
      const result = await call('tracks_by_isrc', { isrcs });
      expect(result.isError).toBe(false);
      const results = result.structured?.results as {
        isrc: string;
        status: string;
        tracks?: { isrc: string }[];
      }[];
      expect(results).toHaveLength(45);
      expect(
        results
          .slice(0, 43)
          .every((r, i) => r.status === 'found' && r.tracks?.[0]?.isrc === known[i]),
      ).toBe(true);
      expect(results[43]).toMatchObject({ isrc: 'XX', status: 'invalid' });
      expect(results[44]).toMatchObject({ isrc: unknown, status: 'not_found' });
      expect(result.structured).toMatchObject({ found: 43, notFound: 1, invalid: 1 });
      expect(result.structured?.note).toContain('one track per ISRC');
      expect(apiCalls()).toHaveLength(Math.ceil(44 / 20));
      expect(apiCalls().every((r) => (r.query['filter[isrc]']?.length ?? 0) <= 20)).toBe(true);
      expect(apiCalls().flatMap((r) => r.query['filter[isrc]'] ?? [])).not.toContain('XX');
    });

    it('rejects a call whose ISRCs are all malformed, naming the field', async () => {
      const result = await call('tracks_by_isrc', { isrcs: ['XX'] });
      expect(result.isError).toBe(true);
      expect(result.text).toContain('isrcs: none is a valid ISRC (got "XX")');
      expect(apiCalls()).toHaveLength(0);
    });
  });

  describe('similar_artists', () => {
    const artistId = FIXTURES.artistWithManySimilar;
    const similar = catalog.similarArtists(artistId);

    it('returns names and ids in one request by id, and pages with the cursor', async () => {
      const first = await call('similar_artists', { artistId });
      expect(first.isError).toBe(false);
      expect(first.structured?.artist).toMatchObject({
        id: artistId,
        name: catalog.artist(artistId)!.name,
      });
      const items = first.structured?.similar as { id: string; name: string }[];
      expect(items).toEqual(
        similar.slice(0, 10).map((a) => ({ id: a.id, name: a.name, url: expect.any(String) })),
      );
      expect(apiCalls()).toHaveLength(1);
      expect(apiCalls()[0]?.query.include).toEqual(['similarArtists']);

      const rest = await call('similar_artists', {
        cursor: first.structured?.nextCursor,
        limit: 50,
      });
      expect((rest.structured?.similar as { id: string }[]).map((a) => a.id)).toEqual(
        similar.slice(10).map((a) => a.id),
      );
      expect(rest.structured?.nextCursor).toBeUndefined();
    });

    it('resolves a name through search first and says which artist it picked', async () => {
      const result = await call('similar_artists', {
        artistName: FIXTURES.uniqueArtistName.toUpperCase(),
        limit: 3,
      });
      expect(result.isError).toBe(false);
      expect(result.structured?.artist).toMatchObject({ id: FIXTURES.uniqueArtistId });
      expect(result.structured?.resolvedFrom).toMatchObject({ exactMatch: true });
      expect(result.text).toContain(
        `matched ${FIXTURES.uniqueArtistName} (id ${FIXTURES.uniqueArtistId})`,
      );
      expect(apiCalls().map((r) => r.path)).toEqual([
        '/searchResults',
        `/artists/${FIXTURES.uniqueArtistId}`,
      ]);
    });
  });

  describe('resilience', () => {
    it('survives a 429 with Retry-After and a 500', async () => {
      fake.inject({ kind: 'status', status: 429, retryAfter: '1', count: 1 });
      fake.inject({ kind: 'status', status: 500, count: 1 });
      const result = await call('get_album', { albumId: FIXTURES.multiVolumeAlbum });
      expect(result.isError).toBe(false);
      expect(apiCalls().map((r) => r.status)).toEqual([429, 500, 200]);
    });

    it('tells the model to retry later when TIDAL keeps rate limiting', async () => {
      fake.inject({ kind: 'status', status: 429, retryAfter: '1', count: 4 });
      const result = await call('get_album', { albumId: FIXTURES.compilationAlbum });
      expect(result.isError).toBe(true);
      expect(result.text).toBe(
        "TIDAL's rate limit was reached; TIDAL asks to wait 1 s. Wait, then call get_album again.",
      );
      expect(apiCalls()).toHaveLength(4);
      const after = await call('get_album', { albumId: FIXTURES.compilationAlbum });
      expect(after.isError).toBe(false);
    });

    it('re-authenticates once when TIDAL stops accepting the token', async () => {
      const before = fake.issuedTokenCount();
      fake.expireAllTokens();
      const result = await call('get_album', { albumId: FIXTURES.explicitAlbum });
      expect(result.isError).toBe(false);
      expect(fake.issuedTokenCount()).toBe(before + 1);
      expect(apiCalls().map((r) => r.status)).toEqual([401, 200]);
    });
  });

  describe('bad input', () => {
    it.each([
      ['search_catalog', { query: '   ' }, 'query: expected a non-empty search text'],
      ['search_catalog', { query: 'x', limit: 0 }, 'limit: expected at least 1'],
      ['search_catalog', { query: 'x', limit: 51 }, 'limit: expected at most 50'],
      [
        'search_catalog',
        { query: 'x', country: 'XX' },
        'country: expected an ISO 3166-1 alpha-2 country code',
      ],
      [
        'search_catalog',
        { query: 'x', country: 'Norway' },
        'country: expected a two-letter ISO 3166-1 alpha-2',
      ],
      ['search_catalog', { query: 'x', page: 2 }, 'Unrecognized key: "page"'],
      [
        'search_catalog',
        { query: 'x', cursor: 'bogus' },
        'cursor: expected a nextCursor value returned by an earlier search_catalog call',
      ],
      ['get_album', {}, 'albumId: give exactly one of albumId or barcode'],
      [
        'get_album',
        { albumId: '1', barcode: '0123456789012' },
        'albumId: give exactly one of albumId or barcode',
      ],
      ['get_album', { albumId: '../users/me' }, 'albumId: expected a TIDAL id'],
      ['get_album', { albumId: '1.2' }, 'albumId: expected a TIDAL id'],
      [
        'get_album',
        { barcode: '12345' },
        'barcode: expected a barcode of 8, 12, 13 or 14 digits (GTIN-8, UPC-A, EAN-13 or GTIN-14)',
      ],
      ['tracks_by_isrc', { isrcs: [] }, 'isrcs: expected at least one ISRC'],
      [
        'tracks_by_isrc',
        { isrcs: Array.from({ length: 101 }, () => 'USRC17607839') },
        'isrcs: expected at most 100 ISRCs',
      ],
      ['similar_artists', {}, 'artistId: give exactly one of artistId or artistName'],
      ['similar_artists', { artistId: 'a/b' }, 'artistId: expected a TIDAL id'],
    ])('%s %j is rejected naming the field', async (tool, args, message) => {
      const result = await call(tool, args);
      expect(result.isError).toBe(true);
      expect(result.text).toContain(message);
      expect(result.text).not.toMatch(/at \S+\.js:\d+/);
      expect(apiCalls()).toHaveLength(0);
    });

    it('keeps working after bad input', async () => {
      await call('get_album', { albumId: '../x' });
      const result = await call('get_album', { albumId: FIXTURES.cleanAlbum });
      expect(result.isError).toBe(false);
    });
  });
});

describe('2026-07-28 (stateless) clients over stdio', () => {
  it('serve the same tools and results', async () => {
    const fake = await startFakeTidal();
    const server = await startServer(fakeEnv(fake), { era: 'modern' });
    try {
      const tools = await server.client.listTools();
      expect(tools.tools.map((t) => t.name)).toContain('get_album');
      const result = await callTool(server, 'get_album', { albumId: FIXTURES.multiVolumeAlbum });
      expect(result.isError).toBe(false);
      expect((result.structured?.album as { id: string }).id).toBe(FIXTURES.multiVolumeAlbum);
    } finally {
      await server.close();
      await fake.close();
    }
  });
});
