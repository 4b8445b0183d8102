/**
 * add_tracks: resolve ISRCs, skip tracks already in the playlist (unless allowDuplicates), POST
 * in batches of 50, and report per track. When a batch fails the playlist is read again so the
 * result says exactly which tracks went in, never "maybe".
 */
import { chunk } from '../../../tidal/batches.js';
import { isIsrc, normalizeIsrc } from '../../../tidal/isrc.js';
import { ADD_BATCH_SIZE } from '../../../tidal/playlists/index.js';
import { InputError } from '../../shared/errors.js';
import type { ManagePlaylistArgs } from './input.js';
import { ownedPlaylist, type OwnedPlaylist } from './ownership.js';
import {
  runBatches,
  countBy,
  MAY_HAVE_BEEN_APPLIED,
  requireScope,
  summarizedResults,
  required,
  type ManagePlaylistResult,
  type PlaylistCall,
  type TrackResult,
} from './shared.js';

interface Candidate {
  result: TrackResult;
  trackId?: string;
  /** TIDAL's reason when it skipped this id. */
  skippedBy?: string;
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

async function resolveIsrcs(call: PlaylistCall, isrcs: readonly string[]): Promise<Candidate[]> {
  const normalized = isrcs.map((raw) => ({ raw, isrc: normalizeIsrc(raw) }));
  const { byIsrc, failed } = await call.ctx.deps.catalog.tracks.byIsrcs(
    normalized.map((n) => n.isrc),
    { country: call.user.country, signal: call.ctx.signal },
  );
  return normalized.map(({ raw, isrc }) => {
    if (!isIsrc(isrc))
      return {
        result: {
          isrc: raw,
          status: 'failed',
          reason: 'not a valid ISRC (12 characters like USRC17607839)',
        },
      };
    if (failed.has(isrc)) {
      const reason = `the ISRC lookup failed (${call.ctx.userMessage(failed.get(isrc))}); nothing was added for it`;
      return { result: { isrc: raw, status: 'failed', reason } };
    }
    const track = byIsrc.get(isrc)?.[0];
    if (!track)
      return {
        result: {
          isrc: raw,
          status: 'failed',
          reason: `no TIDAL track with this ISRC in ${call.user.country}`,
        },
      };
    return {
      trackId: track.id,
      result: { isrc: raw, trackId: track.id, title: track.title, status: 'added' },
    };
  });
}

function occurrences(ids: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

/** Refuse a request that cannot be right before anything is read or written. */
function checkArgs(args: ManagePlaylistArgs): string {
  const playlistId = required(
    args.playlistId,
    'playlistId',
    'add_tracks',
    'the id of the playlist to add to',
  );
  if (args.trackIds === undefined && args.isrcs === undefined) {
    throw new InputError('trackIds', 'add_tracks needs trackIds and/or isrcs');
  }
  // A malformed ISRC is a mistake in the request: refuse it before anything is written.
  const badIsrc = (args.isrcs ?? []).findIndex((raw) => !isIsrc(normalizeIsrc(raw)));
  if (badIsrc >= 0) {
    throw new InputError(
      `isrcs[${badIsrc}]`,
      `"${args.isrcs?.[badIsrc]}" is not an ISRC: expected 12 characters like USRC17607839`,
    );
  }
  return playlistId;
}

/** The itemId to insert before, or undefined to append. */
function anchor(owned: OwnedPlaylist, beforeTrackId: string | undefined): string | undefined {
  if (beforeTrackId === undefined) return undefined;
  const itemId = owned.entries.find((e) => e.id === beforeTrackId)?.itemId;
  if (!itemId) {
    throw new InputError(
      'beforeTrackId',
      `track ${beforeTrackId} is not in playlist "${owned.playlist.name}"`,
    );
  }
  return itemId;
}

/** Mark what must not be added again; return what is left to add, in request order. */
function withoutDuplicates(
  candidates: Candidate[],
  before: ReadonlyMap<string, number>,
  allowDuplicates: boolean,
): Candidate[] {
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
  return toAdd;
}

/**
 * POST in batches of 50, marking what TIDAL skipped. After a failed batch the playlist is read
 * again so every track's result says what really happened.
 */
async function writeBatches(
  call: PlaylistCall,
  playlistId: string,
  toAdd: Candidate[],
  positionBefore: string | undefined,
  before: ReadonlyMap<string, number>,
): Promise<{ index: number; error: unknown } | undefined> {
  const batches = chunk(toAdd, ADD_BATCH_SIZE);
  // What the playlist holds once the successful batches are in; a failed batch is judged against it.
  const expected = new Map(before);
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

export async function addTracks(
  call: PlaylistCall,
  args: ManagePlaylistArgs,
  known?: OwnedPlaylist,
): Promise<ManagePlaylistResult> {
  requireScope(call, 'playlists.write');
  const playlistId = checkArgs(args);
  const allowDuplicates = args.allowDuplicates === true;
  const owned =
    known ??
    (await ownedPlaylist(call, playlistId, !allowDuplicates || args.beforeTrackId !== undefined));
  const positionBefore = anchor(owned, args.beforeTrackId);
  const candidates: Candidate[] = [
    ...(args.trackIds ?? []).map((trackId): Candidate => ({
      trackId,
      result: { trackId, status: 'added' },
    })),
    ...(args.isrcs ? await resolveIsrcs(call, args.isrcs) : []),
  ];
  const before = occurrences(owned.entries.map((e) => e.id));
  const toAdd = withoutDuplicates(candidates, before, allowDuplicates);
  const failure = await writeBatches(call, playlistId, toAdd, positionBefore, before);
  await explainSkipped(call, candidates);
  const results = candidates.map((c) => c.result);
  const counts = countBy(results);
  const added = counts.added ?? 0;
  const notes = [
    `Added ${added} of ${candidates.length} track${candidates.length === 1 ? '' : 's'} to "${owned.playlist.name}"`,
    counts.skipped ? `${counts.skipped} skipped` : undefined,
    counts.failed ? `${counts.failed} failed` : undefined,
    counts.unknown ? `${counts.unknown} unknown: they ${MAY_HAVE_BEEN_APPLIED}` : undefined,
    failure
      ? `a write failed (${call.ctx.userMessage(failure.error)}); the results say which tracks went in — retry only the failed ones`
      : undefined,
    owned.complete === false
      ? 'the playlist is too long to check every entry for duplicates'
      : undefined,
  ].filter(Boolean);
  return {
    action: 'add_tracks',
    changed: added > 0,
    playlist: { ...owned.playlist, numberOfItems: (owned.playlist.numberOfItems ?? 0) + added },
    ...summarizedResults(results, `${notes.join('; ')}.`),
  };
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
