/** What manage_favorites reports per item, and the call's shared state. */
import * as z from 'zod/v4';

import type { CollectionKind } from '../../../tidal/library/index.js';
import type { ToolContext } from '../../shared/define-tool.js';
import type { UserCall } from '../user.js';

export const FAVORITE_STATUSES = [
  'added',
  'already_favorite',
  'removed',
  'would_remove',
  'not_found',
  /** The same item was listed more than once in the call; it is handled once. */
  'duplicate',
  'failed',
  /** A write's answer was lost and TIDAL could not be re-read to check. */
  'unknown',
] as const;
export type FavoriteStatus = (typeof FAVORITE_STATUSES)[number];

export const FavoriteResultOutput = z.object({
  /** What the caller gave: an id, an ISRC or a barcode. */
  ref: z.string(),
  via: z.enum(['id', 'isrc', 'barcode']),
  /** The TIDAL id it stands for (absent when an ISRC or barcode found nothing). */
  id: z.string().optional(),
  title: z.string().optional(),
  status: z.enum(FAVORITE_STATUSES),
  reason: z.string().optional(),
});
export type FavoriteResult = z.infer<typeof FavoriteResultOutput>;

export const ManageFavoritesOutput = z.object({
  action: z.enum(['add', 'remove']),
  kind: z.enum(['tracks', 'albums', 'artists', 'playlists', 'videos']),
  /** False when nothing on TIDAL was changed. */
  changed: z.boolean(),
  preview: z
    .boolean()
    .optional()
    .describe('True when this was a preview: call again with confirm: true to apply.'),
  message: z.string(),
  results: z.array(FavoriteResultOutput),
  counts: z.record(z.string(), z.number()),
  moreResults: z
    .record(z.string(), z.array(z.string()))
    .optional()
    .describe(
      'When more than 50 items were given: what was given (id, ISRC or barcode) for the unlisted results, by status.',
    ),
});
export type ManageFavoritesResult = z.infer<typeof ManageFavoritesOutput>;

export interface FavoritesCall extends UserCall {
  ctx: ToolContext;
  kind: CollectionKind;
  /** Epoch ms when the call started: favorites added since then were added by it. */
  startedAt: number;
}

export function countBy(results: readonly FavoriteResult[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of results) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return counts;
}

export function mark(result: FavoriteResult, status: FavoriteStatus, reason?: string): void {
  result.status = status;
  if (reason === undefined) delete result.reason;
  else result.reason = reason;
}

/** Results listed one by one; the rest are named by what was given, by status. */
export const LISTED_RESULTS = 50;
const SUCCESS = new Set<FavoriteStatus>(['added', 'removed', 'would_remove']);

/**
 * A long list of results, bounded: the first 50 (those that need attention first, then in the
 * order given) in full, and every other one by what was given, under its status.
 */
export function listedResults(
  results: readonly FavoriteResult[],
): Pick<ManageFavoritesResult, 'results' | 'moreResults'> {
  if (results.length <= LISTED_RESULTS) return { results: [...results] };
  const order = results
    .map((r, i) => ({ r, i }))
    .sort((a, b) => Number(SUCCESS.has(a.r.status)) - Number(SUCCESS.has(b.r.status)) || a.i - b.i);
  const listed = new Set(order.slice(0, LISTED_RESULTS).map((x) => x.i));
  const moreResults: Record<string, string[]> = {};
  for (const [i, r] of results.entries()) {
    if (!listed.has(i)) (moreResults[r.status] ??= []).push(r.ref);
  }
  return { results: results.filter((_, i) => listed.has(i)), moreResults };
}
