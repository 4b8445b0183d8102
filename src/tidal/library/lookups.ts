/**
 * Batch lookups for favorites: catalog items by id (to name what a removal would touch) and
 * albums by barcode. One request per ISRC_BATCH_SIZE filter values, the batch size clients
 * observe to work for `filter[...]` (TIDAL documents no limit).
 */
import { barcodeForms, sameGtin } from '../barcode.js';
import { chunk } from '../batches.js';
import { CACHE_TTL } from '../cache.js';
import type { Album } from '../domain.js';
import { ISRC_BATCH_SIZE } from '../isrc.js';
import { type Document, Included, type Resource } from '../jsonapi.js';
import { toAlbum } from '../mappers.js';
import { type ApiReader, asArray, type CallContext, mapItem } from '../reader.js';
import type { CollectionKind, FavoriteItem } from './collections.js';

const INCLUDE: Record<CollectionKind, string | undefined> = {
  tracks: 'artists,albums',
  albums: 'artists',
  artists: undefined,
  videos: 'artists',
  playlists: undefined,
};

export class LibraryLookups {
  constructor(private readonly reader: ApiReader) {}

  /** Id -> item for the ids TIDAL knows (in `ctx.country`); unknown ids are absent. */
  async byIds(
    kind: CollectionKind,
    ids: readonly string[],
    ctx: CallContext,
  ): Promise<Map<string, FavoriteItem>> {
    const found = new Map<string, FavoriteItem>();
    for (const batch of chunk([...new Set(ids)], ISRC_BATCH_SIZE)) {
      const doc = await this.reader.get<Document<Resource[]>>(
        `/${kind}`,
        { 'filter[id]': batch, include: INCLUDE[kind] },
        CACHE_TTL.catalog,
        `${batch.length} ${kind}`,
        ctx,
      );
      const included = new Included(doc.included);
      for (const resource of asArray(doc.data)) {
        const item = mapItem(resource, included) as FavoriteItem | undefined;
        if (item) found.set(resource.id, item);
      }
    }
    return found;
  }

  /**
   * Barcode (normalised, as given) -> album, for the barcodes TIDAL knows in `ctx.country`. Every
   * form TIDAL may store a GTIN in is asked for (barcode.ts), 20 values per request.
   */
  async albumsByBarcodes(
    barcodes: readonly string[],
    ctx: CallContext,
  ): Promise<Map<string, Album>> {
    const found = new Map<string, Album>();
    const values = [...new Set(barcodes.flatMap(barcodeForms))];
    for (const batch of chunk(values, ISRC_BATCH_SIZE)) {
      const doc = await this.reader.get<Document<Resource[]>>(
        '/albums',
        { 'filter[barcodeId]': batch, include: 'artists' },
        CACHE_TTL.catalog,
        `albums for ${batch.length} barcodes`,
        ctx,
      );
      const included = new Included(doc.included);
      for (const resource of asArray(doc.data)) {
        const album = toAlbum(resource, included);
        for (const barcode of barcodes)
          if (sameGtin(barcode, album.barcode)) found.set(barcode, album);
      }
    }
    return found;
  }
}
