/** What every manage_playlist action shares: its output shape, the user context and guards. */
import * as z from 'zod/v4';

import { MissingScopeError, type UserAccess } from '../../../auth/user-session.js';
import { CONFIDENCES } from '../../../matching/index.js';
import { TidalError } from '../../../tidal/errors.js';
import type { UserContext } from '../../../tidal/playlists/index.js';
import type { ToolContext } from '../../shared/define-tool.js';
import { InputError } from '../../shared/errors.js';
import { PlaylistOutput } from '../../shared/outputs.js';

export const ACTIONS = [
  'create',
  'update',
  'delete',
  'add_tracks',
  'remove_tracks',
  'reorder',
  'import',
  'dedupe',
] as const;
export type Action = (typeof ACTIONS)[number];

export const TRACK_STATUSES = [
  'added',
  'skipped',
  'failed',
  'removed',
  'moved',
  'would_remove',
  'not_in_playlist',
  /** import preview: this line's track would be added. */
  'would_add',
  /** import: no track matched at minConfidence or better; nothing is added for the line. */
  'not_matched',
  /** A write's answer was lost and the playlist could not be re-read to check. */
  'unknown',
] as const;

export const TrackResultOutput = z.object({
  trackId: z.string().optional(),
  isrc: z.string().optional(),
  status: z.enum(TRACK_STATUSES),
  reason: z.string().optional(),
  title: z.string().optional(),
  /** How many playlist entries this result covers (a track can be in a playlist twice). */
  entries: z.number().optional(),
  /** dedupe: the entry's 1-based position in the playlist. */
  position: z.number().optional(),
  /** import: the 1-based line of the list, what it asked for and how well it matched. */
  line: z.number().optional(),
  input: z.string().optional(),
  confidence: z.enum(CONFIDENCES).optional(),
  /** import, lines not added: other candidates, best first. */
  alternatives: z
    .array(
      z.object({
        trackId: z.string(),
        title: z.string(),
        confidence: z.enum(CONFIDENCES),
        reason: z.string(),
      }),
    )
    .optional(),
});
export type TrackResult = z.infer<typeof TrackResultOutput>;

export const ManagePlaylistOutput = z.object({
  action: z.enum(ACTIONS),
  /** False when nothing on TIDAL was changed (previews, failures before the first write). */
  changed: z.boolean(),
  preview: z
    .boolean()
    .optional()
    .describe('True when this was a preview: call again with confirm: true to apply.'),
  message: z.string(),
  playlist: PlaylistOutput.optional(),
  results: z.array(TrackResultOutput).optional(),
  counts: z.record(z.string(), z.number()).optional(),
  moreResults: z
    .record(z.string(), z.array(z.string()))
    .optional()
    .describe(
      'When more than 50 tracks were given: the ids (or ISRCs) of the unlisted results, by status.',
    ),
  matched: z
    .object(
      Object.fromEntries(CONFIDENCES.map((c) => [c, z.number()])) as Record<
        (typeof CONFIDENCES)[number],
        z.ZodNumber
      >,
    )
    .optional()
    .describe('import: how many lines matched at each confidence.'),
  moreLines: z
    .record(z.string(), z.array(z.number()))
    .optional()
    .describe('import: the line numbers of the results not listed, by status.'),
});
export type ManagePlaylistResult = z.infer<typeof ManagePlaylistOutput>;

export interface PlaylistCall {
  ctx: ToolContext;
  access: UserAccess;
  user: UserContext;
}

export async function userCall(ctx: ToolContext): Promise<PlaylistCall> {
  const access = await ctx.deps.user.access(ctx.signal);
  return {
    ctx,
    access,
    user: { auth: access.tokens, country: access.country, signal: ctx.signal },
  };
}

export function requireScope(call: PlaylistCall, scope: string): void {
  if (!call.access.scopes.includes(scope)) throw new MissingScopeError(scope);
}

export function required<T>(
  value: T | undefined,
  field: string,
  action: Action,
  expectation: string,
): T {
  if (value === undefined)
    throw new InputError(field, `is required for action ${action}: ${expectation}`);
  return value;
}

/** What to do after a write whose answer was lost (the wording, checked by tests). */
export const MAY_HAVE_BEEN_APPLIED = 'may have been applied: list the playlist before retrying';

/** A failed write may still have been applied when its answer was lost rather than refused. */
export function outcomeUnknown(error: unknown): boolean {
  return error instanceof TidalError && (error.kind === 'network' || error.kind === 'upstream');
}

/** Results listed one by one; the rest are counted and named by id only. */
export const LISTED_RESULTS = 50;
const SUCCESS = new Set(['added', 'removed', 'moved']);

/**
 * A long list of per-track results, bounded: the first 50 (those that need attention first, in
 * request order), counts of all, and the other ids by status, also said in the message.
 */
export function summarizedResults(
  results: readonly TrackResult[],
  message: string,
): Pick<ManagePlaylistResult, 'results' | 'counts' | 'moreResults' | 'message'> {
  const counts = countBy(results);
  if (results.length <= LISTED_RESULTS) return { results: [...results], counts, message };
  const order = results
    .map((r, i) => ({ r, i }))
    .sort((a, b) => Number(SUCCESS.has(a.r.status)) - Number(SUCCESS.has(b.r.status)) || a.i - b.i);
  const listed = new Set(order.slice(0, LISTED_RESULTS).map((x) => x.i));
  const moreResults: Record<string, string[]> = {};
  for (const [i, r] of results.entries()) {
    if (!listed.has(i)) (moreResults[r.status] ??= []).push(r.trackId ?? r.isrc ?? '');
  }
  const more = Object.entries(moreResults)
    .map(([status, ids]) => `${status.replace(/_/g, ' ')} (${ids.length}): ${ids.join(', ')}`)
    .join('; ');
  return {
    results: results.filter((_, i) => listed.has(i)),
    counts,
    moreResults,
    message: `${message}\nThe first ${LISTED_RESULTS} of ${results.length} results are listed; the others by status: ${more}.`,
  };
}

export function countBy(results: readonly TrackResult[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of results) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return counts;
}

/**
 * Run write batches in order, reporting progress, and stop at the first failure: later batches
 * are not attempted, so the caller can say exactly what went in.
 */
export async function runBatches<T>(
  call: PlaylistCall,
  batches: readonly T[][],
  verb: string,
  write: (batch: T[]) => Promise<void>,
): Promise<{ index: number; error: unknown } | undefined> {
  for (const [index, batch] of batches.entries()) {
    try {
      await write(batch);
    } catch (error) {
      return { index, error };
    }
    if (batches.length > 1) {
      await call.ctx.progress(
        index + 1,
        batches.length,
        `${verb} batch ${index + 1} of ${batches.length}`,
      );
    }
  }
  return undefined;
}
