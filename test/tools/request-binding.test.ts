/**
 * Issue 10 through a real MCP client against the fake TIDAL: cursors bound to their request,
 * later pages that fail, the logged-in user's country, lenient inputs and bounded results.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import {
  DEFAULT_USER,
  type FakeTidal,
  FIXTURES,
  getCatalog,
  startFakeTidal,
} from '../fake-tidal/index.js';
import { FakeLoginSession, type InProcessServer, startInProcess } from '../helpers/in-process.js';

const catalog = getCatalog();
const term = FIXTURES.searchTermWithManyResults;

describe('requests, cursors and results', () => {
  let fake: FakeTidal;
  let s: InProcessServer;
  const requests = () => fake.apiRequests();

  beforeAll(async () => {
    fake = await startFakeTidal();
    s = await startInProcess(fake);
  });
  afterAll(async () => {
    await s.close();
    await fake.close();
  });
  beforeEach(() => fake.clearRequests());
  afterEach(() => fake.clearFaults());

  describe('cursors are bound to their request', () => {
    it('refuses a search cursor with another query, or from another tool, saying what to do', async () => {
      const first = await s.tool('search_catalog', { query: term, types: 'tracks' });
      const cursor = first.structured.tracks.nextCursor as string;
      const other = await s.tool('search_catalog', { query: 'something else', cursor });
      expect(other.text).toBe(
        'Invalid arguments for search_catalog: cursor: belongs to another search query, not "something else": pass the query that returned it, or repeat the search without cursor',
      );
      const same = await s.tool('search_catalog', { query: `  ${term.toUpperCase()} `, cursor });
      expect(same.isError, same.text).toBe(false);
      const elsewhere = await s.tool('get_album', { cursor });
      expect(elsewhere.text).toBe(
        'Invalid arguments for get_album: cursor: comes from search_catalog, not get_album: pass it to search_catalog, or repeat this get_album call without cursor',
      );
      const country = await s.tool('search_catalog', { query: term, cursor, country: 'de' });
      expect(country.text).toBe(
        'Invalid arguments for search_catalog: cursor: belongs to a call for country US, not DE: repeat with country US, or call again without cursor',
      );
    });

    it('continues a cursor in its own country when the call names none', async () => {
      const first = await s.tool('get_album', {
        albumId: FIXTURES.albumWithManyTracks,
        country: 'NO',
      });
      fake.clearRequests();
      const next = await s.tool('get_album', { cursor: first.structured.nextCursor });
      expect(next.structured.country).toBe('NO');
      expect(requests()[0]!.query.countryCode).toEqual(['NO']);
    });
  });

  describe('a later page that fails keeps what was read', () => {
    it('search: the first page, a note and a cursor that resumes where it stopped', async () => {
      fake.inject({ kind: 'status', status: 503, path: /\/relationships\/tracks$/, count: 4 });
      const result = await s.tool('search_catalog', { query: term, types: ['tracks'], limit: 30 });
      expect(result.isError, result.text).toBe(false);
      const expected = catalog.search(term, 'US').tracks.map((t) => t.id);
      expect(result.structured.tracks.items.map((t: { id: string }) => t.id)).toEqual(
        expected.slice(0, 20),
      );
      expect(result.structured.note).toMatch(
        /^Stopped early: a later page of tracks \(TIDAL had a problem answering more tracks for an earlier search \(HTTP 503\).*\) could not be read; the items above were read before it, and nextCursor resumes where it stopped\.$/,
      );
      expect(result.text.split('\n').at(-1)).toBe(result.structured.note);
      fake.clearFaults();
      const resumed = await s.tool('search_catalog', {
        query: term,
        cursor: result.structured.tracks.nextCursor,
        limit: 10,
      });
      expect(resumed.structured.tracks.items.map((t: { id: string }) => t.id)).toEqual(
        expected.slice(20, 30),
      );
    });

    it('similar_artists: the first page and a note', async () => {
      const artistId = FIXTURES.artistWithManySimilar;
      fake.inject({
        kind: 'status',
        status: 503,
        path: /\/relationships\/similarArtists$/,
        count: 4,
      });
      const result = await s.tool('similar_artists', { artistId, limit: 25 });
      expect(result.structured.similar).toHaveLength(20);
      expect(result.structured.note).toContain('Stopped early: a later page could not be read');
      expect(result.structured.nextCursor).toEqual(expect.any(String));
    });

    it('tracks_by_isrc: the ISRCs of a failed batch are marked failed, the others kept', async () => {
      const isrcs = [
        ...new Set(catalog.tracks.filter((t) => catalog.isAvailable(t, 'US')).map((t) => t.isrc)),
      ].slice(0, 25);
      fake.inject({ kind: 'status', status: 503, path: '/tracks', skip: 1, count: 4 });
      const result = await s.tool('tracks_by_isrc', { isrcs });
      expect(result.isError, result.text).toBe(false);
      expect(result.structured).toMatchObject({ found: 20, notFound: 0, invalid: 0, failed: 5 });
      const failed = result.structured.results.slice(20);
      expect(failed.map((r: { status: string }) => r.status)).toEqual(Array(5).fill('failed'));
      expect(failed[0].message).toMatch(
        /^TIDAL had a problem answering tracks for 5 ISRCs \(HTTP 503\)/,
      );
      expect(result.text.split('\n')[0]).toBe(
        'ISRC lookup (US): 20 found, 0 not found, 0 invalid, 5 failed (call again for them)',
      );
    });
  });

  describe('lenient inputs', () => {
    it('takes tidal.com links and numbers as ids, digits as counts, a bare value as a list', async () => {
      const album = await s.tool('get_album', {
        albumId: `https://listen.tidal.com/album/${FIXTURES.multiVolumeAlbum}/track/1`,
      });
      expect(album.isError).toBe(true); // the link points at the track inside the album
      expect(album.text).toContain('albumId: is a link to a track, not to an album');
      const byLink = await s.tool('get_album', {
        albumId: `tidal.com/browse/album/${FIXTURES.multiVolumeAlbum}`,
      });
      expect(byLink.structured.albumId).toBe(FIXTURES.multiVolumeAlbum);
      const byNumber = await s.tool('get_album', { albumId: Number(FIXTURES.cleanAlbum) });
      expect(byNumber.structured.albumId).toBe(FIXTURES.cleanAlbum);
      const similar = await s.tool('similar_artists', {
        artistId: `https://tidal.com/artist/${FIXTURES.uniqueArtistId}`,
        limit: '3',
      });
      expect(similar.structured.artist.id).toBe(FIXTURES.uniqueArtistId);
      expect(similar.structured.similar).toHaveLength(3);
      const search = await s.tool('search_catalog', { query: term, types: 'albums', limit: '2' });
      expect(
        Object.keys(search.structured).filter((k) => k !== 'query' && k !== 'country'),
      ).toEqual(['albums']);
      expect(search.structured.albums.items).toHaveLength(2);
      const isrc = await s.tool('tracks_by_isrc', { isrcs: FIXTURES.multiTrackIsrc });
      expect(isrc.structured.found).toBe(1);
      const strict = await s.tool('search_catalog', { query: term, limit: 'ten' });
      expect(strict.isError).toBe(true);
      expect(strict.text).toContain('limit');
    });
  });

  describe('bounded results', () => {
    it('search: at most 100 items per call, with a note saying how to get more', async () => {
      const result = await s.tool('search_catalog', {
        query: 'e',
        limit: 50,
        types: ['tracks', 'albums', 'artists', 'videos', 'playlists'],
      });
      const total = ['tracks', 'albums', 'artists', 'videos', 'playlists'].reduce(
        (n, type) => n + (result.structured[type].items.length as number),
        0,
      );
      expect(total).toBeLessThanOrEqual(100);
      expect(result.structured.tracks.items).toHaveLength(20);
      expect(result.structured.note).toBe(
        'limit lowered to 20 per type (at most 100 items per call); nextCursor continues each type.',
      );
      expect(result.text.length).toBeLessThan(25_000);
      expect(JSON.stringify(result.structured).length).toBeLessThan(50_000);
    });

    it('search fills album covers and artist pictures from the same request', async () => {
      const result = await s.tool('search_catalog', { query: term });
      expect(requests()).toHaveLength(1);
      expect(requests()[0]!.query.include![0]!.split(',')).toEqual(
        expect.arrayContaining(['albums.coverArt', 'artists.profileArt']),
      );
      const album = result.structured.albums.items[0];
      expect(album.coverUrl).toMatch(/^https:\/\/resources\.tidal\.com\/images\/.+\/320x320\.jpg$/);
      const named = await s.tool('search_catalog', {
        query: FIXTURES.uniqueArtistName,
        types: 'artists',
      });
      const artist = named.structured.artists.items[0];
      expect(artist.pictureUrl).toMatch(
        /^https:\/\/resources\.tidal\.com\/images\/.+\/640x640\.jpg$/,
      );
    });
  });
});

describe("the logged-in user's country", () => {
  let fake: FakeTidal;
  beforeAll(async () => {
    fake = await startFakeTidal();
  });
  afterAll(() => fake.close());

  it('is used by catalog tools unless the call or TIDAL_COUNTRY names one', async () => {
    const session = new FakeLoginSession(fake.issueUserToken());
    const asUser = await startInProcess(fake, { session });
    const pinned = await startInProcess(fake, { session, env: { TIDAL_COUNTRY: 'us' } });
    const anonymous = await startInProcess(fake);
    try {
      const mine = await asUser.tool('search_catalog', { query: term, types: 'artists' });
      expect(mine.structured.country).toBe(DEFAULT_USER.country);
      expect(mine.text.split('\n')[0]).toBe(`TIDAL search "${term}" (${DEFAULT_USER.country})`);
      const album = await asUser.tool('get_album', { albumId: FIXTURES.cleanAlbum });
      expect(album.text.startsWith(`Album (${DEFAULT_USER.country}): `)).toBe(true);
      const asked = await asUser.tool('search_catalog', {
        query: term,
        types: 'artists',
        country: 'se',
      });
      expect(asked.structured.country).toBe('SE');
      expect(
        (await pinned.tool('search_catalog', { query: term, types: 'artists' })).structured.country,
      ).toBe('US');
      expect(
        (await anonymous.tool('search_catalog', { query: term, types: 'artists' })).structured
          .country,
      ).toBe('US');
      expect(fake.apiRequests().map((r) => r.query.countryCode?.[0])).toEqual([
        DEFAULT_USER.country,
        DEFAULT_USER.country,
        'SE',
        'US',
        'US',
      ]);
    } finally {
      await Promise.all([asUser.close(), pinned.close(), anonymous.close()]);
    }
  });
});
