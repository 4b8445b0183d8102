/**
 * Plain records of the generated catalog. These are NOT wire shapes: jsonapi/serialize.ts turns
 * them into OAS resource objects, so the generator never has to think about JSON:API.
 */

export type AlbumType = 'ALBUM' | 'EP' | 'SINGLE';

export interface ArtistRec {
  id: string;
  name: string;
  popularity: number;
  /** Ordered most-similar first; directional, like TIDAL's. */
  similarIds: string[];
  albumIds: string[];
  videoIds: string[];
  artworkId: string;
}

export interface AlbumItemRec {
  trackId: string;
  trackNumber: number;
  volumeNumber: number;
}

export interface AlbumRec {
  id: string;
  title: string;
  version?: string;
  albumType: AlbumType;
  /** 'clean' twins and 'compilation's re-use the ISRCs of 'original' tracks. */
  kind: 'original' | 'clean' | 'compilation';
  barcodeId: string;
  artistIds: string[];
  releaseDate: string;
  popularity: number;
  mediaTags: string[];
  copyright: string;
  /** Ordered by volume, then track number. */
  items: AlbumItemRec[];
  numberOfVolumes: number;
  /** ISO country codes where the album (and therefore its tracks) does not exist. */
  unavailableIn: string[];
  artworkId: string;
  /** Music videos listed among the album's items (after or between its tracks). */
  videoItems?: { videoId: string; trackNumber: number; volumeNumber: number }[];
}

export interface TrackRec {
  id: string;
  title: string;
  version?: string;
  isrc: string;
  durationSeconds: number;
  explicit: boolean;
  popularity: number;
  artistIds: string[];
  albumId: string;
  key: string;
  keyScale: string;
  bpm: number;
  mediaTags: string[];
  /** ISO 8601 date-time; drives the default `-createdAt` sort of GET /tracks. */
  createdAt: string;
  /** Countries where this one track is missing from its (available) album, as on TIDAL. */
  unavailableIn?: string[];
}

export interface VideoRec {
  id: string;
  title: string;
  isrc: string;
  durationSeconds: number;
  explicit: boolean;
  popularity: number;
  artistIds: string[];
  releaseDate: string;
  artworkId: string;
}

export interface PlaylistItemRec {
  type: 'tracks' | 'videos';
  id: string;
  /** The playlist-entry id TIDAL puts in identifier meta (used by remove/reorder later). */
  itemId: string;
  addedAt: string;
}

export interface PlaylistRec {
  id: string;
  name: string;
  description: string;
  items: PlaylistItemRec[];
  createdAt: string;
  lastModifiedAt: string;
  numberOfFollowers: number;
  artworkId: string;
}

export interface ArtworkRec {
  id: string;
  ownerType: 'albums' | 'artists' | 'playlists' | 'videos';
  ownerId: string;
  /** [width, height], largest first. */
  sizes: [number, number][];
}

/** Stable handles into the generated data for tests (see catalog.ts FIXTURES for meanings). */
export interface Fixtures {
  artistWithManySimilar: string;
  albumWithManyTracks: string;
  multiVolumeAlbum: string;
  multiTrackIsrc: string;
  manyTrackIsrc: string;
  upcAlbumBarcode: string;
  eanAlbumBarcode: string;
  searchTermWithManyResults: string;
  uniqueArtistName: string;
  uniqueArtistId: string;
  notInDeAlbum: string;
  explicitAlbum: string;
  cleanAlbum: string;
  compilationAlbum: string;
  variousArtistsId: string;
  playlistWithManyItems: string;
  video: string;
  /** A deluxe album whose title already holds its version, with 2 music videos among its items. */
  albumWithVideos: string;
  /** An album of 10 tracks of which 2 are not available in SE (numberOfItems still says 10). */
  albumWithGapsInSe: string;
  /** The same album released in Dolby Atmos only. */
  atmosOnlyAlbum: string;
  /** A GTIN-14 (zero-padded EAN-13) as TIDAL stores most barcodes. */
  gtin14AlbumBarcode: string;
}

export interface CatalogData {
  artists: ArtistRec[];
  albums: AlbumRec[];
  tracks: TrackRec[];
  videos: VideoRec[];
  playlists: PlaylistRec[];
  artworks: ArtworkRec[];
  fixtures: Fixtures;
}
