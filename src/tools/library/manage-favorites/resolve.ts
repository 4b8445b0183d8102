/**
 * From what the caller gave (ids, ISRCs, barcodes) to TIDAL ids: ISRCs and barcodes are looked
 * up 20 per request in the user's country; an item listed twice is handled once.
 */
import { normalizeBarcode } from '../../../tidal/barcode.js';
import { normalizeIsrc } from '../../../tidal/isrc.js';
import type { ManageFavoritesArgs } from './input.js';
import { type FavoriteResult, type FavoritesCall, mark } from './results.js';

async function byIsrc(call: FavoritesCall, isrcs: readonly string[]): Promise<FavoriteResult[]> {
  const { byIsrc } = await call.ctx.deps.catalog.tracks.byIsrcs(
    isrcs,
    { country: call.user.country, signal: call.ctx.signal },
    (batch, of) => call.ctx.progress(batch, of, `looked up ISRC batch ${batch} of ${of}`),
  );
  return isrcs.map((ref) => {
    const track = byIsrc.get(normalizeIsrc(ref))?.[0];
    return track
      ? { ref, via: 'isrc', id: track.id, title: track.title, status: 'added' }
      : {
          ref,
          via: 'isrc',
          status: 'not_found',
          reason: `no TIDAL track with this ISRC in ${call.user.country}`,
        };
  });
}

async function byBarcode(call: FavoritesCall, codes: readonly string[]): Promise<FavoriteResult[]> {
  const albums = await call.ctx.deps.library.lookups.albumsByBarcodes(codes.map(normalizeBarcode), {
    country: call.user.country,
    signal: call.ctx.signal,
  });
  return codes.map((ref) => {
    const album = albums.get(normalizeBarcode(ref));
    return album
      ? { ref, via: 'barcode', id: album.id, title: album.title, status: 'added' }
      : {
          ref,
          via: 'barcode',
          status: 'not_found',
          reason: `no TIDAL album with this barcode in ${call.user.country}`,
        };
  });
}

/**
 * Every item as a result (status provisional until written), in the order given: ids, then ISRCs,
 * then barcodes. Returns the results and the distinct ids to write, in that order.
 */
export async function resolve(
  call: FavoritesCall,
  args: ManageFavoritesArgs,
): Promise<{ results: FavoriteResult[]; ids: string[] }> {
  const results: FavoriteResult[] = [
    ...(args.ids ?? []).map((id): FavoriteResult => ({ ref: id, via: 'id', id, status: 'added' })),
    ...(args.isrcs ? await byIsrc(call, args.isrcs) : []),
    ...(args.barcodes ? await byBarcode(call, args.barcodes) : []),
  ];
  const ids: string[] = [];
  const seen = new Set<string>();
  for (const result of results) {
    if (result.id === undefined || result.status === 'not_found') continue;
    if (seen.has(result.id)) mark(result, 'duplicate', 'listed more than once in this call');
    else ids.push(result.id);
    seen.add(result.id);
  }
  return { results, ids };
}
