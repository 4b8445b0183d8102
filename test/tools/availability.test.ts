/**
 * Availability in several countries (tracks_by_isrc and get_album `countries`) and get_album's
 * similar albums, through a real MCP client against the fake TIDAL: per-track answers, one request
 * per other country and 20 tracks, the cache, and bad input as field errors.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { barcodeForms } from '../../src/tidal/barcode.js';
import { DISCOVERY } from '../fake-tidal/catalog/generate-discovery.js';
import { type FakeTidal, FIXTURES, getCatalog, startFakeTidal } from '../fake-tidal/index.js';
import { type InProcessServer, startInProcess } from '../helpers/in-process.js';

const c = getCatalog();
const firstTrack = (albumId: string) => c.albumTracks(albumId)[0]!;
const notInJp = firstTrack(DISCOVERY.missingInJp[0]);
const onlyInUs = firstTrack(DISCOVERY.missingInSeAndJp);
const everywhere = firstTrack(DISCOVERY.explicitAlbum);
/** ISRCs carried by one track only, so TIDAL's one-per-ISRC answer is that track. */
const singleIsrcs = c.tracks
  .filter((t) => c.tracksByIsrc(t.isrc).length === 1 && c.isAvailable(t, 'US'))
  .map((t) => t.isrc);

let fake: FakeTidal;
let server: InProcessServer;
const tool = (name: string, args: Record<string, unknown>) => server.tool(name, args);
const countries = () => fake.apiRequests().map((r) => r.query.countryCode?.[0]);

beforeEach(async () => {
  fake ??= await startFakeTidal();
  fake.clearRequests();
  server = await startInProcess(fake);
});
afterEach(() => server.close());

describe('tracks_by_isrc with countries', () => {
  it('says per track where it can be played: one request per other country', async () => {
    const result = await tool('tracks_by_isrc', {
      isrcs: [notInJp.isrc, onlyInUs.isrc, everywhere.isrc],
      countries: ['US', 'se', 'JP'],
    });
    expect(result.isError, result.text).toBe(false);
    const availability = result.structured.results.map(
      (r: { tracks: { id: string; availability: unknown }[] }) => [
        r.tracks[0]!.id,
        r.tracks[0]!.availability,
      ],
    );
    expect(availability).toEqual([
      [notInJp.id, { available: ['US', 'SE'], notAvailable: ['JP'] }],
      [onlyInUs.id, { available: ['US'], notAvailable: ['SE', 'JP'] }],
      [everywhere.id, { available: ['US', 'SE', 'JP'], notAvailable: [] }],
    ]);
    expect(result.text).toContain(
      `id ${notInJp.id} · ${`https://tidal.com/browse/track/${notInJp.id}`} · available in US, SE; not in JP`,
    );
    expect(result.text).toContain(`available in US; not in SE, JP`);
    expect(result.text).toContain(`available in US, SE, JP`);
    // The lookup itself in US (the tracks are known to be there), then SE and JP.
    expect(countries()).toEqual(['US', 'SE', 'JP']);
    const [, se] = fake.apiRequests();
    expect(se!.path).toBe('/tracks');
    expect(se!.query['filter[id]']).toEqual([notInJp.id, onlyInUs.id, everywhere.id]);
    expect(se!.query.include).toBeUndefined();
  });

  it('batches 20 track ids per country, and a repeated call costs nothing', async () => {
    const isrcs = singleIsrcs.slice(0, 25);
    const args = { isrcs, countries: ['SE', 'JP'] };
    const result = await tool('tracks_by_isrc', args);
    expect(result.structured.found).toBe(25);
    expect(countries().sort()).toEqual(['JP', 'JP', 'SE', 'SE', 'US', 'US']);
    const batches = fake
      .apiRequests()
      .filter((r) => r.query['filter[id]'])
      .map((r) => r.query['filter[id]']!.length)
      .sort((a, b) => a - b);
    expect(batches).toEqual([5, 5, 20, 20]);
    fake.clearRequests();
    await tool('tracks_by_isrc', args);
    expect(fake.apiRequests()).toHaveLength(0);
  });

  it('reports only the countries asked for, the home country among them or not', async () => {
    const result = await tool('tracks_by_isrc', { isrcs: [notInJp.isrc], countries: ['jp', 'JP'] });
    expect(result.structured.results[0].tracks[0].availability).toEqual({
      available: [],
      notAvailable: ['JP'],
    });
    expect(result.text).toContain(' · not in JP');
    expect(countries()).toEqual(['US', 'JP']);
  });

  it('adds nothing without countries', async () => {
    const result = await tool('tracks_by_isrc', { isrcs: [notInJp.isrc] });
    expect(result.structured.results[0].tracks[0].availability).toBeUndefined();
    expect(fake.apiRequests()).toHaveLength(1);
  });
});

