/**
 * The catalog tools at the real API's edges (issue 10), through a real MCP client against the
 * fake TIDAL: barcodes in every GTIN length, versions in titles, videos in albums, tracks missing
 * in a country, Atmos-only releases, cursors bound to their request, failing later pages, error
 * texts with a next step, the user's country, lenient inputs and bounded results.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { type FakeTidal, FIXTURES, getCatalog, startFakeTidal } from '../fake-tidal/index.js';
import { type InProcessServer, startInProcess } from '../helpers/in-process.js';

const catalog = getCatalog();
const deluxe = catalog.album(FIXTURES.albumWithVideos)!;
const gaps = catalog.album(FIXTURES.albumWithGapsInSe)!;

describe('catalog tools at the edges of real TIDAL data', () => {
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

  describe('barcodes', () => {
    it('finds a GTIN-14 album from its printed 13 digits, asking for every form in one request', async () => {
      const stored = FIXTURES.gtin14AlbumBarcode;
      const printed = stored.slice(1);
      const result = await s.tool('get_album', {
        barcode: `${printed.slice(0, 1)} ${printed.slice(1, 7)} ${printed.slice(7)}`,
      });
      expect(result.isError, result.text).toBe(false);
      expect(result.structured.album).toMatchObject({ id: deluxe.id, barcode: stored });
      expect(requests()).toHaveLength(1);
      // An EAN-13 that does not start with 0 has no UPC-A form: two forms, one request.
      expect(requests()[0]!.query['filter[barcodeId]']).toEqual([printed, stored]);
    });

    it('finds a 12-digit UPC-A given as GTIN-14, and a barcode given as a number', async () => {
      const upc = FIXTURES.upcAlbumBarcode;
      const byGtin14 = await s.tool('get_album', { barcode: `00${upc}` });
      expect(byGtin14.structured.album.barcode).toBe(upc);
      const ean = FIXTURES.eanAlbumBarcode;
      const byNumber = await s.tool('get_album', { barcode: Number(ean) });
      expect(byNumber.structured.album.barcode).toBe(ean);
    });

    it('refuses a wrong check digit, naming the expected digit, without asking TIDAL', async () => {
      const stored = FIXTURES.gtin14AlbumBarcode;
      const wrong = `${stored.slice(0, -1)}${(Number(stored.slice(-1)) + 1) % 10}`;
      const result = await s.tool('get_album', { barcode: wrong });
      expect(result.isError).toBe(true);
      expect(result.text).toContain(
        `barcode: ${wrong} has a wrong check digit: the last digit should be ${stored.slice(-1)}, not ${wrong.slice(-1)}; re-check the barcode`,
      );
      const short = await s.tool('get_album', { barcode: '1234567890' });
      expect(short.text).toContain(
        'barcode: expected a barcode of 8, 12, 13 or 14 digits (GTIN-8, UPC-A, EAN-13 or GTIN-14)',
      );
      expect(requests()).toHaveLength(0);
    });
  });

  describe('albums', () => {
    it('shows a version once, and videos among the items as videos without a number', async () => {
      const result = await s.tool('get_album', { albumId: deluxe.id });
      const lines = result.text.split('\n');
      expect(lines[0]).toBe(
        `Album (US): Northern Lights (Super Deluxe) — Harbour Lights (id 3600001) · 2024 · 14 tracks · id ${deluxe.id} · https://tidal.com/browse/album/${deluxe.id}`,
      );
      expect(lines.at(-2)).toBe(
        'Northern Lights (Official Video) · video · 4:14 · ISRC NOHBL2490013 · id 310000001 · https://tidal.com/browse/video/310000001',
      );
      const tracks = result.structured.tracks as {
        id: string;
        type?: string;
        trackNumber?: number;
      }[];
      expect(tracks.map((t) => t.type ?? 'track')).toEqual([
        ...Array<string>(12).fill('track'),
        'video',
        'video',
      ]);
      expect(tracks.at(-1)).toMatchObject({ id: '310000002', type: 'video', trackNumber: 14 });
      expect(result.structured.album.mediaTags).toEqual(['LOSSLESS', 'HIRES_LOSSLESS']);
      expect(result.structured.album.coverUrl).toMatch(
        /^https:\/\/resources\.tidal\.com\/images\//,
      );
    });

    it('says how many tracks are not available in the country, in text and structured', async () => {
      const se = await s.tool('get_album', { albumId: gaps.id, country: 'se' });
      expect(se.structured).toMatchObject({ country: 'SE', notAvailable: 2 });
      expect(se.structured.album.numberOfTracks).toBe(10);
      expect(se.structured.tracks.map((t: { trackNumber: number }) => t.trackNumber)).toEqual([
        1, 2, 3, 5, 6, 8, 9, 10,
      ]);
      expect(se.text.split('\n')[0]).toBe(
        `Album (SE): Salt Road — Harbour Lights (id 3600001) · 2024 · 10 tracks, 2 not available in SE · id ${gaps.id} · https://tidal.com/browse/album/${gaps.id}`,
      );
      const us = await s.tool('get_album', { albumId: gaps.id });
      expect(us.structured.notAvailable).toBeUndefined();
      expect(us.text).not.toContain('not available');
    });

    it('counts what is missing on the last page of a long album', async () => {
      const first = await s.tool('get_album', { albumId: FIXTURES.albumWithManyTracks });
      expect(first.structured.notAvailable).toBeUndefined();
      const rest = await s.tool('get_album', { cursor: first.structured.nextCursor });
      expect(rest.isError, rest.text).toBe(false);
      expect(rest.structured.notAvailable).toBeUndefined();
      expect(rest.text.split('\n')[0]).toBe(
        `More tracks of album ${FIXTURES.albumWithManyTracks} (US):`,
      );
    });

    it('flags an Atmos-only release, so the stereo one can be preferred', async () => {
      const isrc = catalog.albumTracks(gaps.id)[3]!.isrc;
      const result = await s.tool('tracks_by_isrc', { isrcs: isrc });
      expect(result.text.split('\n')).toEqual([
        'ISRC lookup (US): 1 found, 0 not found, 0 invalid',
        `${isrc}: 2 tracks`,
        `  - Northbound — Harbour Lights (id 3600001) · album "Salt Road" (id ${gaps.id}, 2024) · 3:05 · 111 BPM · A major · id 210000104 · https://tidal.com/browse/track/210000104`,
        `  - Northbound — Harbour Lights (id 3600001) · album "Salt Road" (id ${FIXTURES.atmosOnlyAlbum}, 2024) · 3:05 · 111 BPM · A major · Dolby Atmos only · id 210000204 · https://tidal.com/browse/track/210000204`,
      ]);
      const tracks = result.structured.results[0].tracks as { mediaTags: string[] }[];
      expect(tracks.map((t) => t.mediaTags)).toEqual([['LOSSLESS'], ['DOLBY_ATMOS']]);
      const se = await s.tool('tracks_by_isrc', { isrcs: [isrc], country: 'SE' });
      expect(se.structured.results[0].tracks.map((t: { id: string }) => t.id)).toEqual([
        '210000204',
      ]);
    });
  });

  describe('errors say what to do next', () => {
    it('not found: check the id, or search_catalog for it', async () => {
      const result = await s.tool('get_album', { albumId: '999' });
      expect(result.text).toBe(
        'album 999 was not found on TIDAL: Resource not found. Check the id, or search_catalog for it.',
      );
    });

    it('an expired cursor: repeat the call without cursor', async () => {
      const first = await s.tool('get_album', { albumId: FIXTURES.multiVolumeAlbum });
      fake.expireCursors();
      const result = await s.tool('get_album', { cursor: first.structured.nextCursor });
      expect(result.isError).toBe(true);
      expect(result.text).toBe(
        `TIDAL rejected the request for tracks of album ${FIXTURES.multiVolumeAlbum} (HTTP 400): Page cursor has expired. The cursor has expired or is no longer valid: repeat the call without cursor.`,
      );
    });
  });
});
