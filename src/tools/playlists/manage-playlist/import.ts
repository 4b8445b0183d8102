/**
 * import (confirm-gated): a pasted tracklist into a playlist in one call. The list is matched as
 * match_tracks matches it (src/matching through the catalog, in the user's country); every line
 * matched at minConfidence or better goes in, in the list's order, through the add pipeline
 * (already present or listed twice: skipped). Without confirm it is a preview and writes nothing,
 * not even the new playlist. The model passes the list again to confirm, never the track ids.
 */
import {
  atLeast,
  type Confidence,
  type LineMatch,
  matchAll,
  type Tracklist,
} from '../../../matching/index.js';
import type { Track } from '../../../tidal/domain.js';
import { InputError } from '../../shared/errors.js';
import { names, titled } from '../../shared/format.js';
import { catalogMatchSource } from '../../shared/match-source.js';
import { readTracklist } from '../../shared/tracklist-input.js';
import { type AddPlan, applyAdd, type Candidate, outcomeNotes, planAdd } from './add-pipeline.js';
import { newPlaylist } from './edit-actions.js';
import { matchedLine, summarizeLines } from './import-report.js';
import type { ManagePlaylistArgs } from './input.js';
import { type OwnedPlaylist, ownedPlaylist } from './ownership.js';
import {
  LISTED_RESULTS,
  type ManagePlaylistResult,
  type PlaylistCall,
  requireScope,
} from './shared.js';

type MinConfidence = NonNullable<ManagePlaylistArgs['minConfidence']>;
const DEFAULT_MIN: MinConfidence = 'high';
/** Alternatives per line not added, as match_tracks gives by default. */
const ALTERNATIVES = 2;

const MORE_NOTE = `The first ${LISTED_RESULTS} of each list are shown; the others by line number.`;

const label = (t: Track) => `${titled(t.title, t.version)} — ${names(t.artists)}`;

/** Into an existing playlist (playlistId) or a new one (name), never both. */
function checkTarget(args: ManagePlaylistArgs): void {
  if (args.playlistId !== undefined && args.name !== undefined) {
    throw new InputError(
      'name',
      'import takes playlistId (an existing playlist) or name (a new one), not both',
    );
  }
  if (args.playlistId === undefined && args.name === undefined) {
    throw new InputError(
      'playlistId',
      'is required for action import: the playlist to add to, or give name to import into a new playlist',
    );
  }
  for (const field of ['description', 'visibility'] as const) {
    if (args[field] !== undefined && args.name === undefined)
      throw new InputError(field, 'is used by import only with name, for the new playlist');
  }
}

function candidateOf(m: LineMatch<Track>, min: MinConfidence): Candidate {
  const base = { line: m.line.line, input: m.line.input, confidence: m.confidence };
  const pick = m.track && { trackId: m.track.id, title: label(m.track) };
  if (m.track && atLeast(m.confidence, min)) {
    return {
      trackId: m.track.id,
      result: { ...base, ...pick, status: 'would_add', reason: m.reason },
    };
  }
  const alternatives = m.alternatives.map((a) => ({
    trackId: a.track.id,
    title: label(a.track),
    confidence: a.confidence,
    reason: a.reason,
  }));
  return {
    result: {
      ...base,
      ...pick,
      status: 'not_matched',
      reason: m.confidence === 'none' ? m.reason : `${m.reason} (below ${min})`,
      ...(alternatives.length > 0 && { alternatives }),
    },
  };
}

/** Progress goes on counting from where matching stopped: MCP progress must only grow. */
function after(call: PlaylistCall, done: number): PlaylistCall {
  const progress = (p: number, total: number, message: string) =>
    call.ctx.progress(done + p, done + total, message);
  return { ...call, ctx: { ...call.ctx, progress } };
}

interface Matched {
  candidates: Candidate[];
  matched: Record<Confidence, number>;
  /** Lookups made (ISRCs and searches): where write progress starts counting. */
  lookups: number;
}

