/**
 * add_tracks, and the filling of a new playlist by create: trackIds, then ISRCs (resolved 20 per
 * request), then the albums' tracks, in that order, through the add pipeline (add-pipeline.ts).
 * Everything that can be refused is refused, and everything that must be looked up is looked up,
 * before the first write, so create never leaves a new playlist behind a refused request.
 */
import { isIsrc, normalizeIsrc } from '../../../tidal/isrc.js';
import { InputError } from '../../shared/errors.js';
import { applyAdd, type Candidate, outcomeNotes, planAdd } from './add-pipeline.js';
import { albumCandidates } from './album-tracks.js';
import { type ManagePlaylistArgs, MAX_TRACKS_PER_CALL } from './input.js';
import { type OwnedPlaylist, ownedPlaylist } from './ownership.js';
import {
  countBy,
  type ManagePlaylistResult,
  type PlaylistCall,
  required,
  requireScope,
  summarizedResults,
} from './shared.js';

/** What to add, looked up; `notes` say what was left out on the way (album videos...). */
export interface PreparedAdd {
  candidates: Candidate[];
  notes: string[];
}

async function resolveIsrcs(call: PlaylistCall, isrcs: readonly string[]): Promise<Candidate[]> {
  const normalized = isrcs.map((raw) => ({ raw, isrc: normalizeIsrc(raw) }));
  const { byIsrc, failed } = await call.ctx.deps.catalog.tracks.byIsrcs(
    normalized.map((n) => n.isrc),
    { country: call.user.country, signal: call.ctx.signal },
  );
  return normalized.map(({ raw, isrc }): Candidate => {
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

/** Refuse what cannot be right before anything is read or written. */
export function checkTracksToAdd(args: ManagePlaylistArgs): void {
  if (args.trackIds === undefined && args.isrcs === undefined && args.albumIds === undefined) {
    throw new InputError('trackIds', `${args.action} needs trackIds, isrcs and/or albumIds`);
  }
  // A malformed ISRC is a mistake in the request: refuse it before anything is written.
  const badIsrc = (args.isrcs ?? []).findIndex((raw) => !isIsrc(normalizeIsrc(raw)));
  if (badIsrc >= 0) {
    throw new InputError(
      `isrcs[${badIsrc}]`,
      `"${args.isrcs?.[badIsrc]}" is not an ISRC: expected 12 characters like USRC17607839`,
    );
  }
}

/** The candidates in request order: trackIds, ISRCs, then each album's tracks. */
export async function prepareAdd(
  call: PlaylistCall,
  args: ManagePlaylistArgs,
): Promise<PreparedAdd> {
  const direct = [
    ...(args.trackIds ?? []).map((trackId): Candidate => ({
      trackId,
      result: { trackId, status: 'added' },
    })),
    ...(args.isrcs ? await resolveIsrcs(call, args.isrcs) : []),
  ];
  if (!args.albumIds) return { candidates: direct, notes: [] };
  const albums = await albumCandidates(call, args.albumIds, MAX_TRACKS_PER_CALL - direct.length);
  return { candidates: [...direct, ...albums.candidates], notes: albums.notes };
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

/** Write prepared candidates into a playlist and report per track. */
export async function fillPlaylist(
  call: PlaylistCall,
  owned: OwnedPlaylist,
  prepared: PreparedAdd,
  args: Pick<ManagePlaylistArgs, 'allowDuplicates' | 'beforeTrackId'>,
): Promise<ManagePlaylistResult> {
  const { candidates } = prepared;
  const positionBefore = anchor(owned, args.beforeTrackId);
  const plan = planAdd(owned.entries, candidates, args.allowDuplicates === true);
  const outcome = await applyAdd(call, owned.playlist.id, plan, positionBefore);
  const results = candidates.map((c) => c.result);
  const counts = countBy(results);
  const added = counts.added ?? 0;
  const notes = [
    `Added ${added} of ${candidates.length} track${candidates.length === 1 ? '' : 's'} to "${owned.playlist.name}"`,
    ...outcomeNotes(call, counts, outcome, owned),
    ...prepared.notes,
  ];
  return {
    action: 'add_tracks',
    changed: added > 0,
    playlist: { ...owned.playlist, numberOfItems: (owned.playlist.numberOfItems ?? 0) + added },
    ...summarizedResults(results, `${notes.join('; ')}.`),
  };
}

export async function addTracks(
  call: PlaylistCall,
  args: ManagePlaylistArgs,
): Promise<ManagePlaylistResult> {
  requireScope(call, 'playlists.write');
  const playlistId = required(
    args.playlistId,
    'playlistId',
    'add_tracks',
    'the id of the playlist to add to',
  );
  checkTracksToAdd(args);
  const allowDuplicates = args.allowDuplicates === true;
  const owned = await ownedPlaylist(
    call,
    playlistId,
    !allowDuplicates || args.beforeTrackId !== undefined,
  );
  // Fail on a wrong anchor before any lookup.
  anchor(owned, args.beforeTrackId);
  return fillPlaylist(call, owned, await prepareAdd(call, args), args);
}
