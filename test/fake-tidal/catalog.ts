/**
 * The fake's deterministic catalog: generated once per process from a fixed seed, then read-only.
 * Tests use the same object the server uses (fake.catalog, or getCatalog()) to compute expected
 * values, so assertions never duplicate the generator's logic.
 */
import { buildCatalogData } from './catalog/build.js';
import type {
  AlbumRec,
  ArtistRec,
  ArtworkRec,
  CatalogData,
  Fixtures,
  PlaylistRec,
  TrackRec,
  VideoRec,
} from './catalog/model.js';
import { compareHits, rankTrack, searchText } from './catalog/track-search.js';

export { isoDuration, ISRC_PATTERN, isValidGs1 } from './catalog/codes.js';
export type * from './catalog/model.js';

export type ExplicitFilter = 'INCLUDE' | 'EXCLUDE';
export type SearchType = 'tracks' | 'albums' | 'artists' | 'playlists' | 'videos';
export interface SearchHit {
  type: SearchType;
  id: string;
  popularity: number;
}
export interface SearchResult {
  tracks: TrackRec[];
  albums: AlbumRec[];
  artists: ArtistRec[];
  playlists: PlaylistRec[];
  videos: VideoRec[];
  /** Every hit of every type, most popular first (the `topHits` relationship). */
  topHits: SearchHit[];
}
export interface AlbumItem {
  track: TrackRec;
  trackNumber: number;
  volumeNumber: number;
}

/** Popularity desc, then type, then id: the one ordering used by search everywhere. */
function byPopularity(
  a: { popularity: number; id: string },
  b: { popularity: number; id: string },
) {
  return b.popularity - a.popularity || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function indexBy<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((i) => [i.id, i]));
}

export class Catalog {
  readonly artists: readonly ArtistRec[];
  readonly albums: readonly AlbumRec[];
  readonly tracks: readonly TrackRec[];
  readonly videos: readonly VideoRec[];
  readonly playlists: readonly PlaylistRec[];
  readonly artworks: readonly ArtworkRec[];
  readonly fixtures: Readonly<Fixtures>;
  private readonly maps;
  private readonly byIsrc = new Map<string, TrackRec[]>();
  private readonly byBarcode: Map<string, AlbumRec>;
  private readonly searchTexts = new Map<string, string>();

  constructor(data: CatalogData) {
    this.artists = data.artists;
    this.albums = data.albums;
    this.tracks = data.tracks;
    this.videos = data.videos;
    this.playlists = data.playlists;
    this.artworks = data.artworks;
    this.fixtures = data.fixtures;
    this.maps = {
      artists: indexBy(data.artists),
      albums: indexBy(data.albums),
      tracks: indexBy(data.tracks),
      videos: indexBy(data.videos),
      playlists: indexBy(data.playlists),
      artworks: indexBy(data.artworks),
    };
    for (const t of data.tracks) {
      const list = this.byIsrc.get(t.isrc) ?? [];
      list.push(t);
      this.byIsrc.set(t.isrc, list);
    }
    // GET /tracks documents `-createdAt` as the default sort; ties broken by id for stability.
    for (const list of this.byIsrc.values()) {
      list.sort((a, b) =>
        a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt < b.createdAt ? 1 : -1,
      );
    }
    this.byBarcode = new Map(data.albums.map((a) => [a.barcodeId, a]));
  }

  artist(id: string): ArtistRec | undefined {
    return this.maps.artists.get(id);
  }
  album(id: string): AlbumRec | undefined {
    return this.maps.albums.get(id);
  }
  track(id: string): TrackRec | undefined {
    return this.maps.tracks.get(id);
  }
  video(id: string): VideoRec | undefined {
    return this.maps.videos.get(id);
  }
  playlist(id: string): PlaylistRec | undefined {
    return this.maps.playlists.get(id);
  }
  artwork(id: string): ArtworkRec | undefined {
    return this.maps.artworks.get(id);
  }

