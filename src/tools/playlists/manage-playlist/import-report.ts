/**
 * What import answers, bounded for 500 lines: counts per confidence and per status, then two
 * lists — the lines that go in (or would) and the ones that do not, those needing a look first —
 * each cut at its first 50; the rest are named by line number only (`moreLines`). Alternatives
 * are the bulk of a long answer: when long titles would push it past the central bounds
 * (bounds.ts), the last lines lose theirs first, so the guard never has to cut the answer.
 */
import type { Confidence } from '../../../matching/index.js';
import { MAX_STRUCTURED_CHARS, MAX_TEXT_CHARS } from '../../shared/bounds.js';
import { lines, playlistLine } from '../../shared/format.js';
import { countBy, LISTED_RESULTS, type ManagePlaylistResult, type TrackResult } from './shared.js';

const GOING_IN = new Set<TrackResult['status']>(['would_add', 'added']);
/** Lines that did not go in, those someone has to act on first. */
const ATTENTION: TrackResult['status'][] = ['unknown', 'failed', 'not_matched', 'skipped'];
const rank = (r: TrackResult) => ATTENTION.indexOf(r.status);

export interface ImportSummary {
  results: TrackResult[];
  counts: Record<string, number>;
  moreLines?: Record<string, number[]>;
}

export function summarizeLines(all: readonly TrackResult[]): ImportSummary {
  const counts = countBy(all);
  const going = all.filter((r) => GOING_IN.has(r.status));
  const others = all
    .filter((r) => !GOING_IN.has(r.status))
    .sort((a, b) => rank(a) - rank(b) || (a.line ?? 0) - (b.line ?? 0));
  const listed = new Set([...going.slice(0, LISTED_RESULTS), ...others.slice(0, LISTED_RESULTS)]);
  const results = all.filter((r) => listed.has(r));
  if (listed.size === all.length) return { results, counts };
  const moreLines: Record<string, number[]> = {};
  for (const r of all) if (!listed.has(r)) (moreLines[r.status] ??= []).push(r.line ?? 0);
  return { results, counts, moreLines };
}

/** 3, 4, 5, 7 -> "3–5, 7": a few hundred line numbers in a few dozen characters. */
export function lineRanges(numbers: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < numbers.length;) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === (numbers[j] as number) + 1) j++;
    parts.push(i === j ? `${numbers[i]}` : `${numbers[i]}–${numbers[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

export function matchedLine(matched: Record<Confidence, number>): string {
  const { exact, high, medium, low, none } = matched;
  return `${exact} exact, ${high} high, ${medium} medium, ${low} low, ${none} none`;
}

/** Sure picks going in show only the pick; the rest repeat what was asked, and why. */
function resultLine(r: TrackResult): string[] {
  const quiet = GOING_IN.has(r.status) && (r.confidence === 'exact' || r.confidence === 'high');
  const pick = r.trackId && `${r.title ?? ''} · id ${r.trackId}`;
  const what = quiet ? pick : [`"${r.input ?? ''}"`, pick].filter(Boolean).join(' → ');
  const head = [`${r.line}. ${r.confidence ?? ''}`, what, !quiet && r.reason]
    .filter(Boolean)
    .join(' · ');
  const alternatives = (r.alternatives ?? []).map(
    (a) => `   or ${a.confidence} · ${a.title} · id ${a.trackId} · ${a.reason}`,
  );
  return [head, ...alternatives];
}

const HEADINGS: Record<string, string> = {
  would_add: 'Would add',
  added: 'Added',
  unknown: 'Unknown (may have been added)',
  failed: 'Failed',
  not_matched: 'Not matched well enough',
  skipped: 'Skipped',
};

/** Room left under the central bounds for what is not counted here (headers, playlist). */
const TEXT_BUDGET = MAX_TEXT_CHARS * 0.8;
const STRUCTURED_BUDGET = MAX_STRUCTURED_CHARS * 0.8;

/**
 * Drop alternatives from the last listed lines until the answer fits its budget, and say so;
 * returns the text to send.
 */
export function fitImport(r: ManagePlaylistResult): string {
  const fits = () =>
    renderImport(r).length <= TEXT_BUDGET && JSON.stringify(r).length <= STRUCTURED_BUDGET;
  const carrying = (r.results ?? []).filter((x) => x.alternatives);
  let kept = carrying.length;
  while (kept > 0 && !fits()) delete carrying[--kept]?.alternatives;
  if (kept < carrying.length) {
    r.message += ` To keep this short, alternatives are shown for the first ${kept} of the ${carrying.length} lines that have them; match_tracks lists them all.`;
  }
  return renderImport(r);
}

/** The text: the message, then each status's listed lines and the line numbers of the rest. */
export function renderImport(r: ManagePlaylistResult): string {
  const statuses = Object.keys(HEADINGS).filter((s) => (r.counts?.[s] ?? 0) > 0);
  return lines(
    r.message,
    r.playlist && `Playlist: ${playlistLine(r.playlist)}`,
    statuses.flatMap((status) => {
      const listed = (r.results ?? []).filter((x) => x.status === status);
      const more = r.moreLines?.[status];
      return [
        `${HEADINGS[status]} (${r.counts?.[status] ?? 0}):`,
        ...listed.flatMap(resultLine),
        more && `   and lines ${lineRanges(more)}`,
      ];
    }),
  );
}
