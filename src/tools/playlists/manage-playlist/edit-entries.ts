/**
 * remove_tracks (confirm-gated) and reorder. Both work on playlist entries (meta.itemId), so a
 * track that appears several times is handled at every occurrence.
 */
import { chunk } from '../../../tidal/batches.js';
import {
  type PlaylistEntry,
  REMOVE_BATCH_SIZE,
  REORDER_BATCH_SIZE,
} from '../../../tidal/playlists/index.js';
import { decide, previewLead } from '../../shared/define-tool.js';
import { InputError } from '../../shared/errors.js';
import { names } from '../../shared/format.js';
import type { ManagePlaylistArgs } from './input.js';
import { ownedPlaylist } from './ownership.js';
import {
  type ManagePlaylistResult,
  MAY_HAVE_BEEN_APPLIED,
  outcomeUnknown,
  type PlaylistCall,
  required,
  requireScope,
  runBatches,
  summarizedResults,
  type TrackResult,
} from './shared.js';

function entriesByTrack(entries: readonly PlaylistEntry[], trackIds: readonly string[]) {
  const unique = [...new Set(trackIds)];
  return unique.map((trackId) => ({ trackId, entries: entries.filter((e) => e.id === trackId) }));
}

function titleOf(entries: readonly PlaylistEntry[]): string | undefined {
  const track = entries[0]?.track;
  return track ? `${track.title} — ${names(track.artists)}` : undefined;
}

/**
 * DELETE the entries in batches of 50. After a failed batch the playlist is read again: an entry
 * that is gone was removed, whatever the failed response said. Reusable by every action that
 * removes entries.
 */
export async function removeEntries(
  call: PlaylistCall,
  playlistId: string,
  doomed: readonly PlaylistEntry[],
): Promise<RemovalOutcome> {
  const removed = new Set<string>();
  const batches = chunk(doomed, REMOVE_BATCH_SIZE);
  const failed = await runBatches(call, batches, 'removed', async (batch) => {
    await call.ctx.deps.playlists.removeBatch(call.user, playlistId, batch);
    for (const entry of batch) removed.add(entry.itemId);
  });
  if (failed === undefined) return { removed, uncertain: new Set() };
  const remaining = await ownedPlaylist(call, playlistId, true).then(
    (fresh) => new Set(fresh.entries.map((e) => e.itemId)),
    () => undefined,
  );
  if (remaining)
    for (const entry of doomed) if (!remaining.has(entry.itemId)) removed.add(entry.itemId);
  // Not re-read and the answer was lost: the failed batch may or may not be gone.
  const uncertain = new Set(
    remaining === undefined && outcomeUnknown(failed.error)
      ? (batches[failed.index] ?? []).map((e) => e.itemId)
      : [],
  );
  return { removed, uncertain, failure: failed.error };
}

interface RemovalOutcome {
  removed: Set<string>;
  /** Entries whose removal may or may not have happened. */
  uncertain: Set<string>;
  failure?: unknown;
}

type Group = ReturnType<typeof entriesByTrack>[number];

function removalPreview(groups: readonly Group[]): TrackResult[] {
  return groups.map(({ trackId, entries }) => {
    const title = titleOf(entries);
    return entries.length === 0
      ? { trackId, status: 'not_in_playlist' }
      : { trackId, status: 'would_remove', entries: entries.length, ...(title && { title }) };
  });
}

function removalOutcome(
  call: PlaylistCall,
  groups: readonly Group[],
  preview: readonly TrackResult[],
  outcome: RemovalOutcome,
): TrackResult[] {
  return groups.map((group, i) => {
    const result = preview[i] as TrackResult;
    if (group.entries.length === 0) return result;
    const gone = group.entries.filter((e) => outcome.removed.has(e.itemId)).length;
    if (gone === group.entries.length) return { ...result, status: 'removed', entries: gone };
    if (group.entries.some((e) => outcome.uncertain.has(e.itemId)))
      return {
        ...result,
        status: 'unknown',
        entries: group.entries.length - gone,
        reason: `the write failed (${call.ctx.userMessage(outcome.failure)}) and the playlist could not be re-read: it ${MAY_HAVE_BEEN_APPLIED}`,
      };
    return {
      ...result,
      status: 'failed',
      entries: group.entries.length - gone,
      reason: `${gone} of ${group.entries.length} entries removed; ${call.ctx.userMessage(outcome.failure)}`,
    };
  });
}

