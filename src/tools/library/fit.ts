/**
 * Library pages stay inside the result bounds (shared/bounds.ts) by themselves: `limit` is an
 * upper bound, and a page of long items stops early with a cursor that continues exactly there,
 * instead of letting the size guard cut items the cursor would then skip.
 */
import type { Page } from '../../tidal/domain.js';
import { type Position, takeItems } from '../../tidal/paging.js';
import { MAX_STRUCTURED_CHARS, MAX_TEXT_CHARS } from '../shared/bounds.js';

/** What a page's items may use of a result; the rest is headroom for the playlist, notes, keys. */
const BUDGET = { json: MAX_STRUCTURED_CHARS * 0.9, text: MAX_TEXT_CHARS * 0.9 };

export interface ItemSize {
  /** Characters of the item in the structured content. */
  json: number;
  /** Characters of its line in the text. */
  text: number;
}

/** How many of `items`, from the start, fit the budget (at least one). */
export function fittingCount<T>(items: readonly T[], size: (item: T) => ItemSize): number {
  let json = 0;
  let text = 0;
  for (const [i, item] of items.entries()) {
    const s = size(item);
    json += s.json;
    text += s.text;
    if (json > BUDGET.json || text > BUDGET.text) return Math.max(1, i);
  }
  return items.length;
}

/**
 * takeItems, then as many of the items as fit; when some do not, the pages are taken again up to
 * the last one that fits (from the cache: no new request) for the position to continue at.
 */
export async function takeFitting<T>(
  start: Position,
  limit: number,
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  size: (item: T) => ItemSize,
): Promise<{ items: T[]; next?: Position }> {
  const taken = await takeItems(start, limit, fetchPage);
  const fits = fittingCount(taken.items, size);
  return fits === taken.items.length ? taken : takeItems(start, fits, fetchPage);
}
