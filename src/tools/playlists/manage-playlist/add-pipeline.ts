/**
 * The one way tracks are added to a playlist (add_tracks, create, import): skip what is already
 * there or listed twice (unless duplicates are allowed), POST in batches of 50 (each with its own
 * Idempotency-Key, so a retried batch never applies twice), and mark every candidate with what
 * really happened. When a batch fails the playlist is read again, so a result never says "maybe"
 * where it can know.
 */
import { chunk } from '../../../tidal/batches.js';
import { ADD_BATCH_SIZE, type PlaylistEntry } from '../../../tidal/playlists/index.js';
import { type OwnedPlaylist, ownedPlaylist } from './ownership.js';
import {
  MAY_HAVE_BEEN_APPLIED,
  type PlaylistCall,
  runBatches,
  type TrackResult,
} from './shared.js';

/** One thing asked to be added; `result` is updated in place as the pipeline runs. */
export interface Candidate {
  result: TrackResult;
  /** Absent when there is nothing to add (an ISRC that resolved to no track, an unmatched line). */
  trackId?: string;
  /** TIDAL's reason when it skipped this id. */
  skippedBy?: string;
}

export interface AddPlan {
  /** What will be written, in request order. */
  toAdd: Candidate[];
  /** Occurrences of each track id in the playlist before the writes. */
  before: Map<string, number>;
}

export interface AddOutcome {
  failure?: { index: number; error: unknown };
}

function occurrences(ids: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

/**
 * Mark what must not be added again (already in the playlist, or listed earlier in the same
 * request) as skipped; the rest is the plan, in request order. Writes nothing.
 */
export function planAdd(
  entries: readonly PlaylistEntry[],
  candidates: readonly Candidate[],
  allowDuplicates = false,
): AddPlan {
  const before = occurrences(entries.map((e) => e.id));
  const seen = new Set<string>();
  const toAdd: Candidate[] = [];
  for (const candidate of candidates) {
    const id = candidate.trackId;
    if (id === undefined) continue;
    if (!allowDuplicates && before.has(id))
      Object.assign(candidate.result, { status: 'skipped', reason: 'already in the playlist' });
    else if (!allowDuplicates && seen.has(id))
      Object.assign(candidate.result, {
        status: 'skipped',
        reason: 'listed more than once in this request',
      });
    else toAdd.push(candidate);
    seen.add(id);
  }
  return { toAdd, before };
}

/** Write the plan: every candidate in it ends as added, failed or unknown. */
export async function applyAdd(
  call: PlaylistCall,
  playlistId: string,
  plan: AddPlan,
  positionBefore?: string,
): Promise<AddOutcome> {
  for (const c of plan.toAdd) c.result.status = 'added';
  const failure = await writeBatches(call, playlistId, plan, positionBefore);
  await explainSkipped(call, plan.toAdd);
  return failure ? { failure } : {};
}

/** The notes every add reports after its headline: what did not go in, and why. */
export function outcomeNotes(
  call: PlaylistCall,
  counts: Record<string, number>,
  outcome: AddOutcome,
  owned: OwnedPlaylist,
): string[] {
  return [
    counts.skipped ? `${counts.skipped} skipped` : undefined,
    counts.failed ? `${counts.failed} failed` : undefined,
    counts.unknown ? `${counts.unknown} unknown: they ${MAY_HAVE_BEEN_APPLIED}` : undefined,
    outcome.failure
      ? `a write failed (${call.ctx.userMessage(outcome.failure.error)}); the results say which tracks went in — retry only the failed ones`
      : undefined,
    owned.complete === false
      ? 'the playlist is too long to check every entry for duplicates'
      : undefined,
  ].filter((n): n is string => n !== undefined);
}

/**
 * POST in batches of 50, marking what TIDAL skipped. After a failed batch the playlist is read
 * again so every track's result says what really happened.
 */
async function writeBatches(
  call: PlaylistCall,
  playlistId: string,
  plan: AddPlan,
  positionBefore: string | undefined,
): Promise<{ index: number; error: unknown } | undefined> {
  const batches = chunk(plan.toAdd, ADD_BATCH_SIZE);
  // What the playlist holds once the successful batches are in; a failed batch is judged against it.
  const expected = new Map(plan.before);
  const failure = await runBatches(call, batches, 'added', async (batch) => {
    const ids = batch.map((c) => c.trackId as string);
    const response = await call.ctx.deps.playlists.addBatch(
      call.user,
      playlistId,
      ids,
      positionBefore,
    );
    const skipped = new Map(response.skipped.map((s) => [s.id, s.reason]));
    for (const added of response.added) expected.set(added.id, (expected.get(added.id) ?? 0) + 1);
    for (const c of batch) {
      const reason = skipped.get(c.trackId as string);
      if (reason !== undefined) {
        c.skippedBy = reason;
        Object.assign(c.result, {
          status: 'failed',
          reason: `TIDAL did not add it (${reason}: unknown id or not available)`,
        });
      }
    }
  });
  if (failure) await settleFailedBatch(call, playlistId, batches, failure, expected);
  return failure;
}

/** After a failed batch, read the playlist again and mark each track by what is really there. */
async function settleFailedBatch(
  call: PlaylistCall,
  playlistId: string,
  batches: Candidate[][],
  failure: { index: number; error: unknown },
  before: ReadonlyMap<string, number>,
): Promise<void> {
  let after: Map<string, number> | undefined;
  try {
    const fresh = await ownedPlaylist(call, playlistId, true);
    after = occurrences(fresh.entries.map((e) => e.id));
  } catch {
    after = undefined;
  }
  const failedBatch = batches[failure.index] ?? [];
  for (const c of failedBatch) {
    const id = c.trackId as string;
    const grew = after !== undefined && (after.get(id) ?? 0) > (before.get(id) ?? 0);
    if (grew) {
      // Consume one added occurrence so a track listed twice is not counted twice.
      after?.set(id, (after.get(id) ?? 1) - 1);
      continue;
    }
    Object.assign(
      c.result,
      after === undefined
        ? {
            status: 'unknown',
            reason: `the write failed (${call.ctx.userMessage(failure.error)}) and the playlist could not be re-read: it ${MAY_HAVE_BEEN_APPLIED}`,
          }
        : { status: 'failed', reason: call.ctx.userMessage(failure.error) },
    );
  }
  for (const batch of batches.slice(failure.index + 1)) {
    for (const c of batch)
      Object.assign(c.result, {
        status: 'failed',
        reason: 'not attempted: an earlier write failed',
      });
  }
}

/**
 * Ids TIDAL skipped may be video ids given where a track id belongs: say so (one lookup, only
 * when something was skipped), so the model does not retry them as tracks.
 */
async function explainSkipped(call: PlaylistCall, candidates: readonly Candidate[]): Promise<void> {
  const skipped = candidates.filter((c) => c.skippedBy !== undefined && c.trackId !== undefined);
  if (skipped.length === 0) return;
  const videos = await call.ctx.deps.catalog.videos
    .which(
      skipped.map((c) => c.trackId as string),
      { country: call.user.country, signal: call.ctx.signal },
    )
    .catch(() => new Set<string>());
  for (const c of skipped) {
    if (videos.has(c.trackId as string))
      c.result.reason = 'is a video id, not a track id: add_tracks adds tracks only';
  }
}
