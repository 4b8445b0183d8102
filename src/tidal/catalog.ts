/**
 * Catalog reads with the fewest requests TIDAL allows: `include=` pulls related resources into
 * the same response, first pages come embedded, later pages are fetched by cursor with `include`
 * and `countryCode` always set by us (TIDAL's own `links.next` does not always carry them).
 */
import { apiPath, buildQuery, type QueryValue } from './api-path.js';
import { CACHE_TTL } from './cache.js';
import type { Album, Artist, Page, Playlist, Track, Video } from './domain.js';
import { NotFoundError } from './errors.js';
import type { TidalHttp } from './http.js';
import {
  Included,
  nextCursorOf,
  relationshipIds,
  type Document,
  type Resource,
  type ResourceIdentifier,
} from './jsonapi.js';
import { toAlbum, toArtist, toPlaylist, toTrack, toVideo } from './mappers.js';
import type { TokenProvider } from './token-provider.js';

export const SEARCH_TYPES = ['tracks', 'albums', 'artists', 'videos', 'playlists'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export interface SearchItemByType {
  tracks: Track;
  albums: Album;
  artists: Artist;
  videos: Video;
  playlists: Playlist;
}

/** Include paths per search type: the items plus what a one-line rendering needs. */
const SEARCH_INCLUDES: Record<SearchType, string[]> = {
  tracks: ['tracks', 'tracks.artists', 'tracks.albums'],
  albums: ['albums', 'albums.artists'],
  artists: ['artists'],
  videos: ['videos', 'videos.artists'],
  playlists: ['playlists'],
};

const ALBUM_INCLUDE = 'artists,coverArt,items,items.artists';
const ALBUM_ITEMS_INCLUDE = 'items,items.artists';
const TRACK_INCLUDE = 'albums,artists';
/** The batch size clients observe to work for filter[isrc]; TIDAL documents no limit. */
export const ISRC_BATCH_SIZE = 20;
/** A single ISRC rarely maps to more than a handful of tracks; stop following pages here. */
const MAX_TRACKS_PER_ISRC = 100;

export interface CallContext {
  country: string;
  signal?: AbortSignal;
}

export interface SearchFirstPage {
  searchId: string;
  didYouMean?: string;
  sections: { [K in SearchType]?: Page<SearchItemByType[K]> };
}

export interface AlbumWithTracks {
  album: Album;
  tracks: Page<Track>;
}

export interface ArtistWithSimilar {
  artist: Artist;
  similar: Page<Artist>;
}

function mapItem(resource: Resource, included: Included, ref?: ResourceIdentifier): unknown {
  switch (resource.type) {
    case 'tracks':
      return toTrack(resource, included, ref?.meta);
    case 'albums':
      return toAlbum(resource, included);
    case 'artists':
      return toArtist(resource, included);
    case 'videos':
      return toVideo(resource, included);
    case 'playlists':
      return toPlaylist(resource);
    default:
      return undefined;
  }
}

/** Resolve a relationship's identifiers against `included`, in order, mapped to domain objects. */
function mapRelated<T>(
  refs: readonly ResourceIdentifier[],
  included: Included,
  onlyType?: string,
): T[] {
  const out: T[] = [];
  for (const ref of refs) {
    if (onlyType && ref.type !== onlyType) continue;
    const resource = included.get(ref.type, ref.id);
    const mapped = resource ? mapItem(resource, included, ref) : undefined;
    if (mapped !== undefined) out.push(mapped as T);
  }
  return out;
}

function asArray(data: Document['data']): Resource[] {
  return Array.isArray(data) ? data : [data];
}

export class TidalCatalog {
  constructor(
    private readonly http: TidalHttp,
    private readonly auth: TokenProvider,
  ) {}

  private get<T>(
    path: string,
    query: Record<string, QueryValue>,
    ttlMs: number,
    what: string,
    ctx: CallContext,
  ): Promise<T> {
    const qs = buildQuery({ countryCode: ctx.country, ...query });
    return this.http.get<T>(`${path}?${qs}`, { auth: this.auth, ttlMs, what, signal: ctx.signal });
  }

  /** One request: the search resource plus the first page of every requested type, in full. */
  async search(
    query: string,
    types: readonly SearchType[],
    ctx: CallContext,
  ): Promise<SearchFirstPage> {
    const include = types.flatMap((type) => SEARCH_INCLUDES[type]).join(',');
    const doc = await this.get<Document<Resource[]>>(
      '/searchResults',
      { 'filter[query]': query, include },
      CACHE_TTL.search,
      `search "${query}"`,
      ctx,
    );
    const [result] = asArray(doc.data);
    if (!result) throw new NotFoundError(`search "${query}" returned no result document`);
    const included = new Included(doc.included);
    const sections: SearchFirstPage['sections'] = {};
    for (const type of types) {
      const rel = result.relationships?.[type];
      sections[type] = {
        items: mapRelated(relationshipIds(result, type), included, type),
        nextCursor: nextCursorOf(rel?.links),
      } as never;
    }
    const didYouMean = result.attributes?.didYouMean;
    return {
      searchId: result.id,
      sections,
      ...(typeof didYouMean === 'string' && didYouMean !== '' ? { didYouMean } : {}),
    };
  }

  /** A page of one result type of an earlier search (no cursor: the first page). */
  async searchPage<K extends SearchType>(
    searchId: string,
    type: K,
    cursor: string | undefined,
    ctx: CallContext,
  ): Promise<Page<SearchItemByType[K]>> {
    const doc = await this.get<Document<ResourceIdentifier[]>>(
      apiPath('searchResults', searchId, 'relationships', type),
      { include: SEARCH_INCLUDES[type].join(','), 'page[cursor]': cursor },
      CACHE_TTL.search,
      `more ${type} for an earlier search`,
      ctx,
    );
    return {
      items: mapRelated(doc.data, new Included(doc.included), type),
      nextCursor: nextCursorOf(doc.links),
    };
  }

  /** Album, its artists, cover and first page of tracks: one request. */
  async album(albumId: string, ctx: CallContext): Promise<AlbumWithTracks> {
    const doc = await this.get<Document<Resource>>(
      apiPath('albums', albumId),
      { include: ALBUM_INCLUDE },
      CACHE_TTL.catalog,
      `album ${albumId}`,
      ctx,
    );
    return this.albumFrom(asArray(doc.data)[0], doc.included, `album ${albumId}`);
  }

  /** Album by EAN-13 / UPC-A barcode, with the same includes: one request. */
  async albumByBarcode(barcode: string, ctx: CallContext): Promise<AlbumWithTracks> {
    const doc = await this.get<Document<Resource[]>>(
      '/albums',
      { 'filter[barcodeId]': barcode, include: ALBUM_INCLUDE },
      CACHE_TTL.catalog,
      `album with barcode ${barcode}`,
      ctx,
    );
    return this.albumFrom(asArray(doc.data)[0], doc.included, `album with barcode ${barcode}`);
  }

  private albumFrom(
    resource: Resource | undefined,
    included: Resource[] | undefined,
    what: string,
  ): AlbumWithTracks {
    if (!resource) throw new NotFoundError(`${what} was not found on TIDAL`);
    const index = new Included(included);
    return {
      album: toAlbum(resource, index),
      tracks: {
        items: mapRelated(relationshipIds(resource, 'items'), index),
        nextCursor: nextCursorOf(resource.relationships?.items?.links),
      },
    };
  }

  /** A later page of an album's tracklist. */
  async albumItems(albumId: string, cursor: string, ctx: CallContext): Promise<Page<Track>> {
    const doc = await this.get<Document<ResourceIdentifier[]>>(
      apiPath('albums', albumId, 'relationships', 'items'),
      { include: ALBUM_ITEMS_INCLUDE, 'page[cursor]': cursor },
      CACHE_TTL.catalog,
      `tracks of album ${albumId}`,
      ctx,
    );
    return {
      items: mapRelated(doc.data, new Included(doc.included)),
      nextCursor: nextCursorOf(doc.links),
    };
  }

  /**
   * Tracks for up to ISRC_BATCH_SIZE ISRCs in one request. TIDAL returns one track per ISRC
   * when several are asked for; every track for a single ISRC (following pages, bounded).
   */
  async tracksByIsrc(
    isrcs: readonly string[],
    ctx: CallContext,
  ): Promise<{ tracks: Track[]; truncated: boolean }> {
    if (isrcs.length === 0 || isrcs.length > ISRC_BATCH_SIZE) {
      throw new RangeError(`tracksByIsrc takes 1..${ISRC_BATCH_SIZE} ISRCs`);
    }
    const tracks: Track[] = [];
    let cursor: string | undefined;
    do {
      const doc = await this.get<Document<Resource[]>>(
        '/tracks',
        { 'filter[isrc]': isrcs, include: TRACK_INCLUDE, 'page[cursor]': cursor },
        CACHE_TTL.catalog,
        isrcs.length === 1 ? `tracks with ISRC ${isrcs[0]}` : `tracks for ${isrcs.length} ISRCs`,
        ctx,
      );
      const included = new Included(doc.included);
      tracks.push(...asArray(doc.data).map((resource) => toTrack(resource, included)));
      // Several ISRCs: TIDAL does not paginate, so any cursor is ignored on purpose.
      cursor = isrcs.length === 1 ? nextCursorOf(doc.links) : undefined;
    } while (cursor !== undefined && tracks.length < MAX_TRACKS_PER_ISRC);
    return { tracks: tracks.slice(0, MAX_TRACKS_PER_ISRC), truncated: cursor !== undefined };
  }

  /** The artist and the first page of similar artists with their names: one request. */
  async artistWithSimilar(artistId: string, ctx: CallContext): Promise<ArtistWithSimilar> {
    const doc = await this.get<Document<Resource>>(
      apiPath('artists', artistId),
      { include: 'similarArtists' },
      CACHE_TTL.similar,
      `artist ${artistId}`,
      ctx,
    );
    const [resource] = asArray(doc.data);
    if (!resource) throw new NotFoundError(`artist ${artistId} was not found on TIDAL`);
    const included = new Included(doc.included);
    return {
      artist: toArtist(resource, included),
      similar: {
        items: mapRelated(relationshipIds(resource, 'similarArtists'), included, 'artists'),
        nextCursor: nextCursorOf(resource.relationships?.similarArtists?.links),
      },
    };
  }

  /** A page of similar artists (no cursor: the first page). */
  async similarArtistsPage(
    artistId: string,
    cursor: string | undefined,
    ctx: CallContext,
  ): Promise<Page<Artist>> {
    const doc = await this.get<Document<ResourceIdentifier[]>>(
      apiPath('artists', artistId, 'relationships', 'similarArtists'),
      { include: 'similarArtists', 'page[cursor]': cursor },
      CACHE_TTL.similar,
      `artists similar to ${artistId}`,
      ctx,
    );
    return {
      items: mapRelated(doc.data, new Included(doc.included), 'artists'),
      nextCursor: nextCursorOf(doc.links),
    };
  }
}
