/**
 * dedupe (confirm-gated): remove the later copies of what a playlist holds twice, keeping each
 * first occurrence. By `track`: the same TIDAL track id. By `recording`: the same ISRC, or the
 * same song, version and artists within 2 s (the song on a single, its album and a compilation);
 * see findDuplicates in src/matching. Entries are removed one by one (by itemId), so the first
 * copy stays where it is.
 */
import { type Duplicate, findDuplicates, type RecordingLike } from '../../../matching/index.js';
import type { PlaylistEntry } from '../../../tidal/playlists/index.js';
import { decide, previewLead } from '../../shared/define-tool.js';
import { names, titled } from '../../shared/format.js';
import { removeEntries } from './edit-entries.js';
import type { ManagePlaylistArgs } from './input.js';
import { type OwnedPlaylist, ownedPlaylist } from './ownership.js';
import {
  type ManagePlaylistResult,
  MAY_HAVE_BEEN_APPLIED,
  type PlaylistCall,
  required,
  requireScope,
  summarizedResults,
  type TrackResult,
} from './shared.js';

type By = NonNullable<ManagePlaylistArgs['by']>;

/** What matching needs of an entry; videos and unreadable items only ever match by id. */
function recordingOf(entry: PlaylistEntry): RecordingLike {
  const id = entry.type === 'videos' ? `video:${entry.id}` : entry.id;
  if (!entry.track || entry.type === 'videos') return { id, title: '', artists: [] };
  const { title, version, artists, durationSeconds, isrc } = entry.track;
  return { id, title, version, artists, durationSeconds, isrc };
}

function label(entry: PlaylistEntry): string | undefined {
  const t = entry.track;
  return t && `${titled(t.title, t.version)} — ${names(t.artists)}`;
}

function why(by: By, copy: PlaylistEntry, kept: PlaylistEntry, keptAt: number): string {
  if (by === 'track' || copy.id === kept.id) return `same track as position ${keptAt}`;
  const rule =
    copy.track?.isrc && copy.track.isrc.toUpperCase() === kept.track?.isrc?.toUpperCase()
      ? 'same ISRC'
      : 'same song, artists and duration';
  const keptOn = kept.track?.album ? ` (on "${kept.track.album.title}")` : '';
  const copyOn = copy.track?.album ? `; this copy is on "${copy.track.album.title}"` : '';
  return `${rule} as position ${keptAt}${keptOn}${copyOn}`;
}

function previewResults(entries: readonly PlaylistEntry[], dupes: readonly Duplicate[], by: By) {
  return dupes.map(({ index, duplicateOf }): TrackResult => {
    const copy = entries[index] as PlaylistEntry;
    const title = label(copy);
    return {
      trackId: copy.id,
      ...(title && { title }),
      position: index + 1,
      status: 'would_remove',
      reason: why(by, copy, entries[duplicateOf] as PlaylistEntry, duplicateOf + 1),
    };
  });
}

/** Past 100 pages a playlist is not read to its end: say that only its start was checked. */
function partly(owned: OwnedPlaylist): string {
  return owned.complete === false
    ? ` Only its first ${owned.entries.length} entries were checked.`
    : '';
}

function preview(
  owned: OwnedPlaylist,
  results: TrackResult[],
  by: By,
  decision: 'declined' | 'preview',
): ManagePlaylistResult {
  const n = results.length;
  const name = owned.playlist.name;
  const message = `${previewLead(decision, 'removed')} This would remove ${n} duplicate entr${n === 1 ? 'y' : 'ies'} (by ${by}) from "${name}", keeping each first occurrence. Confirm with the user, then call again with confirm: true.${partly(owned)}`;
  return {
    action: 'dedupe',
    changed: false,
    preview: true,
    playlist: owned.playlist,
    ...summarizedResults(results, message),
  };
}

export async function dedupePlaylist(
  call: PlaylistCall,
  args: ManagePlaylistArgs,
): Promise<ManagePlaylistResult> {
  requireScope(call, 'playlists.write');
  const playlistId = required(
    args.playlistId,
    'playlistId',
    'dedupe',
    'the id of the playlist to clean up',
  );
  const by = args.by ?? 'track';
  const owned = await ownedPlaylist(call, playlistId, true);
  const { entries } = owned;
  const dupes = findDuplicates(entries.map(recordingOf), by);
  if (dupes.length === 0) {
    return {
      action: 'dedupe',
      changed: false,
      playlist: owned.playlist,
      message: `No duplicates (by ${by}) in "${owned.playlist.name}"; nothing to remove.${partly(owned)}`,
    };
  }
  const results = previewResults(entries, dupes, by);
  const n = results.length;
  const decision = decide(
    call.ctx,
    args.confirm,
    `Remove ${n} duplicate entr${n === 1 ? 'y' : 'ies'} from your playlist "${owned.playlist.name}"? The first copy of each stays.`,
  );
  if (decision !== 'proceed') return preview(owned, results, by, decision);
  return removeDuplicates(call, owned, dupes, results);
}

async function removeDuplicates(
  call: PlaylistCall,
  owned: OwnedPlaylist,
  dupes: readonly Duplicate[],
  planned: readonly TrackResult[],
): Promise<ManagePlaylistResult> {
  const doomed = dupes.map((d) => owned.entries[d.index] as PlaylistEntry);
  const outcome = await removeEntries(call, owned.playlist.id, doomed);
  const failure = outcome.failure !== undefined ? call.ctx.userMessage(outcome.failure) : undefined;
  const results = planned.map((result, i): TrackResult => {
    const itemId = (doomed[i] as PlaylistEntry).itemId;
    if (outcome.removed.has(itemId)) return { ...result, status: 'removed' };
    if (outcome.uncertain.has(itemId))
      return {
        ...result,
        status: 'unknown',
        reason: `the write failed (${failure}) and the playlist could not be re-read: it ${MAY_HAVE_BEEN_APPLIED}`,
      };
    return { ...result, status: 'failed', reason: failure ?? 'not removed' };
  });
  const removed = outcome.removed.size;
  const size = owned.playlist.numberOfItems;
  return {
    action: 'dedupe',
    changed: removed > 0,
    playlist: { ...owned.playlist, ...(size !== undefined && { numberOfItems: size - removed }) },
    ...summarizedResults(
      results,
      `Removed ${removed} of ${doomed.length} duplicate entries from "${owned.playlist.name}", keeping each first occurrence${failure ? `; a write failed (${failure}), see results` : ''}.${partly(owned)}`,
    ),
  };
}