describe('get_album with countries and similar albums', () => {
  it('says per track where it can be played, on every page of the tracklist', async () => {
    const albumId = FIXTURES.albumWithManyTracks;
    const first = await tool('get_album', { albumId, countries: ['DE', 'US'] });
    const tracks = c.albumTracks(albumId);
    expect(first.structured.tracks).toHaveLength(20);
    for (const t of first.structured.tracks)
      expect(t.availability).toEqual({ available: ['DE', 'US'], notAvailable: [] });
    expect(countries()).toEqual(['US', 'DE']);
    fake.clearRequests();
    const rest = await tool('get_album', {
      cursor: first.structured.nextCursor,
      countries: ['JP'],
    });
    expect(rest.structured.tracks.map((t: { id: string }) => t.id)).toEqual(
      tracks.slice(20).map((t) => t.id),
    );
    expect(rest.structured.tracks[0].availability).toEqual({ available: ['JP'], notAvailable: [] });
    expect(countries()).toEqual(['US', 'JP']);
  });

  it('reports tracks of a release missing in a country as not there', async () => {
    const result = await tool('get_album', {
      albumId: DISCOVERY.missingInSeAndJp,
      countries: ['US', 'SE', 'JP'],
    });
    expect(result.structured.tracks.map((t: { availability: unknown }) => t.availability)).toEqual(
      c.albumTracks(DISCOVERY.missingInSeAndJp).map(() => ({
        available: ['US'],
        notAvailable: ['SE', 'JP'],
      })),
    );
    expect(result.text).toMatch(/^1\. .* · available in US; not in SE, JP$/m);
  });

  it('adds up to 5 similar albums from the same request', async () => {
    const albumId = DISCOVERY.explicitAlbum;
    const result = await tool('get_album', { albumId, include: ['similarAlbums'] });
    const expected = c
      .similarArtists(DISCOVERY.artist)
      .flatMap((a) => c.artistAlbums(a.id, 'US').slice(0, 1))
      .slice(0, 5);
    expect(result.structured.similarAlbums).toEqual(
      expected.map((a) => ({ id: a.id, title: a.title })),
    );
    expect(fake.apiRequests()).toHaveLength(1);
    expect(fake.apiRequests()[0]!.query.include).toEqual([
      'artists,coverArt,items,items.artists,similarAlbums',
    ]);
    expect(result.text).toContain(
      `Similar albums: ${expected.map((a) => `${a.title} (id ${a.id})`).join(', ')}`,
    );
    const plain = await tool('get_album', { albumId });
    expect(plain.structured.similarAlbums).toBeUndefined();
    expect(plain.text).not.toContain('Similar albums');
  });

  it('adds similar albums by barcode too, and says when TIDAL lists none', async () => {
    const album = c.artistAlbums(DISCOVERY.loner)[0]!;
    const result = await tool('get_album', { barcode: album.barcodeId, include: 'similarAlbums' });
    expect(result.structured.similarAlbums).toEqual([]);
    expect(result.text).toContain('Similar albums: none listed by TIDAL');
    // One request, carrying every form TIDAL may hold the barcode in.
    expect(fake.apiRequests()).toHaveLength(1);
    expect(fake.apiRequests()[0]!.query['filter[barcodeId]']).toEqual(
      barcodeForms(album.barcodeId),
    );
  });
});

describe('bad input', () => {
  const eleven = ['US', 'SE', 'JP', 'DE', 'FR', 'GB', 'NO', 'NL', 'IT', 'ES', 'PT'];
  it.each([
    [
      'tracks_by_isrc',
      { isrcs: [everywhere.isrc], countries: eleven },
      'countries: expected at most 10 country codes per call',
    ],
    [
      'tracks_by_isrc',
      { isrcs: [everywhere.isrc], countries: ['US', 'XX'] },
      'countries.1: expected an ISO 3166-1 alpha-2 country code',
    ],
    [
      'tracks_by_isrc',
      { isrcs: [everywhere.isrc], countries: [] },
      'countries: expected at least one country code',
    ],
    [
      'get_album',
      { albumId: '1', countries: ['Japan'] },
      'countries.0: expected a two-letter ISO 3166-1 alpha-2 country code',
    ],
    [
      'get_album',
      { albumId: '1', countries: eleven },
      'countries: expected at most 10 country codes per call',
    ],
    [
      'get_album',
      { albumId: '1', include: ['similarArtists'] },
      'include.0: expected "similarAlbums"',
    ],
  ])('%s %j is refused naming the field', async (name, args, message) => {
    const result = await tool(name, args);
    expect(result.isError).toBe(true);
    expect(result.text).toContain(message);
    expect(fake.apiRequests()).toHaveLength(0);
  });

  it('refuses include together with a cursor', async () => {
    const first = await tool('get_album', { albumId: FIXTURES.albumWithManyTracks });
    fake.clearRequests();
    const result = await tool('get_album', {
      cursor: first.structured.nextCursor,
      include: ['similarAlbums'],
    });
    expect(result.text).toContain('include: similar albums come with the first page; omit include');
    expect(fake.apiRequests()).toHaveLength(0);
  });
});