  /**
   * Albums (and through them tracks) can be missing in a country, and so can single tracks of an
   * available album; everything else is global.
   */
  isAvailable(entity: AlbumRec | TrackRec, country: string): boolean {
    const album = 'albumId' in entity ? this.album(entity.albumId) : entity;
    if ('albumId' in entity && entity.unavailableIn?.includes(country)) return false;
    return album !== undefined && !album.unavailableIn.includes(country);
  }

  albumItems(albumId: string): AlbumItem[] {
    const album = this.album(albumId);
    if (!album) return [];
    return album.items.map((it) => ({ ...it, track: this.track(it.trackId)! }));
  }

  /** Tracks in album order (volume, then track number). */
  albumTracks(albumId: string): TrackRec[] {
    return this.albumItems(albumId).map((i) => i.track);
  }

  albumExplicit(album: AlbumRec): boolean {
    return this.albumTracks(album.id).some((t) => t.explicit);
  }

  albumDurationSeconds(album: AlbumRec): number {
    const videos = (album.videoItems ?? []).map((v) => this.video(v.videoId)!);
    return [...this.albumTracks(album.id), ...videos].reduce((s, t) => s + t.durationSeconds, 0);
  }

  /**
   * What GET /albums/{id}/relationships/items lists in a country: available tracks and the
   * album's videos, in volume and track-number order. numberOfItems counts them all.
   */
  albumEntries(
    albumId: string,
    country: string,
  ): { type: 'tracks' | 'videos'; id: string; trackNumber: number; volumeNumber: number }[] {
    const album = this.album(albumId);
    if (!album) return [];
    const tracks = this.albumItems(albumId)
      .filter((it) => this.isAvailable(it.track, country))
      .map((it) => ({
        type: 'tracks' as const,
        id: it.track.id,
        trackNumber: it.trackNumber,
        volumeNumber: it.volumeNumber,
      }));
    const videos = (album.videoItems ?? []).map((v) => ({
      type: 'videos' as const,
      id: v.videoId,
      trackNumber: v.trackNumber,
      volumeNumber: v.volumeNumber,
    }));
    return [...tracks, ...videos].sort(
      (a, b) => a.volumeNumber - b.volumeNumber || a.trackNumber - b.trackNumber,
    );
  }

  /** numberOfItems: every track and video of the album, wherever it is available. */
  albumItemCount(album: AlbumRec): number {
    return album.items.length + (album.videoItems?.length ?? 0);
  }

  albumByBarcode(barcodeId: string): AlbumRec | undefined {
    return this.byBarcode.get(barcodeId);
  }

  /** All tracks with this ISRC in API order (-createdAt, then id); optionally only those in `country`. */
  tracksByIsrc(isrc: string, country?: string): TrackRec[] {
    const all = this.byIsrc.get(isrc) ?? [];
    return country ? all.filter((t) => this.isAvailable(t, country)) : [...all];
  }

  similarArtists(artistId: string): ArtistRec[] {
    return (this.artist(artistId)?.similarIds ?? []).map((id) => this.artist(id)!);
  }

  artistAlbums(artistId: string, country?: string): AlbumRec[] {
    const albums = (this.artist(artistId)?.albumIds ?? []).map((id) => this.album(id)!);
    return country ? albums.filter((a) => this.isAvailable(a, country)) : albums;
  }

