/**
 * match_tracks (issue 13): how good the matches are on the evaluation set, and how long a list
 * takes under TIDAL's rate limit.
 *
 * - quality: every evaluation document through the tool in process against the fake's
 *   evaluation catalog: precision of the top match among songs TIDAL has, share matched exact or
 *   high, wrong high/exact answers, songs TIDAL lacks matched above low, requests per line.
 * - time: the built server over stdio with its default client limiter, against a fake that
 *   enforces a token bucket like TIDAL's (4/s, burst 10) and the bench latency, matching 100
 *   distinct lines that need a search each (20 with --quick), cold cache; then the same for
 *   manage_playlist import with confirm (the searches, then the new playlist and its writes).
 */
import { parseTracklist } from '../../src/matching/index.js';
import { evalDocs, figures, judge, type LineVerdict } from '../../test/fake-tidal/eval/index.js';
import { getCatalog, startFakeTidal } from '../../test/fake-tidal/index.js';
import { startInProcess } from '../../test/helpers/in-process.js';
import { defineSection } from '../section.js';
import { startBenchServer } from '../server.js';
import { type BenchOptions, round, type Target } from '../stats.js';

export interface MatchingResult {
  lines: number;
  existing: number;
  missing: number;
  precision: number;
  shareExactHigh: number;
  falseHigh: number;
  invented: number;
  /** Searches sent per line that had no ISRC TIDAL knows. */
  searchesPerNonIsrcLine: number;
  /** Every upstream request (searches and ISRC batches) per line. */
  requestsPerLine: number;
  timed: Timed;
  /** manage_playlist import of the same lines into a new playlist, with confirm. */
  imported: Timed & { added: number };
  targets: Target[];
  /** Lines answered wrongly (for reading, not for targets). */
  wrong: string[];
}

interface Timed {
  lines: number;
  seconds: number;
  secondsPer100Lines: number;
  upstreamRequests: number;
  tooManyRequests: number;
}

async function quality(options: BenchOptions) {
  const fake = await startFakeTidal({ latencyMs: options.latencyMs });
  const server = await startInProcess(fake);
  const verdicts: LineVerdict[] = [];
  let searches = 0;
  let requests = 0;
  try {
    for (const doc of evalDocs()) {
      fake.clearRequests();
      const answers = [];
      let result = await server.tool('match_tracks', { text: doc.text, country: 'US', limit: 100 });
      for (;;) {
        if (result.isError) throw new Error(`${doc.name}: ${result.text}`);
        answers.push(...result.structured.lines);
        if (!result.structured.nextCursor) break;
        result = await server.tool('match_tracks', {
          cursor: result.structured.nextCursor,
          limit: 100,
        });
      }
      verdicts.push(...judge(getCatalog(), doc, answers));
      searches += fake.apiRequests().filter((r) => r.path === '/searchResults').length;
      requests += fake.apiRequests().length;
    }
  } finally {
    await server.close();
    await fake.close();
  }
  const nonIsrc = verdicts.filter((v) => v.confidence !== 'exact').length;
  return { f: figures(verdicts), searches, requests, nonIsrc };
}

/** Lines with distinct search texts, so each costs one search (identical ones would share). */
function timedLines(options: BenchOptions): string[] {
  const plain = evalDocs()[0]!.lines;
  const byQuery = new Map(plain.map((l) => [parseTracklist(l).lines[0]!.query, l]));
  return [...byQuery.values()].slice(0, options.quick ? 20 : 100);
}

/**
 * One call against a fresh fake enforcing a token bucket like TIDAL's (4/s, burst 10), through
 * the built server with its default client limiter, cold cache.
 */
