/**
 * Small domain objects the tools work with: plain data, ids as strings, durations in seconds,
 * no JSON:API left. Optional fields are omitted rather than null.
 */

export interface ArtistRef {
  id: string;
  name: string;
}

export interface AlbumRef {
  id: string;
  title: string;
}

export interface Track {
  id: string;
  title: string;
  version?: string;
  artists: ArtistRef[];
  album?: AlbumRef;
  durationSeconds: number;
  explicit: boolean;
  /** Absent for videos on an album's item list. */
  isrc?: string;
  url: string;
  trackNumber?: number;
  volumeNumber?: number;
}

export interface Album {
  id: string;
  title: string;
  version?: string;
  type: string;
  artists: ArtistRef[];
  releaseDate?: string;
  numberOfTracks: number;
  numberOfVolumes: number;
  durationSeconds: number;
  explicit: boolean;
  barcode: string;
  url: string;
  coverUrl?: string;
  copyright?: string;
  mediaTags: string[];
}

export interface Artist {
  id: string;
  name: string;
  url: string;
  pictureUrl?: string;
  popularity?: number;
}

export interface Video {
  id: string;
  title: string;
  artists: ArtistRef[];
  durationSeconds: number;
  explicit: boolean;
  releaseDate?: string;
  url: string;
}

export interface Playlist {
  id: string;
  name: string;
  description?: string;
  type?: string;
  accessType?: string;
  numberOfItems?: number;
  durationSeconds?: number;
  lastModifiedAt?: string;
  url: string;
}

/** One page of a cursor-paginated list. `nextCursor` is TIDAL's cursor for the following page. */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}
