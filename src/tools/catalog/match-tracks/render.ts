/**
 * The text a model reads: a summary, then one line per input line. Sure matches (exact, high)
 * show only the pick; the others repeat what was asked and list their alternatives, because those
 * are the lines someone has to look at.
 */
import { credits, duration, lines, titled } from '../../shared/format.js';
import type { LineResult, MatchTrack, MatchTracksResult } from './output.js';

function pick(t: MatchTrack): string {
  return [
    `${titled(t.title, t.version)} — ${credits(t.artists)}`,
    t.album && `album "${t.album.title}" (id ${t.album.id})`,
    duration(t.durationSeconds),
    `id ${t.id}`,
    t.url,
  ]
    .filter(Boolean)
    .join(' · ');
}

function lineText(r: LineResult): string[] {
  const sure = r.confidence === 'exact' || r.confidence === 'high';
  const asked = sure ? '' : `"${r.input}" → `;
  const head = r.track
    ? `${r.line}. ${r.confidence} · ${asked}${pick(r.track)} · ${r.reason}`
    : `${r.line}. none · "${r.input}" · ${r.reason}`;
  const alternatives = (r.alternatives ?? []).map(
    (a) => `   or ${a.confidence} · ${pick(a.track)} · ${a.reason}`,
  );
  return [head, ...alternatives];
}

export function renderMatches(result: MatchTracksResult, offset: number): string {
  const c = result.counts;
  const { searches, isrcs } = result.lookups;
  const lookups = [
    `${searches} search${searches === 1 ? '' : 'es'}`,
    isrcs > 0 && `${isrcs} ISRC${isrcs === 1 ? '' : 's'}`,
  ]
    .filter(Boolean)
    .join(', ');
  const shown = result.lines.length;
  const range = shown < result.total ? ` · lines ${offset + 1}–${offset + shown} shown` : '';
  return lines(
    `Matched ${result.total} line${result.total === 1 ? '' : 's'} (${result.country}): ${c.exact} exact, ${c.high} high, ${c.medium} medium, ${c.low} low, ${c.none} none · ${lookups}${range}`,
    result.lines.flatMap(lineText),
    result.nextCursor && `more: cursor=${result.nextCursor}`,
    c.medium + c.low + c.none > 0
      ? 'Lines below high need a look: check the pick or choose an alternative. Track ids feed manage_playlist.'
      : 'Track ids feed manage_playlist.',
  );
}
