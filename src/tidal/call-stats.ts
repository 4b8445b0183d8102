/**
 * Per-tool-call accounting of upstream work (requests, time waiting on TIDAL, cache hits),
 * carried through async code with AsyncLocalStorage so concurrent calls never mix their numbers.
 * The benchmark reads it to separate the server's own overhead from TIDAL's latency.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface CallStats {
  upstreamRequests: number;
  upstreamMs: number;
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
