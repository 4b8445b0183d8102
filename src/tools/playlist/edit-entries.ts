/**
 * remove_tracks (confirm-gated) and reorder. Both work on playlist entries (meta.itemId), so a
 * track that appears several times is handled at every occurrence.
 */
import {
  REMOVE_BATCH_SIZE,
  REORDER_BATCH_SIZE,
  type PlaylistEntry,
} from '../../tidal/playlists.js';
import { names } from '../format.js';
import { InputError } from '../errors.js';
import type { ManagePlaylistArgs } from './input.js';
import { ownedPlaylist } from './ownership.js';
import {
  chunk,
  runBatches,
  countBy,
  reasonOf,
  requireScope,
  required,
  type ManagePlaylistResult,
  type PlaylistCall,
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
  const results: TrackResult[] = groups.map(({ trackId, entries }) => {
    const title = titleOf(entries);
    return entries.length === 0
      ? { trackId, status: 'not_in_playlist' }
      : { trackId, status: 'would_remove', entries: entries.length, ...(title && { title }) };
  });
  const doomed = groups.flatMap((g) => g.entries);
  const name = owned.playlist.name;
  if (doomed.length === 0) {
    return {
      action: 'remove_tracks',
      changed: false,
      message: `None of these tracks is in "${name}"; nothing to remove.`,
      playlist: owned.playlist,
      results,
      counts: countBy(results),
    };
  }
  if (args.confirm !== true) {
    return {
      action: 'remove_tracks',
      changed: false,
      preview: true,
      message: `Nothing removed yet: this would remove ${doomed.length} entr${doomed.length === 1 ? 'y' : 'ies'} from "${name}". Confirm with the user, then call again with confirm: true.`,
      playlist: owned.playlist,
      results,
      counts: countBy(results),
    };
  }

  const removedItems = new Set<string>();
  const failed = await runBatches(
    call,
    chunk(doomed, REMOVE_BATCH_SIZE),
    'removed',
    async (batch) => {
      await call.ctx.deps.playlists.removeBatch(call.user, playlistId, batch);
      for (const entry of batch) removedItems.add(entry.itemId);
    },
  );
  const failure = failed?.error;
  if (failure !== undefined) {
    // Re-read: an entry that is gone was removed, whatever the failed response said.
    const remaining = await ownedPlaylist(call, playlistId, true).then(
      (fresh) => new Set(fresh.entries.map((e) => e.itemId)),
      () => undefined,
    );
    if (remaining)
      for (const entry of doomed) if (!remaining.has(entry.itemId)) removedItems.add(entry.itemId);
  }
  for (const [i, group] of groups.entries()) {
    if (group.entries.length === 0) continue;
    const gone = group.entries.filter((e) => removedItems.has(e.itemId)).length;
    results[i] =
      gone === group.entries.length
        ? { ...results[i]!, status: 'removed', entries: gone }
        : {
            ...results[i]!,
            status: 'failed',
            entries: group.entries.length - gone,
            reason: `${gone} of ${group.entries.length} entries removed; ${reasonOf(failure)}`,
          };
  }
  const counts = countBy(results);
  return {
    action: 'remove_tracks',
    changed: removedItems.size > 0,
    message: `Removed ${removedItems.size} of ${doomed.length} entries from "${name}"${failure !== undefined ? `; a write failed (${reasonOf(failure)}), see results` : ''}.`,
    playlist: owned.playlist,
    results,
    counts,
  };
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
  let positionBefore: string | undefined;
  if (args.beforeTrackId !== undefined) {
    positionBefore = owned.entries.find((e) => e.id === args.beforeTrackId)?.itemId;
    if (!positionBefore)
      throw new InputError(
        'beforeTrackId',
        `track ${args.beforeTrackId} is not in playlist "${name}"`,
      );
  }
  const groups = entriesByTrack(owned.entries, trackIds);
  const moving = groups.flatMap((g) => g.entries);
  if (moving.length === 0)
    throw new InputError('trackIds', `none of these tracks is in playlist "${name}"`);

  const moved = new Set<string>();
  // Every batch goes before the same anchor (or to the end), so the given order is kept.
  const failed = await runBatches(
    call,
    chunk(moving, REORDER_BATCH_SIZE),
    'moved',
    async (batch) => {
      await call.ctx.deps.playlists.moveBatch(call.user, playlistId, batch, positionBefore);
      for (const entry of batch) moved.add(entry.itemId);
    },
  );
  const failure = failed?.error;
  const results: TrackResult[] = groups.map(({ trackId, entries }) => {
    if (entries.length === 0) return { trackId, status: 'not_in_playlist' };
    const done = entries.every((e) => moved.has(e.itemId));
    return done
      ? { trackId, status: 'moved', entries: entries.length }
      : {
          trackId,
          status: 'failed',
          entries: entries.length,
          reason: moved.size > 0 || failure ? `not moved: ${reasonOf(failure)}` : 'not moved',
        };
  });
  const where =
    args.beforeTrackId !== undefined ? `before track ${args.beforeTrackId}` : 'to the end';
  return {
    action: 'reorder',
    changed: moved.size > 0,
    message: `Moved ${moved.size} of ${moving.length} entries ${where} in "${name}"${failure !== undefined ? `; a write failed (${reasonOf(failure)})` : ''}.`,
    playlist: owned.playlist,
    results,
    counts: countBy(results),
  };
}