async function matchList(
  call: PlaylistCall,
  list: Tracklist,
  min: MinConfidence,
): Promise<Matched> {
  const { ctx } = call;
  const report = await matchAll(
    list.lines,
    catalogMatchSource(ctx.deps.catalog, { country: call.user.country, signal: ctx.signal }),
    {
      alternatives: ALTERNATIVES,
      signal: ctx.signal,
      onProgress: (done, total) => ctx.progress(done, total, `looked up ${done} of ${total}`),
      describeError: (error) => ctx.userMessage(error),
    },
  );
  return {
    candidates: report.matches.map((m) => candidateOf(m, min)),
    matched: report.counts,
    lookups: report.searches + report.isrcs,
  };
}

export async function importTracks(
  call: PlaylistCall,
  args: ManagePlaylistArgs,
): Promise<ManagePlaylistResult> {
  requireScope(call, 'playlists.write');
  checkTarget(args);
  // A list that cannot be read is refused before anything is read; an existing playlist is
  // checked (yours, editable) and read before hundreds of searches.
  const list = readTracklist(args);
  const owned = args.playlistId ? await ownedPlaylist(call, args.playlistId, true) : undefined;
  const matched = await matchList(call, list, args.minConfidence ?? DEFAULT_MIN);
  const plan = planAdd(owned?.entries ?? [], matched.candidates);
  if (args.confirm !== true) return preview(args, owned, matched, plan);
  return write(after(call, matched.lookups), args, owned, matched, plan);
}

function where(args: ManagePlaylistArgs, owned: OwnedPlaylist | undefined): string {
  return owned ? `"${owned.playlist.name}"` : `the new playlist "${args.name}"`;
}

function preview(
  args: ManagePlaylistArgs,
  owned: OwnedPlaylist | undefined,
  { candidates, matched }: Matched,
  plan: AddPlan,
): ManagePlaylistResult {
  const summary = summarizeLines(candidates.map((c) => c.result));
  const min = args.minConfidence ?? DEFAULT_MIN;
  const n = candidates.length;
  const message = [
    `Preview, nothing written yet: ${plan.toAdd.length} of ${n} line${n === 1 ? '' : 's'} would be added to ${where(args, owned)}${owned ? '' : ' (created on confirm)'}, at minConfidence ${min}.`,
    `Matches: ${matchedLine(matched)}.`,
    summary.moreLines ? MORE_NOTE : '',
    owned?.complete === false
      ? 'The playlist is too long to check every entry for duplicates.'
      : '',
    'Confirm with the user, then repeat the call with the same list and confirm: true.',
  ]
    .filter(Boolean)
    .join(' ');
  return {
    action: 'import',
    changed: false,
    preview: true,
    ...(owned && { playlist: owned.playlist }),
    message,
    matched,
    ...summary,
  };
}

async function write(
  call: PlaylistCall,
  args: ManagePlaylistArgs,
  known: OwnedPlaylist | undefined,
  { candidates, matched }: Matched,
  plan: AddPlan,
): Promise<ManagePlaylistResult> {
  const base = { action: 'import' as const, matched };
  if (plan.toAdd.length === 0) {
    const summary = summarizeLines(candidates.map((c) => c.result));
    const message = `Nothing to add to ${where(args, known)}: no line matched well enough that is not already there${known ? '' : '; the playlist was not created'}. Matches: ${matchedLine(matched)}.`;
    return {
      ...base,
      changed: false,
      ...(known && { playlist: known.playlist }),
      message,
      ...summary,
    };
  }
  const owned = known ?? { playlist: await newPlaylist(call, args), entries: [] };
  const outcome = await applyAdd(call, owned.playlist.id, plan);
  const summary = summarizeLines(candidates.map((c) => c.result));
  const added = summary.counts.added ?? 0;
  const notes = [
    `${known ? '' : `Created playlist "${owned.playlist.name}". `}Added ${added} of ${candidates.length} lines to "${owned.playlist.name}"`,
    ...outcomeNotes(call, summary.counts, outcome, owned),
    summary.counts.not_matched
      ? `${summary.counts.not_matched} not matched well enough`
      : undefined,
  ].filter(Boolean);
  return {
    ...base,
    changed: added > 0 || !known,
    playlist: { ...owned.playlist, numberOfItems: (owned.playlist.numberOfItems ?? 0) + added },
    message: `${notes.join('; ')}. Matches: ${matchedLine(matched)}.${summary.moreLines ? ` ${MORE_NOTE}` : ''}`,
    ...summary,
  };
}
