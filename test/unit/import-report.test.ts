/**
 * The bounded import answer on its own: which lines are listed, that every line is accounted for,
 * and that a worst case (500 lines, long titles, every non-added line with two alternatives)
 * stays inside the central bounds by dropping the last lines' alternatives, not by the guard's cut.
 */
import { describe, expect, it } from 'vitest';

import {
  fitImport,
  lineRanges,
  summarizeLines,
} from '../../src/tools/playlists/manage-playlist/import-report.js';
import type {
  ManagePlaylistResult,
  TrackResult,
} from '../../src/tools/playlists/manage-playlist/shared.js';
import { MAX_STRUCTURED_CHARS, MAX_TEXT_CHARS } from '../../src/tools/shared/bounds.js';

const TITLE = `${'Long Song Title '.repeat(3)}(Originally Performed by Someone) — Some Artist`;

function line(n: number, status: TrackResult['status']): TrackResult {
  const alternatives = [1, 2].map((k) => ({
    trackId: String(330_000_000 + n * 2 + k),
    title: TITLE,
    confidence: 'low' as const,
    reason: 'only a version by another artist found',
  }));
  return {
    line: n,
    input: `Some Artist - ${'Long Song Title '.repeat(3)}`,
    confidence: status === 'not_matched' ? 'medium' : 'high',
    trackId: String(230_000_000 + n),
    title: TITLE,
    status,
    reason: 'only a live version found (below high)',
    ...(status === 'not_matched' && { alternatives }),
  };
}

function answer(all: TrackResult[]): ManagePlaylistResult {
  return {
    action: 'import',
    changed: false,
    preview: true,
    message: 'Preview, nothing written yet.',
    matched: { none: 0, low: 0, medium: 200, high: 300, exact: 0 },
    ...summarizeLines(all),
  };
}

describe('import answers', () => {
  it('lists the first 50 going in and the first 50 not, attention first; the rest by line', () => {
    const all = [
      ...Array.from({ length: 120 }, (_, i) => line(i + 1, 'would_add')),
      ...Array.from({ length: 60 }, (_, i) => line(121 + i, 'skipped')),
      ...Array.from({ length: 30 }, (_, i) => line(181 + i, 'not_matched')),
    ];
    const { results, moreLines, counts } = summarizeLines(all);
    expect(counts).toEqual({ would_add: 120, skipped: 60, not_matched: 30 });
    expect(results.map((r) => r.line)).toEqual([
      ...Array.from({ length: 50 }, (_, i) => i + 1),
      ...Array.from({ length: 20 }, (_, i) => 121 + i),
      ...Array.from({ length: 30 }, (_, i) => 181 + i),
    ]);
    expect(moreLines).toEqual({
      would_add: Array.from({ length: 70 }, (_, i) => 51 + i),
      skipped: Array.from({ length: 40 }, (_, i) => 141 + i),
    });
  });

  it('writes line numbers as ranges', () => {
    expect(lineRanges([3, 4, 5, 7, 9, 10])).toBe('3–5, 7, 9–10');
    expect(lineRanges([])).toBe('');
  });

  it('keeps a worst-case 500-line answer inside the bounds by dropping late alternatives', () => {
    const all = Array.from({ length: 500 }, (_, i) =>
      line(i + 1, i < 200 ? 'would_add' : i < 400 ? 'not_matched' : 'skipped'),
    );
    const r = answer(all);
    const text = fitImport(r);
    expect(text.length).toBeLessThanOrEqual(MAX_TEXT_CHARS * 0.8);
    expect(JSON.stringify(r).length).toBeLessThanOrEqual(MAX_STRUCTURED_CHARS * 0.8);
    const carrying = (r.results ?? []).filter((x) => x.alternatives).map((x) => x.line);
    // The earliest lines keep theirs; the message says how many.
    expect(carrying.length).toBeGreaterThan(0);
    expect(carrying.length).toBeLessThan(50);
    expect(carrying).toEqual(Array.from({ length: carrying.length }, (_, i) => 201 + i));
    expect(r.message).toContain(
      `To keep this short, alternatives are shown for the first ${carrying.length} of the 50 lines that have them; match_tracks lists them all.`,
    );
    expect(text).toContain('and lines 51–200');
  });

  it('leaves an answer that fits as it is', () => {
    const r = answer(Array.from({ length: 20 }, (_, i) => line(i + 1, 'not_matched')));
    fitImport(r);
    expect(r.results?.every((x) => x.alternatives?.length === 2)).toBe(true);
    expect(r.message).toBe('Preview, nothing written yet.');
  });
});