  /**
   * Case-insensitive substring match on album/video titles, artist names and playlist names, and
   * word matching for tracks (catalog/track-search.ts), restricted to what exists in `country`;
   * each list ordered by popularity desc, then id (tracks: best matches first).
   */
  search(query: string, country: string, explicitFilter: ExplicitFilter = 'INCLUDE'): SearchResult {
    const q = query.trim().toLowerCase();
    const hit = (text: string) => q !== '' && text.toLowerCase().includes(q);
    const allowExplicit = explicitFilter === 'INCLUDE';
    const tracks = this.tracks
      .filter((t) => this.isAvailable(t, country) && (allowExplicit || !t.explicit))
      .flatMap((t) => rankTrack(t, query, this.trackSearchText(t)) ?? [])
      .sort(compareHits)
      .map((h) => h.track);
    const albums = this.albums
      .filter(
        (a) =>
          hit(a.title) && this.isAvailable(a, country) && (allowExplicit || !this.albumExplicit(a)),
      )
      .sort(byPopularity);
    const artists = this.artists.filter((a) => hit(a.name)).sort(byPopularity);
    const playlists = this.playlists
      .filter((p) => hit(p.name))
      .map((p) => ({ p, popularity: this.playlistPopularity(p) }))
      .sort((a, b) => byPopularity({ ...a, id: a.p.id }, { ...b, id: b.p.id }))
      .map((x) => x.p);
    const videos = this.videos
      .filter((v) => hit(v.title) && (allowExplicit || !v.explicit))
      .sort(byPopularity);
    const topHits: SearchHit[] = [
      ...tracks.map((t) => ({ type: 'tracks' as const, id: t.id, popularity: t.popularity })),
      ...albums.map((a) => ({ type: 'albums' as const, id: a.id, popularity: a.popularity })),
      ...artists.map((a) => ({ type: 'artists' as const, id: a.id, popularity: a.popularity })),
      ...playlists.map((p) => ({
        type: 'playlists' as const,
        id: p.id,
        popularity: this.playlistPopularity(p),
      })),
      ...videos.map((v) => ({ type: 'videos' as const, id: v.id, popularity: v.popularity })),
    ].sort(
      (a, b) => b.popularity - a.popularity || a.type.localeCompare(b.type) || byPopularity(a, b),
    );
    return { tracks, albums, artists, playlists, videos, topHits };
  }

  /** Title, version and artist names as search sees them (see catalog/track-search.ts). */
  private trackSearchText(t: TrackRec): string {
    let text = this.searchTexts.get(t.id);
    if (text === undefined) {
      const names = t.artistIds.map((id) => this.artist(id)?.name ?? '');
      text = searchText([t.title, t.version ?? '', ...names].join(' '));
      this.searchTexts.set(t.id, text);
    }
    return text;
  }

  /** Playlists have no popularity attribute; rank them by followers on the same 0..1 scale. */
  playlistPopularity(p: PlaylistRec): number {
    return Math.round((p.numberOfFollowers / 500000) * 1000) / 1000;
  }
}

let singleton: Catalog | undefined;

/** The process-wide catalog (generation takes a few ms; every fake instance shares it). */
export function getCatalog(): Catalog {
  singleton ??= new Catalog(buildCatalogData());
  return singleton;
}

/**
 * Stable handles into the generated data (ids are strings; see catalog/model.ts `Fixtures`):
 * - artistWithManySimilar: artist id with 27 similar artists (two pages of 20)
 * - albumWithManyTracks: album id with 27 tracks on one volume
 * - multiVolumeAlbum: album id with 2 volumes (12 + 10 tracks; page 2 starts inside volume 2)
 * - multiTrackIsrc: ISRC on 3 tracks (explicit original, its clean twin, a compilation)
 * - manyTrackIsrc: ISRC on 25 tracks (original + 24 compilations; paginated)
 * - upcAlbumBarcode: 12-digit UPC-A with a leading zero; eanAlbumBarcode: a 13-digit EAN
 * - searchTermWithManyResults: 'love' (> 20 track hits in every country)
 * - uniqueArtistName / uniqueArtistId: the only artist matching its name; first in search
 * - notInDeAlbum: album id that 404s with countryCode=DE (its tracks vanish there too)
 * - explicitAlbum / cleanAlbum: an explicit album and its clean twin (same ISRCs)
 * - compilationAlbum: "Hit Parade Vol. 1" by variousArtistsId
 * - playlistWithManyItems: editorial playlist UUID with 45 items; video: a video id
 * - albumWithVideos: "Northern Lights (Super Deluxe)" (version Super Deluxe), 12 tracks + 2 videos
 * - albumWithGapsInSe: 10 items, 2 of them not available in SE; atmosOnlyAlbum: its Atmos twin
 * - gtin14AlbumBarcode: a zero-padded GTIN-14, the form TIDAL stores most barcodes in
 */
export const FIXTURES: Readonly<Fixtures> = getCatalog().fixtures;
