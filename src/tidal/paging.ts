/**
 * TIDAL pages are fixed at its own size (about 20) and take no page-size parameter, while tools
 * return `limit` items. A Position is "page with this cursor (undefined = first), skip `offset`
 * items", so a tool can stop mid-page and continue exactly there; re-reading that page is a cache
 * hit, not a new request.
 */
import { isAbort } from '../errors.js';
import type { Page } from './domain.js';

export interface Position {
  cursor?: string;
  offset: number;
}

export const START: Position = { offset: 0 };

export interface Taken<T> {
  items: T[];
  next?: Position;
  /** A later page failed: `items` is what was read before it, `next` where to resume. */
  error?: unknown;
}

export async function takeItems<T>(
  start: Position,
  limit: number,
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
): Promise<Taken<T>> {
  const items: T[] = [];
  let cursor = start.cursor;
  let offset = start.offset;
  // A page that makes no progress must not spin forever; 10 pages is 200 items at TIDAL's size.
  for (let pages = 0; pages < 10; pages++) {
    let page: Page<T>;
    try {
      page = await fetchPage(cursor);
    } catch (error) {
      // Nothing read yet: the call failed. Otherwise keep what was read and say where to resume.
      if (pages === 0 || isAbort(error)) throw error;
      return { items, next: { cursor, offset }, error };
    }
    const available = page.items.slice(offset);
    const need = limit - items.length;
    items.push(...available.slice(0, need));
    if (available.length > need) return { items, next: { cursor, offset: offset + need } };
    if (!page.nextCursor) return { items };
    if (items.length >= limit) return { items, next: { cursor: page.nextCursor, offset: 0 } };
    cursor = page.nextCursor;
    offset = 0;
  }
  return { items, next: { cursor, offset } };
}
