/**
 * Reading favorites back after a write went wrong, so results say what really happened: a lost
 * answer is checked against the collection, and a batch TIDAL refused as a whole because some
 * items were favorites already is split. Bounded: a collection too large to read says "unknown".
 */
import {
  ConflictError,
  NetworkError,
  RateLimitedError,
  UpstreamError,
} from '../../../tidal/errors.js';
import type { FavoritesCall } from './results.js';

/** 50 pages of TIDAL's 20: the 1,000 most recent favorites. */
const MAX_PAGES = 50;
/** TIDAL's clock and ours may differ; a favorite added this long before the call counts as ours. */
const CLOCK_SKEW_MS = 60_000;

/** Read-backs after a write must see TIDAL's state now, never a page cached before the write. */
const fresh = (call: FavoritesCall) => ({ ...call.user, fresh: true });

/**
 * Whether the write may have happened although it failed: the answer was lost (network), TIDAL
 * failed after the retries (5xx), or the same key is still being processed. A 429, a 4xx or a
 * refused token mean TIDAL did not apply it.
 */
export function outcomeUnknown(error: unknown): boolean {
  if (error instanceof RateLimitedError) return false;
  if (error instanceof NetworkError || error instanceof UpstreamError) return true;
  return error instanceof ConflictError && error.code === 'IDEMPOTENT_REQUEST_IN_PROGRESS';
}

/**
 * Ids of favorites added since the call started (the list is newest first, so this reads only
 * the first pages), or undefined when they cannot be read.
 */
export async function addedByThisCall(call: FavoritesCall): Promise<Set<string> | undefined> {
  const since = call.startedAt - CLOCK_SKEW_MS;
  const ids = new Set<string>();
  let cursor: string | undefined;
  try {
    for (let pages = 0; pages < MAX_PAGES; pages++) {
      const page = await call.ctx.deps.library.favorites.page(fresh(call), call.kind, cursor);
      for (const favorite of page.items) {
        const at = favorite.addedAt === undefined ? Number.NaN : Date.parse(favorite.addedAt);
        if (at < since) return ids;
        ids.add(favorite.id);
      }
      if (!page.nextCursor) return ids;
      cursor = page.nextCursor;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** Every favorite of the call's kind, or undefined when there are too many or they cannot be read. */
export async function allFavorites(call: FavoritesCall): Promise<Set<string> | undefined> {
  const ids = new Set<string>();
  let cursor: string | undefined;
  try {
    for (let pages = 0; pages < MAX_PAGES; pages++) {
      const page = await call.ctx.deps.library.favorites.page(fresh(call), call.kind, cursor);
      for (const favorite of page.items) ids.add(favorite.id);
      if (!page.nextCursor) return ids;
      cursor = page.nextCursor;
    }
  } catch {
    return undefined;
  }
  return undefined;
}
