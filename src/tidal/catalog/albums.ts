/** Albums with their artists, cover and first page of items in one request; later pages by cursor. */
import { apiPath } from '../api-path.js';
import { barcodeForms, sameGtin } from '../barcode.js';
import { CACHE_TTL } from '../cache.js';
import type { Album, AlbumRef, Page, Track } from '../domain.js';
import { NotFoundError } from '../errors.js';
import {
  attr,
  type Document,
  Included,
  nextCursorOf,
  relationshipIds,
  type Resource,
  type ResourceIdentifier,
} from '../jsonapi.js';
import { toAlbum } from '../mappers.js';
import { type ApiReader, asArray, type CallContext, mapTrackItems } from '../reader.js';

const ALBUM_INCLUDE = 'artists,coverArt,items,items.artists';
const ALBUM_ITEMS_INCLUDE = 'items,items.artists';
/** Several albums at once: their first pages of items are what is needed (ids, titles, types). */
const ALBUMS_BATCH_INCLUDE = 'items';

export interface AlbumWithTracks {
  album: Album;
  tracks: Page<Track>;
  /** Present when asked for: TIDAL's first few similar albums. */
  similarAlbums?: AlbumRef[];
}

export interface AlbumOptions {
  /** Also include the first page of similar albums (same request). */
  similarAlbums?: boolean;
}

/** Similar albums are a pointer for further browsing; a handful is enough. */
export const MAX_SIMILAR_ALBUMS = 5;

function albumInclude(options: AlbumOptions): string {
  return options.similarAlbums ? `${ALBUM_INCLUDE},similarAlbums` : ALBUM_INCLUDE;
}

export class AlbumsApi {
  constructor(private readonly reader: ApiReader) {}

  /** Album, its artists, cover and first page of tracks: one request. */
  async get(
    albumId: string,
    ctx: CallContext,
    options: AlbumOptions = {},
  ): Promise<AlbumWithTracks> {
    const doc = await this.reader.get<Document<Resource>>(
      apiPath('albums', albumId),
      { include: albumInclude(options) },
      CACHE_TTL.catalog,
      `album ${albumId}`,
      ctx,
    );
    return withTracks(asArray(doc.data)[0], doc.included, `album ${albumId}`, options);
  }

  /**
   * Album by a valid barcode, with the same includes: one request carrying every form TIDAL may
   * hold the GTIN in (GTIN-14, EAN-13, UPC-A), matched back on the number itself.
   */
  async byBarcode(
    barcode: string,
    ctx: CallContext,
    options: AlbumOptions = {},
  ): Promise<AlbumWithTracks> {
    const doc = await this.reader.get<Document<Resource[]>>(
      '/albums',
      { 'filter[barcodeId]': barcodeForms(barcode), include: albumInclude(options) },
      CACHE_TTL.catalog,
      `album with barcode ${barcode}`,
      ctx,
    );
    const found = asArray(doc.data).find((a) => {
      const stored = a.attributes?.barcodeId;
      return typeof stored === 'string' && sameGtin(stored, barcode);
    });
    return withTracks(found, doc.included, `album with barcode ${barcode}`, options);
  }

  /**
   * Several albums with the first page of each one's items, in one request
   * (`GET /albums?filter[id]=…`, up to 20 ids): id -> album, for the ids TIDAL has in the country.
   */
  async many(albumIds: readonly string[], ctx: CallContext): Promise<Map<string, AlbumWithTracks>> {
    const doc = await this.reader.get<Document<Resource[]>>(
      '/albums',
      { 'filter[id]': [...albumIds], include: ALBUMS_BATCH_INCLUDE },
      CACHE_TTL.catalog,
      `${albumIds.length} albums`,
      ctx,
    );
    const found = new Map<string, AlbumWithTracks>();
    for (const resource of asArray(doc.data)) {
      found.set(resource.id, withTracks(resource, doc.included, `album ${resource.id}`, {}));
    }
    return found;
  }

  /** A later page of an album's tracklist. */
  async itemsPage(albumId: string, cursor: string, ctx: CallContext): Promise<Page<Track>> {
    const doc = await this.reader.get<Document<ResourceIdentifier[]>>(
      apiPath('albums', albumId, 'relationships', 'items'),
      { include: ALBUM_ITEMS_INCLUDE, 'page[cursor]': cursor },
      CACHE_TTL.catalog,
      `tracks of album ${albumId}`,
      ctx,
    );
    return {
      items: mapTrackItems(doc.data, new Included(doc.included)),
      nextCursor: nextCursorOf(doc.links),
    };
  }
}

function withTracks(
  resource: Resource | undefined,
  included: Resource[] | undefined,
  what: string,
  options: AlbumOptions,
): AlbumWithTracks {
  if (!resource) throw new NotFoundError(`${what} was not found on TIDAL`);
  const index = new Included(included);
  return {
    album: toAlbum(resource, index),
    tracks: {
      items: mapTrackItems(relationshipIds(resource, 'items'), index),
      nextCursor: nextCursorOf(resource.relationships?.items?.links),
    },
    ...(options.similarAlbums && { similarAlbums: similarAlbums(resource, index) }),
  };
}

function similarAlbums(resource: Resource, included: Included): AlbumRef[] {
  return included
    .resolve(relationshipIds(resource, 'similarAlbums'))
    .filter((album) => album.type === 'albums')
    .slice(0, MAX_SIMILAR_ALBUMS)
    .map((album) => ({ id: album.id, title: attr<string>(album, 'title') ?? 'Untitled' }));
}
