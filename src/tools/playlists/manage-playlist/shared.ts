/** What every manage_playlist action shares: its output shape, the user context and guards. */
import * as z from 'zod/v4';
import { MissingScopeError, type UserAccess } from '../../../auth/user-session.js';
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
