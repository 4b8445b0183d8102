/**
 * Orchestrates one deterministic generation run and derives the fixture handles. The order of
 * the passes is part of the determinism contract: reordering them changes every id after it.
 */
import {
  Builder,
  generateArtists,
  generateOriginalAlbums,
  IDX,
  UNIQUE_ARTIST_NAME,
} from './generate.js';
import { generateDiscovery } from './generate-discovery.js';
import { generateRealWorldEdges } from './generate-edges.js';
import { generateEvalSet } from './generate-eval.js';
import {
  generateCleanTwins,
  generateCompilations,
  generatePlaylists,
  generateVideos,
  markRegionalGaps,
} from './generate-extras.js';
import type { CatalogData, Fixtures } from './model.js';

export const DEFAULT_SEED = 20260820;

export function buildCatalogData(seed = DEFAULT_SEED): CatalogData {
  const b = new Builder(seed);
  generateArtists(b);
  generateOriginalAlbums(b);
  const twins = generateCleanTwins(b);
  const multiIsrcTrack = b.tracks.find((t) => t.id === twins.explicit.items[0]!.trackId)!;
  const comp = generateCompilations(b, multiIsrcTrack);
  for (const i of [IDX.manyTracks, IDX.multiVolume, IDX.upc]) {
    b.protectedAlbums.add(b.artists[i]!.albumIds[0]!);
  }
  markRegionalGaps(b);
  const videos = generateVideos(b);
  const playlists = generatePlaylists(b, videos);

  const firstAlbum = (i: number) => b.albums.find((a) => a.id === b.artists[i]!.albumIds[0])!;
  const ean = b.albums.find(
    (a) => a.kind === 'original' && a.barcodeId.length === 13 && a.unavailableIn.length === 0,
  )!;
  const fixtures = {
    artistWithManySimilar: b.artists[IDX.manySimilar]!.id,
    albumWithManyTracks: firstAlbum(IDX.manyTracks).id,
    multiVolumeAlbum: firstAlbum(IDX.multiVolume).id,
    multiTrackIsrc: multiIsrcTrack.isrc,
    manyTrackIsrc: comp.megaHit.isrc,
    upcAlbumBarcode: firstAlbum(IDX.upc).barcodeId,
    eanAlbumBarcode: ean.barcodeId,
    searchTermWithManyResults: 'love',
    uniqueArtistName: UNIQUE_ARTIST_NAME,
    uniqueArtistId: b.artists[IDX.unique]!.id,
    notInDeAlbum: firstAlbum(IDX.notInDe).id,
    explicitAlbum: twins.explicit.id,
    cleanAlbum: twins.clean.id,
    compilationAlbum: comp.vol1.id,
    variousArtistsId: comp.variousArtistsId,
    playlistWithManyItems: playlists[0]!.id,
    video: videos[0]!.id,
  } as Fixtures;
  // Appended after every earlier pass and after their fixtures were picked: each changes nothing
  // above it, and each draws from its own random stream.
  Object.assign(fixtures, generateRealWorldEdges({ ...b, videos }, fixtures));
  generateDiscovery(b, videos);
  generateEvalSet(b);
  return {
    artists: b.artists,
    albums: b.albums,
    tracks: b.tracks,
    videos,
    playlists,
    artworks: b.artworks,
    fixtures,
  };
}
