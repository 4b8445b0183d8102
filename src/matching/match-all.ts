/**
 * Matching a whole tracklist with the fewest lookups: every ISRC on the list first (the source
 * batches them, 20 per TIDAL request), then one search per distinct query for the lines an ISRC
 * did not settle (identical lines are searched once), a few at a time so the client's rate
 * limiter paces them without reserving slots far ahead. Lookups are injected, so this stays free
 * of HTTP and MCP; a failed lookup fails its lines, not the list; cancellation stops it.
 */
import { isAbort } from '../errors.js';
import {
  type LineMatch,
  matchIsrc,
  matchLine,
  type MatchLineOptions,
  type TrackCandidate,
} from './match.js';
import type { ParsedLine } from './parse.js';
import { type Confidence, CONFIDENCES } from './score.js';

export interface MatchSource<T> {
  /**
   * Tracks per normalised ISRC; ISRCs TIDAL does not know are absent. `onProgress` may be called
   * with ISRCs done so far, for long lists.
   */
  byIsrcs(
    isrcs: readonly string[],
    onProgress?: (done: number) => Promise<void>,
  ): Promise<Map<string, T[]>>;
  /** Tracks for a search text, in TIDAL's order. */
  search(query: string): Promise<T[]>;
}

export interface MatchAllOptions extends MatchLineOptions {
  /** Searches in flight at once (default 4). */
  concurrency?: number;
  signal?: AbortSignal;
  /** After each lookup: lookups done and in all. */
  onProgress?(done: number, total: number): Promise<void> | void;
  /** Text for a failed lookup (default: a generic one). */
  describeError?(error: unknown): string;
}

export interface MatchReport<T> {
  matches: LineMatch<T>[];
  counts: Record<Confidence, number>;
  /** Distinct searches sent (before the cache) and ISRCs looked up. */
  searches: number;
  isrcs: number;
}

type Lookup<V> = { ok: true; value: V } | { ok: false; reason: string };

async function pool(count: number, concurrency: number, work: (i: number) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < count) await work(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

/** A lookup's outcome; cancellation is not an outcome, it ends the whole match. */
function settle<V>(promise: Promise<V>, options: MatchAllOptions): Promise<Lookup<V>> {
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => {
      if (isAbort(error)) throw error;
      return { ok: false as const, reason: options.describeError?.(error) ?? 'the lookup failed' };
    },
  );
}

export function countConfidences(
  matches: readonly { confidence: Confidence }[],
): Record<Confidence, number> {
  const counts = Object.fromEntries(CONFIDENCES.map((c) => [c, 0])) as Record<Confidence, number>;
  for (const m of matches) counts[m.confidence]++;
  return counts;
}

function unmatched<T>(line: ParsedLine, lookup: Lookup<unknown> | undefined): LineMatch<T> {
  if (lookup && !lookup.ok) {
    return {
      line,
      confidence: 'none',
      reason: `lookup failed: ${lookup.reason}`,
      alternatives: [],
      via: 'failed',
    };
  }
  return { line, confidence: 'none', reason: 'ISRC not found', alternatives: [], via: 'none' };
}

export async function matchAll<T extends TrackCandidate>(
  lines: readonly ParsedLine[],
  source: MatchSource<T>,
  options: MatchAllOptions = {},
): Promise<MatchReport<T>> {
  const { signal } = options;
  const isrcs = [...new Set(lines.flatMap((l) => (l.isrc ? [l.isrc] : [])))];
  // Progress counts lookups: each ISRC, then each search (their number is known after the ISRCs).
  const plainQueries = new Set(lines.filter((l) => !l.isrc && l.query !== '').map((l) => l.query));
  let byIsrc: Lookup<Map<string, T[]>> = { ok: true, value: new Map() };
  if (isrcs.length > 0) {
    signal?.throwIfAborted();
    const guess = isrcs.length + plainQueries.size;
    byIsrc = await settle(
      source.byIsrcs(isrcs, async (n) => options.onProgress?.(n, guess)),
      options,
    );
  }
  const isrcHit = (l: ParsedLine) => (l.isrc && byIsrc.ok ? byIsrc.value.get(l.isrc) : undefined);
  const needSearch = lines.filter((l) => !isrcHit(l)?.length && l.query !== '');
  const queries = [...new Set(needSearch.map((l) => l.query))];
  const total = isrcs.length + queries.length;
  let done = isrcs.length;
  if (isrcs.length > 0) await options.onProgress?.(done, total);
  const found = new Map<string, Lookup<T[]>>();
  await pool(queries.length, options.concurrency ?? 4, async (i) => {
    const query = queries[i]!;
    signal?.throwIfAborted();
    found.set(query, await settle(source.search(query), options));
    await options.onProgress?.(++done, total);
  });
  const matches = lines.map((line): LineMatch<T> => {
    const hit = isrcHit(line);
    if (hit && hit.length > 0) return matchIsrc(line, hit);
    const lookup = line.query !== '' ? found.get(line.query) : undefined;
    if (lookup?.ok) return matchLine(line, lookup.value, options);
    return unmatched(line, lookup ?? (line.isrc ? byIsrc : undefined));
  });
  return {
    matches,
    counts: countConfidences(matches),
    searches: queries.length,
    isrcs: isrcs.length,
  };
}
