/**
 * Per-tool-call accounting of upstream work (requests, time waiting on TIDAL, cache hits),
 * carried through async code with AsyncLocalStorage so concurrent calls never mix their numbers.
 * The benchmark reads it to separate the server's own overhead from TIDAL's latency.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface CallStats {
  upstreamRequests: number;
  /** Time on the wire, added up over requests (side-by-side requests each count in full). */
  upstreamMs: number;
  /**
   * Wall time with at least one request waiting for the rate limiter, a token or TIDAL's answer;
   * overlapping waits count once, so `serverMs - waitMs` is the server's own time even when
   * requests run side by side.
   */
  waitMs: number;
  cacheHits: number;
  retries: number;
  throttledMs: number;
  /** Response bytes as they crossed the network (compressed when TIDAL compressed them). */
  wireBytes: number;
  /** The same responses decoded: what was parsed. */
  decodedBytes: number;
}

const storage = new AsyncLocalStorage<CallStats>();

export function newCallStats(): CallStats {
  return {
    upstreamRequests: 0,
    upstreamMs: 0,
    waitMs: 0,
    cacheHits: 0,
    retries: 0,
    throttledMs: 0,
    wireBytes: 0,
    decodedBytes: 0,
  };
}

export function withCallStats<T>(stats: CallStats, fn: () => Promise<T>): Promise<T> {
  return storage.run(stats, fn);
}

export function currentCallStats(): CallStats | undefined {
  return storage.getStore();
}

/** Open waits per call: how many are outstanding, and since when the first of them has been. */
const openWaits = new WeakMap<CallStats, { count: number; since: number }>();

/**
 * Runs `wait` as time the call spends waiting on TIDAL. performance.now, not the injectable
 * clock: this measures the process for the benchmark and never decides anything.
 */
export async function timeWaiting<T>(
  stats: CallStats | undefined,
  wait: () => Promise<T>,
): Promise<T> {
  if (!stats) return wait();
  const open = openWaits.get(stats) ?? { count: 0, since: 0 };
  openWaits.set(stats, open);
  if (open.count++ === 0) open.since = performance.now();
  try {
    return await wait();
  } finally {
    if (--open.count === 0) stats.waitMs += performance.now() - open.since;
  }
}