export async function removeTracks(
  call: PlaylistCall,
  args: ManagePlaylistArgs,
): Promise<ManagePlaylistResult> {
  requireScope(call, 'playlists.write');
  const playlistId = required(
    args.playlistId,
    'playlistId',
    'remove_tracks',
    'the id of the playlist to remove from',
  );
  const trackIds = required(
    args.trackIds,
    'trackIds',
    'remove_tracks',
    'the TIDAL track ids to remove',
  );
  const owned = await ownedPlaylist(call, playlistId, true);
  const groups = entriesByTrack(owned.entries, trackIds);
  const preview = removalPreview(groups);
  const doomed = groups.flatMap((g) => g.entries);
  const name = owned.playlist.name;
  const base = { action: 'remove_tracks' as const, playlist: owned.playlist };
  if (doomed.length === 0) {
    const message = `None of these tracks is in "${name}"; nothing to remove.`;
    return { ...base, changed: false, ...summarizedResults(preview, message) };
  }
  const entries = `${doomed.length} entr${doomed.length === 1 ? 'y' : 'ies'}`;
  const decision = decide(
    call.ctx,
    args.confirm,
    `Remove ${entries} from your playlist "${name}"?`,
  );
  if (decision !== 'proceed') {
    const message = `${previewLead(decision, 'removed')} This would remove ${entries} from "${name}". Confirm with the user, then call again with confirm: true.`;
    return { ...base, changed: false, preview: true, ...summarizedResults(preview, message) };
  }
  const outcome = await removeEntries(call, playlistId, doomed);
  const results = removalOutcome(call, groups, preview, outcome);
  const failed =
    outcome.failure !== undefined
      ? `; a write failed (${call.ctx.userMessage(outcome.failure)}), see results`
      : '';
  return {
    ...base,
    changed: outcome.removed.size > 0,
    ...summarizedResults(
      results,
      `Removed ${outcome.removed.size} of ${doomed.length} entries from "${name}"${failed}.`,
    ),
  };
}

/** The itemId to move before, checked against the playlist. */
function reorderAnchor(
  entries: readonly PlaylistEntry[],
  beforeTrackId: string | undefined,
  name: string,
): string | undefined {
  if (beforeTrackId === undefined) return undefined;
  const itemId = entries.find((e) => e.id === beforeTrackId)?.itemId;
  if (!itemId)
    throw new InputError('beforeTrackId', `track ${beforeTrackId} is not in playlist "${name}"`);
  return itemId;
}

/** Per track: moved, unknown (its batch's answer was lost), or failed (refused, not attempted). */
function reorderResults(
  call: PlaylistCall,
  groups: readonly Group[],
  moved: ReadonlySet<string>,
  uncertain: ReadonlySet<string>,
  failure: unknown,
): TrackResult[] {
  return groups.map(({ trackId, entries }) => {
    if (entries.length === 0) return { trackId, status: 'not_in_playlist' };
    if (entries.every((e) => moved.has(e.itemId)))
      return { trackId, status: 'moved', entries: entries.length };
    if (entries.some((e) => uncertain.has(e.itemId)))
      return {
        trackId,
        status: 'unknown',
        entries: entries.length,
        reason: `the write failed (${call.ctx.userMessage(failure)}): it ${MAY_HAVE_BEEN_APPLIED}`,
      };
    const reason =
      failure !== undefined ? `not moved: ${call.ctx.userMessage(failure)}` : 'not moved';
    return { trackId, status: 'failed', entries: entries.length, reason };
  });
}

export async function reorderTracks(
  call: PlaylistCall,
  args: ManagePlaylistArgs,
): Promise<ManagePlaylistResult> {
  requireScope(call, 'playlists.write');
  const playlistId = required(
    args.playlistId,
    'playlistId',
    'reorder',
    'the id of the playlist to reorder',
  );
  const trackIds = required(
    args.trackIds,
    'trackIds',
    'reorder',
    'the TIDAL track ids to move, in their new order',
  );
  if (args.beforeTrackId !== undefined && trackIds.includes(args.beforeTrackId)) {
    throw new InputError('beforeTrackId', 'must not be one of the tracks being moved');
  }
  const owned = await ownedPlaylist(call, playlistId, true);
  const name = owned.playlist.name;
  const positionBefore = reorderAnchor(owned.entries, args.beforeTrackId, name);
  const groups = entriesByTrack(owned.entries, trackIds);
  const moving = groups.flatMap((g) => g.entries);
  if (moving.length === 0)
    throw new InputError('trackIds', `none of these tracks is in playlist "${name}"`);

  const moved = new Set<string>();
  const batches = chunk(moving, REORDER_BATCH_SIZE);
  // Every batch goes before the same anchor (or to the end), so the given order is kept.
  const failed = await runBatches(call, batches, 'moved', async (batch) => {
    await call.ctx.deps.playlists.moveBatch(call.user, playlistId, batch, positionBefore);
    for (const entry of batch) moved.add(entry.itemId);
  });
  const failure = failed?.error;
  // A lost answer: that batch may have moved; later batches were not attempted.
  const uncertain = new Set(
    failed && outcomeUnknown(failure) ? (batches[failed.index] ?? []).map((e) => e.itemId) : [],
  );
  const results = reorderResults(call, groups, moved, uncertain, failure);
  const where =
    args.beforeTrackId !== undefined ? `before track ${args.beforeTrackId}` : 'to the end';
  const failedNote =
    failure !== undefined ? `; a write failed (${call.ctx.userMessage(failure)})` : '';
  return {
    action: 'reorder',
    changed: moved.size > 0,
    playlist: owned.playlist,
    ...summarizedResults(
      results,
      `Moved ${moved.size} of ${moving.length} entries ${where} in "${name}"${failedNote}.`,
    ),
  };
}
