/**
 * The writes of manage_favorites: batches of 50, each its own request with its own
 * Idempotency-Key (so the retry layer may repeat it after a lost answer without adding twice),
 * in order, stopping at the first batch that fails. Every item ends with an exact status; when a
 * failed write's outcome is unknown the collection is read back to find out.
 */
import { chunk } from '../../../tidal/batches.js';
import { ConflictError } from '../../../tidal/errors.js';
import { FAVORITES_BATCH_SIZE, type FavoritesWrite } from '../../../tidal/library/index.js';
import { type FavoriteResult, type FavoritesCall, mark } from './results.js';
import { addedByThisCall, allFavorites, outcomeUnknown } from './verify.js';

type ById = Map<string, FavoriteResult>;

/** Distinct ids -> their result (duplicates and lookups that found nothing are already final). */
export function resultsById(results: readonly FavoriteResult[]): ById {
  const byId: ById = new Map();
  for (const r of results) {
    if (r.id !== undefined && r.status !== 'duplicate' && r.status !== 'not_found')
      byId.set(r.id, r);
  }
  return byId;
}

function applyAdd(
  call: FavoritesCall,
  batch: readonly string[],
  write: FavoritesWrite,
  byId: ById,
) {
  const skipped = new Map(write.skipped.map((s) => [s.id, s.reason]));
  for (const id of batch) {
    const result = byId.get(id);
    const reason = skipped.get(id);
    if (!result) continue;
    // An id TIDAL neither added nor skipped was accepted without comment (older API answers).
    if (reason === undefined) mark(result, 'added');
    else if (reason === 'ALREADY_PRESENT') mark(result, 'already_favorite');
    else if (reason === 'NOT_FOUND')
      mark(result, 'not_found', `TIDAL has no ${call.kind.slice(0, -1)} with this id`);
    else mark(result, 'failed', `TIDAL did not add it (${reason})`);
  }
}

/** One add batch; a 409 DUPLICATE_ITEMS_IN_COLLECTION is split into "already" and the rest. */
async function addBatch(
  call: FavoritesCall,
  batch: readonly string[],
  byId: ById,
  favorites: () => Promise<Set<string> | undefined>,
): Promise<void> {
  const api = call.ctx.deps.library.favorites;
  try {
    applyAdd(call, batch, await api.add(call.user, call.kind, batch), byId);
  } catch (error) {
    if (!(error instanceof ConflictError && error.code === 'DUPLICATE_ITEMS_IN_COLLECTION'))
      throw error;
    const present = await favorites();
    if (!present) throw error;
    const rest = batch.filter((id) => !present.has(id));
    for (const id of batch)
      if (present.has(id)) mark(byId.get(id) as FavoriteResult, 'already_favorite');
    if (rest.length > 0) applyAdd(call, rest, await api.add(call.user, call.kind, rest), byId);
  }
}

async function settleAdd(
  call: FavoritesCall,
  batch: readonly string[],
  error: unknown,
  byId: ById,
) {
  const message = call.ctx.userMessage(error);
  const added = outcomeUnknown(error) ? await addedByThisCall(call) : new Set<string>();
  for (const id of batch) {
    const result = byId.get(id) as FavoriteResult;
    if (result.status !== 'added') continue; // settled before the failure (split batch)
    if (added === undefined) {
      mark(
        result,
        'unknown',
        `the write failed (${message}) and your favorites could not be read back: it may have been added — check with get_library before retrying`,
      );
    } else if (!added.has(id)) mark(result, 'failed', message);
  }
}

async function settleRemove(
  call: FavoritesCall,
  batch: readonly string[],
  error: unknown,
  byId: ById,
) {
  const message = call.ctx.userMessage(error);
  const present = outcomeUnknown(error) ? await allFavorites(call) : undefined;
  for (const id of batch) {
    const result = byId.get(id) as FavoriteResult;
    if (outcomeUnknown(error) && present === undefined) {
      mark(
        result,
        'unknown',
        `the write failed (${message}) and your favorites could not be read back: it may have been removed — check with get_library before retrying`,
      );
    } else if (present !== undefined && !present.has(id)) mark(result, 'removed');
    else mark(result, 'failed', message);
  }
}

/** Runs the batches in order; `failure` is the error of the batch that failed, if one did. */
export async function writeFavorites(
  call: FavoritesCall,
  action: 'add' | 'remove',
  ids: readonly string[],
  byId: ById,
): Promise<{ failure?: unknown }> {
  const batches = chunk(ids, FAVORITES_BATCH_SIZE);
  let collection: Promise<Set<string> | undefined> | undefined;
  const favorites = () => (collection ??= allFavorites(call));
  for (const [index, batch] of batches.entries()) {
    try {
      if (action === 'add') await addBatch(call, batch, byId, favorites);
      else {
        await call.ctx.deps.library.favorites.remove(call.user, call.kind, batch);
        for (const id of batch) mark(byId.get(id) as FavoriteResult, 'removed');
      }
    } catch (error) {
      await (action === 'add' ? settleAdd : settleRemove)(call, batch, error, byId);
      for (const id of batches.slice(index + 1).flat()) {
        mark(byId.get(id) as FavoriteResult, 'failed', 'not attempted: an earlier write failed');
      }
      return { failure: error };
    }
    if (batches.length > 1) {
      await call.ctx.progress(
        index + 1,
        batches.length,
        `${action === 'add' ? 'added' : 'removed'} batch ${index + 1} of ${batches.length}`,
      );
    }
  }
  return {};
}
