/**
 * The generated catalog is deterministic and every FIXTURES handle has the property its name
 * promises (so client tests built on them cannot silently lose coverage).
 */
import { describe, expect, it } from 'vitest';

import { FIXTURES, getCatalog, isoDuration, ISRC_PATTERN, isValidGs1 } from './catalog.js';
import { buildCatalogData } from './catalog/build.js';
import { inEvalRange } from './eval/ids.js';

const c = getCatalog();

describe('generated catalog', () => {
  it('is identical on every build', () => {
    expect(JSON.stringify(buildCatalogData())).toBe(JSON.stringify(buildCatalogData()));
    expect(FIXTURES.artistWithManySimilar).toBe('3500004');
    expect(FIXTURES.albumWithManyTracks).toBe('100000003');
  });

  it('has the documented size and valid codes', () => {
    // 60 + Various Artists from the base passes; later passes add their own id ranges.
    expect(c.artists.filter((a) => a.id.startsWith('35'))).toHaveLength(61);
    expect(c.albums.length).toBeGreaterThan(180);
    for (const t of c.tracks) expect(t.isrc).toMatch(ISRC_PATTERN);
    for (const a of c.albums) expect(isValidGs1(a.barcodeId), a.barcodeId).toBe(true);
    expect(new Set(c.albums.map((a) => a.barcodeId)).size).toBe(c.albums.length);
    expect(c.albums.some((a) => a.barcodeId.length === 12)).toBe(true);
    const generated = c.albums.filter((a) => !inEvalRange('albums', a.id));
    for (const a of generated.filter((x) => x.albumType === 'ALBUM' && x.kind === 'original')) {
      expect(a.items.length).toBeGreaterThanOrEqual(8);
    }
    expect(c.tracks.some((t) => t.artistIds.length > 1 && t.title.includes('(feat. '))).toBe(true);
    expect(c.tracks.some((t) => t.explicit)).toBe(true);
    expect(c.videos.length).toBeGreaterThan(0);
    for (const p of c.playlists)
      expect(p.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(isoDuration(205)).toBe('PT3M25S');
    expect(isoDuration(3600)).toBe('PT1H');
  });

  it('backs every fixture', () => {
    expect(c.similarArtists(FIXTURES.artistWithManySimilar).length).toBeGreaterThan(20);
    expect(c.albumTracks(FIXTURES.albumWithManyTracks).length).toBeGreaterThan(20);
    expect(c.album(FIXTURES.multiVolumeAlbum)!.numberOfVolumes).toBe(2);
    const multi = c.tracksByIsrc(FIXTURES.multiTrackIsrc);
    expect(multi).toHaveLength(3);
    expect(multi.map((t) => c.album(t.albumId)!.kind).sort()).toEqual([
      'clean',
      'compilation',
      'original',
    ]);
    expect(multi.filter((t) => t.explicit)).toHaveLength(2); // the original and the compilation copy
    expect(c.tracksByIsrc(FIXTURES.manyTrackIsrc, 'DE').length).toBeGreaterThan(20);
    expect(FIXTURES.upcAlbumBarcode).toMatch(/^0\d{11}$/);
    expect(c.albumByBarcode(FIXTURES.eanAlbumBarcode)!.barcodeId).toHaveLength(13);
    for (const cc of ['US', 'DE'])
      expect(c.search(FIXTURES.searchTermWithManyResults, cc).tracks.length).toBeGreaterThan(20);
    const unique = c.search(FIXTURES.uniqueArtistName, 'US');
    expect(unique.artists.map((a) => a.id)).toEqual([FIXTURES.uniqueArtistId]);
    expect(unique.topHits[0]).toMatchObject({ type: 'artists', id: FIXTURES.uniqueArtistId });
    const notInDe = c.album(FIXTURES.notInDeAlbum)!;
    expect([c.isAvailable(notInDe, 'DE'), c.isAvailable(notInDe, 'US')]).toEqual([false, true]);
    expect(c.albumExplicit(c.album(FIXTURES.explicitAlbum)!)).toBe(true);
    expect(c.albumExplicit(c.album(FIXTURES.cleanAlbum)!)).toBe(false);
    expect(c.album(FIXTURES.compilationAlbum)!.artistIds).toEqual([FIXTURES.variousArtistsId]);
    expect(c.playlist(FIXTURES.playlistWithManyItems)!.items.length).toBeGreaterThan(20);
    expect(c.video(FIXTURES.video)).toBeDefined();
  });

  it('has the real-world edges: GTIN-14 barcodes, videos in albums, tracks missing in SE', () => {
    // The hand-written matching evaluation set (eval/) keeps its own EAN-13s.
    const lengths = c.albums
      .filter((a) => !inEvalRange('albums', a.id))
      .map((a) => a.barcodeId.length);
    const count = (n: number) => lengths.filter((l) => l === n).length;
    expect(count(12)).toBeGreaterThan(0);
    expect(count(13)).toBeGreaterThan(0);
    expect(count(14)).toBeGreaterThan(lengths.length / 2);
    expect(FIXTURES.gtin14AlbumBarcode).toMatch(/^0\d{13}$/);
    expect(c.albumByBarcode(FIXTURES.gtin14AlbumBarcode)!.id).toBe(FIXTURES.albumWithVideos);
    const deluxe = c.album(FIXTURES.albumWithVideos)!;
    expect([deluxe.title, deluxe.version]).toEqual([
      'Northern Lights (Super Deluxe)',
      'Super Deluxe',
    ]);
    expect(c.albumEntries(deluxe.id, 'US').map((e) => e.type)).toEqual([
      ...Array<string>(12).fill('tracks'),
      'videos',
      'videos',
    ]);
    const gaps = c.album(FIXTURES.albumWithGapsInSe)!;
    expect(c.albumItemCount(gaps)).toBe(10);
    expect(c.albumEntries(gaps.id, 'SE').map((e) => e.trackNumber)).toEqual([
      1, 2, 3, 5, 6, 8, 9, 10,
    ]);
    expect(c.albumEntries(gaps.id, 'US')).toHaveLength(10);
    const atmos = c.album(FIXTURES.atmosOnlyAlbum)!;
    expect(atmos.mediaTags).toEqual(['DOLBY_ATMOS']);
    const isrc = c.albumTracks(gaps.id)[3]!.isrc;
    expect(c.tracksByIsrc(isrc, 'SE').map((t) => t.albumId)).toEqual([atmos.id]);
    expect(
      c
        .tracksByIsrc(isrc, 'US')
        .map((t) => t.albumId)
        .sort(),
    ).toEqual([gaps.id, atmos.id]);
  });

  it('excludes regionally missing tracks from search results', () => {
    const missing = c.albums.filter((a) => a.unavailableIn.includes('DE'));
    expect(missing.length).toBeGreaterThan(1);
    const title = c.albumTracks(missing[0]!.id)[0]!.title;
    const idsDe = c.search(title, 'DE').tracks.map((t) => t.albumId);
    expect(idsDe).not.toContain(missing[0]!.id);
    expect(c.search(title, 'US').tracks.map((t) => t.albumId)).toContain(missing[0]!.id);
  });
});