async function timed(
  options: BenchOptions,
  tool: string,
  args: (lines: string[]) => Record<string, unknown>,
): Promise<Timed & { structured: Record<string, unknown> }> {
  const rate = { ratePerSecond: 4, burst: 10 };
  const fake = await startFakeTidal({ latencyMs: options.latencyMs, rateLimit: rate });
  const server = await startBenchServer(fake, { login: true });
  try {
    const lines = timedLines(options);
    const started = performance.now();
    const result = await server.client.callTool({ name: tool, arguments: args(lines) });
    const seconds = (performance.now() - started) / 1000;
    if (result.isError) throw new Error(`${tool} failed under the rate limit`);
    const api = fake.apiRequests();
    return {
      lines: lines.length,
      seconds: round(seconds),
      secondsPer100Lines: round((seconds * 100) / lines.length),
      upstreamRequests: api.length,
      tooManyRequests: api.filter((r) => r.status === 429).length,
      structured: (result.structuredContent ?? {}) as Record<string, unknown>,
    };
  } finally {
    await server.close();
    await fake.close();
  }
}

async function timing(options: BenchOptions) {
  const { structured: _, ...matched } = await timed(options, 'match_tracks', (lines) => ({
    text: lines.join('\n'),
    country: 'US',
  }));
  const { structured, ...imported } = await timed(options, 'manage_playlist', (lines) => ({
    action: 'import',
    name: 'bench import',
    text: lines.join('\n'),
    confirm: true,
  }));
  const counts = structured.counts as Record<string, number> | undefined;
  return { timed: matched, imported: { ...imported, added: counts?.added ?? 0 } };
}

function targets(r: Omit<MatchingResult, 'targets'>): Target[] {
  const pct = (n: number) => `${round(n * 100, 1)} %`;
  return [
    {
      name: 'match: correct top match (songs TIDAL has)',
      target: '>= 95 %',
      actual: pct(r.precision),
      met: r.precision >= 0.95,
    },
    {
      name: 'match: wrong high/exact',
      target: '0',
      actual: String(r.falseHigh),
      met: r.falseHigh === 0,
    },
    {
      name: 'match: missing songs matched above low',
      target: '0',
      actual: String(r.invented),
      met: r.invented === 0,
    },
    {
      name: 'match: searches per non-ISRC line',
      target: '<= 1',
      actual: String(r.searchesPerNonIsrcLine),
      met: r.searchesPerNonIsrcLine <= 1,
    },
  ];
}

export async function runMatchingSection(options: BenchOptions): Promise<MatchingResult> {
  const q = await quality(options);
  const { timed, imported } = await timing(options);
  const base = {
    lines: q.f.lines,
    existing: q.f.existing,
    missing: q.f.missing,
    precision: round(q.f.precision, 4),
    shareExactHigh: round(q.f.shareExactHigh, 4),
    falseHigh: q.f.falseHigh,
    invented: q.f.invented,
    searchesPerNonIsrcLine: round(q.searches / Math.max(1, q.nonIsrc), 3),
    requestsPerLine: round(q.requests / Math.max(1, q.f.lines), 3),
    timed,
    imported,
    wrong: q.f.wrong.map(
      (w) =>
        `${w.doc} | ${w.input} | want ${String(w.expect)} | got ${w.confidence} ${w.got ?? ''}`,
    ),
  };
  return { ...base, targets: targets(base) };
}

function report(r: MatchingResult): string {
  const t = r.timed;
  const i = r.imported;
  return [
    `match_tracks: ${r.lines} evaluation lines (${r.existing} on TIDAL, ${r.missing} not): top match right ${round(r.precision * 100, 1)} %, exact/high ${round(r.shareExactHigh * 100, 1)} %, wrong high ${r.falseHigh}, invented above low ${r.invented}`,
    `match_tracks: ${r.searchesPerNonIsrcLine} searches per non-ISRC line, ${r.requestsPerLine} requests per line`,
    `match_tracks: ${t.lines} lines under a 4/s bucket: ${t.seconds} s (${t.secondsPer100Lines} s per 100 lines), ${t.upstreamRequests} requests, ${t.tooManyRequests} × 429`,
    `manage_playlist import (confirm, new playlist): ${i.lines} lines, ${i.added} added, under a 4/s bucket: ${i.seconds} s (${i.secondsPer100Lines} s per 100 lines), ${i.upstreamRequests} requests, ${i.tooManyRequests} × 429`,
    ...r.wrong.map((w) => `wrong: ${w}`),
  ].join('\n');
}

export default defineSection({
  name: 'matching',
  run: runMatchingSection,
  report,
  targets: (r) => r.targets,
});
