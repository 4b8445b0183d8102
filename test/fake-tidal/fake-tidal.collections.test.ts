/**
 * Pagination (top-level and embedded links), search paging, and the filtered collections
 * (filter[isrc] single vs several, filter caps, barcodes) of the fake TIDAL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type FakeTidal, FIXTURES, startFakeTidal } from './index.js';
import {
  accessToken,
  apiGet,
  expectSpecProblems,
  followPages,
  type Json,
  linkParams,
} from './test-client.js';

let fake: FakeTidal;
let token: string;
const get = (path: string) => apiGet(fake, path, token);

beforeAll(async () => {
  fake = await startFakeTidal();
  token = await accessToken(fake);
});
afterAll(() => fake.close());

describe('pagination', () => {
  it('follows top-level links.next through a relationship endpoint', async () => {
    const albumId = FIXTURES.multiVolumeAlbum;
    const pages = await followPages(
      fake,
      `/albums/${albumId}/relationships/items?countryCode=US&include=items`,
      token,
    );
    expect(pages).toHaveLength(2);
    const next = linkParams(pages[0].links.next);
    expect(next.get('countryCode')).toBe('US');
    expect(next.get('include')).toBe('items');
    expect(next.get('page[cursor]')).toBe(pages[0].links.meta.nextCursor);
    expect(pages[1].links.next).toBeUndefined();
    const got = pages.flatMap((p) => p.data);
    const expected = fake.catalog.albumItems(albumId);
    expect(got).toEqual(
      expected.map((i) => ({
        id: i.track.id,
        type: 'tracks',
        meta: { trackNumber: i.trackNumber, volumeNumber: i.volumeNumber },
      })),
    );
    expect(got[20].meta).toEqual({ trackNumber: 9, volumeNumber: 2 });
    expect(pages.flatMap((p) => p.included.map((r: Json) => r.id))).toEqual(
      expected.map((i) => i.track.id),
    );
  });

  it('gives embedded relationships a next link carrying only page[cursor]', async () => {
    const albumId = FIXTURES.albumWithManyTracks;
    const res = await get(`/albums/${albumId}?countryCode=US&include=items`);
    const next: string = res.body.data.relationships.items.links.next;
    expect(next).toMatch(
      new RegExp(`^/albums/${albumId}/relationships/items\\?page\\[cursor\\]=[A-Za-z0-9_-]+$`),
    );
    expect((await get(next)).status).toBe(400); // the client must re-add countryCode
    const page2 = await get(`${next}&countryCode=US`);
    expect(page2.body.data.map((d: Json) => d.meta.trackNumber)).toEqual([
      21, 22, 23, 24, 25, 26, 27,
    ]);
  });

  it('pages search results to exactly the catalog hits', async () => {
    const q = FIXTURES.searchTermWithManyResults;
    const res = await get(`/searchResults?filter[query]=${q}&countryCode=US&include=tracks`);
    const [result] = res.body.data;
    expect(res.body.data).toHaveLength(1);
    expect(result.type).toBe('searchResults');
    expect(result.attributes.query).toBe(q);
    expect(Object.keys(result.relationships)).toEqual(['tracks']);
    const rest = await followPages(
      fake,
      `${result.relationships.tracks.links.next}&countryCode=US&include=tracks`,
      token,
    );
    const ids = [...result.relationships.tracks.data, ...rest.flatMap((p) => p.data)].map(
      (d: Json) => d.id,
    );
    const expected = fake.catalog.search(q, 'US').tracks.map((t) => t.id);
    expect(expected.length).toBeGreaterThan(20);
    expect(ids).toEqual(expected);
    const unique = await get(
      `/searchResults?filter[query]=${encodeURIComponent(FIXTURES.uniqueArtistName)}&countryCode=US&include=artists,topHits`,
    );
    expect(unique.body.data[0].relationships.artists.data[0].id).toBe(FIXTURES.uniqueArtistId);
    expect(unique.body.data[0].relationships.topHits.data[0]).toEqual({
      id: FIXTURES.uniqueArtistId,
      type: 'artists',
    });
    expect(
      (await get(`/searchResults?filter[query]=${'x'.repeat(257)}&countryCode=US`)).status,
    ).toBe(400);
    expect((await get('/searchResults?countryCode=US')).body.errors[0].source.parameter).toBe(
      'filter[query]',
    );
  });

  it('applies explicitFilter=EXCLUDE and the country to search', async () => {
    const q = FIXTURES.searchTermWithManyResults;
    for (const [cc, filter] of [
      ['US', 'EXCLUDE'],
      ['DE', 'INCLUDE'],
    ] as const) {
      const first = await get(
        `/searchResults?filter[query]=${q}&countryCode=${cc}&explicitFilter=${filter}&include=tracks`,
      );
      const rel = first.body.data[0].relationships.tracks;
      const rest = await followPages(
        fake,
        `${rel.links.next}&countryCode=${cc}&explicitFilter=${filter}`,
        token,
      );
      const ids = [...rel.data, ...rest.flatMap((p) => p.data)].map((d: Json) => d.id);
      expect(ids).toEqual(fake.catalog.search(q, cc, filter).tracks.map((t) => t.id));
    }
    expect(fake.catalog.search(q, 'US', 'EXCLUDE').tracks.length).toBeLessThan(
      fake.catalog.search(q, 'US').tracks.length,
    );
    expect(
      (await get(`/searchResults?filter[query]=${q}&countryCode=US&explicitFilter=NONE`)).status,
    ).toBe(400);
    // Sent on purpose: the spec guard saw it too.
    expectSpecProblems(['explicitFilter=NONE is not one of INCLUDE, EXCLUDE']);
  });

  it('pages similar artists (27 = 20 + 7)', async () => {
    const id = FIXTURES.artistWithManySimilar;
    const pages = await followPages(
      fake,
      `/artists/${id}/relationships/similarArtists?countryCode=US&include=similarArtists`,
      token,
    );
    expect(pages.map((p) => p.data.length)).toEqual([20, 7]);
    expect(pages.flatMap((p) => p.data.map((d: Json) => d.id))).toEqual(
      fake.catalog.similarArtists(id).map((a) => a.id),
    );
  });
});

describe('collection filters', () => {
  const ids = (body: Json) => body.data.map((r: Json) => r.id);

  it('filter[isrc]: one ISRC is paginated, several give one track each without pagination', async () => {
    const many = FIXTURES.manyTrackIsrc;
    const pages = await followPages(fake, `/tracks?filter[isrc]=${many}&countryCode=US`, token);
    expect(pages.map((p) => p.data.length)).toEqual([20, 5]);
    expect(pages.flatMap((p) => ids(p))).toEqual(
      fake.catalog.tracksByIsrc(many, 'US').map((t) => t.id),
    );
    const multi = await get(`/tracks?filter[isrc]=${FIXTURES.multiTrackIsrc}&countryCode=US`);
    expect(ids(multi.body)).toEqual(
      fake.catalog.tracksByIsrc(FIXTURES.multiTrackIsrc).map((t) => t.id),
    );
    expect(multi.body.data).toHaveLength(3);
    for (const query of [
      `filter[isrc]=${many}&filter[isrc]=${FIXTURES.multiTrackIsrc}`,
      `filter[isrc]=${many},${FIXTURES.multiTrackIsrc}`,
    ]) {
      const both = await get(`/tracks?${query}&countryCode=US`);
      expect(both.body.data.map((t: Json) => t.attributes.isrc)).toEqual([
        many,
        FIXTURES.multiTrackIsrc,
      ]);
      expect(both.body.links.next).toBeUndefined();
    }
    const bad = await get('/tracks?filter[isrc]=usabc1234567&countryCode=US');
    expect(bad.body.errors[0]).toMatchObject({
      detail: 'Invalid ISRC: Must be 3 groups, 12 symbols in total',
      source: { parameter: 'filter[isrc]' },
    });
  });

  it('caps filter values at maxFilterValues (20)', async () => {
    const isrcs = fake.catalog.tracks.slice(0, 21).map((t) => t.isrc);
    expect(
      (await get(`/tracks?filter[isrc]=${isrcs.slice(0, 20).join(',')}&countryCode=US`)).status,
    ).toBe(200);
    const over = await get(`/tracks?filter[isrc]=${isrcs.join(',')}&countryCode=US`);
    expect(over.status).toBe(400);
    expect(over.body.errors[0].source).toEqual({ parameter: 'filter[isrc]' });
    const albumIds = fake.catalog.albums
      .slice(0, 21)
      .map((a) => `filter[id]=${a.id}`)
      .join('&');
    expect((await get(`/albums?${albumIds}&countryCode=US`)).status).toBe(400);
  });

  it('looks albums up by barcode (UPC-A with leading zero, EAN-13, unknown)', async () => {
    const upc = await get(
      `/albums?filter[barcodeId]=${FIXTURES.upcAlbumBarcode}&countryCode=US&include=artists`,
    );
    expect(upc.body.data).toHaveLength(1);
    expect(upc.body.data[0].attributes.barcodeId).toBe(FIXTURES.upcAlbumBarcode);
    expect(FIXTURES.upcAlbumBarcode).toMatch(/^0\d{11}$/);
    expect(upc.body.data[0].id).toBe(fake.catalog.albumByBarcode(FIXTURES.upcAlbumBarcode)!.id);
    expect(upc.body.included.map((r: Json) => r.type)).toEqual(['artists']);
    const both = await get(
      `/albums?filter[barcodeId]=${FIXTURES.eanAlbumBarcode}&filter[barcodeId]=${FIXTURES.upcAlbumBarcode}&countryCode=US`,
    );
    expect(both.body.data.map((a: Json) => a.attributes.barcodeId)).toEqual([
      FIXTURES.eanAlbumBarcode,
      FIXTURES.upcAlbumBarcode,
    ]);
    const none = await get('/albums?filter[barcodeId]=0000000000000&countryCode=US');
    expect(none.status).toBe(200);
    expect(none.body.data).toEqual([]);
    expect((await get('/albums?countryCode=US')).body.errors[0].source.parameter).toBe('filter');
  });
});
