/**
 * Cursor pagination. Cursors are opaque (base64url of a small JSON object) so clients cannot
 * treat them as offsets; a tampered cursor is a 400 on `page[cursor]`, like any invalid value.
 */
import { badRequest } from './errors.js';
import { type Query, queryEntries, scalarParam, withQuery } from './query.js';

export interface Links {
  self: string;
  next?: string;
  meta?: { nextCursor: string };
}

/**
 * Cursors carry the generation they were issued in; expireCursors() starts a new one, so every
 * cursor handed out before is refused like an expired TIDAL cursor (400 on page[cursor]).
 */
let generation = 0;

export function expireCursors(): void {
  generation++;
}

export function encodeCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset, g: generation }), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): number {
  let parsed: { o?: unknown; g?: unknown } | undefined;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as typeof parsed;
  } catch {
    // fall through to the 400 below
  }
  const o = parsed?.o;
  if (typeof o === 'number' && Number.isInteger(o) && o >= 0) {
    if (parsed?.g === generation) return o;
    throw badRequest('Page cursor has expired', 'page[cursor]');
  }
  throw badRequest(`Invalid page cursor '${cursor}'`, 'page[cursor]');
}

export interface Page<T> {
  items: T[];
  /** Cursor of the following page, absent on the last page. */
  nextCursor?: string;
}

export function pageOf<T>(all: readonly T[], offset: number, pageSize: number): Page<T> {
  const items = all.slice(offset, offset + pageSize);
  const end = offset + items.length;
  return end < all.length ? { items, nextCursor: encodeCursor(end) } : { items };
}

export function pageFromQuery<T>(all: readonly T[], query: Query, pageSize: number): Page<T> {
  const cursor = scalarParam(query, 'page[cursor]');
  return pageOf(all, cursor === undefined ? 0 : decodeCursor(cursor), pageSize);
}

/**
 * Top-level links of a collection or relationship document. `next` keeps every original
 * parameter (include, countryCode, filters) and swaps in the new cursor, as observed on TIDAL.
 */
export function topLevelLinks(path: string, query: Query, nextCursor?: string): Links {
  const links: Links = { self: withQuery(path, queryEntries(query)) };
  if (nextCursor !== undefined) {
    links.next = withQuery(path, [
      ...queryEntries(query, ['page[cursor]']),
      ['page[cursor]', nextCursor],
    ]);
    links.meta = { nextCursor };
  }
  return links;
}

/**
 * Links of a relationship embedded in a resource. `next` carries ONLY page[cursor]: TIDAL does
 * not reliably repeat include/countryCode there, so clients must re-add them when following it.
 * No `meta.nextCursor` here either, so a client cannot lean on it being present.
 */
export function embeddedLinks(relPath: string, nextCursor?: string): Links {
  const links: Links = { self: relPath };
  if (nextCursor !== undefined) links.next = withQuery(relPath, [['page[cursor]', nextCursor]]);
  return links;
}
