/**
 * Response cache for TIDAL GETs.
 *
 * Policy: entries live for a TTL chosen by the caller per kind of resource (catalog entities
 * and similar-* lists for hours, search results for minutes, user data briefly) and the whole
 * cache is bounded by an approximate byte size. Keys include the token scope ("client" or
 * "user:<id>") because TIDAL redacts fields per caller. Our own writes invalidate by predicate.
 *
 * Identical requests in flight share one upstream request (a SharedRequest): a caller that
 * hangs up stops waiting without failing the others, and the request is cancelled only when
 * all of them have hung up. Only the newest load of a key may fill the cache, so a request sent
 * before a write or an invalidation can never put the old answer back.
 *
 * A `fresh` read (before a write that depends on what is there now) skips the entry and does
 * not join a request already in flight, since that one may have been sent before the caller's
 * last write. It is still shared: identical reads that start while it is in flight join it, as
 * they would any load, and its answer replaces the entry.
 */
import { LRUCache } from 'lru-cache';

import { abortReason, SharedRequest } from './shared-request.js';

export const CACHE_TTL = {
  catalog: 6 * 60 * 60 * 1000,
  similar: 12 * 60 * 60 * 1000,
  search: 10 * 60 * 1000,
  user: 60 * 1000,
} as const;

interface Entry {
  value: unknown;
  size: number;
}

export interface LoadOptions {
  /** This caller's signal: aborting it stops this caller's wait only. */
  signal?: AbortSignal;
  /** Skip the cached entry and any request in flight (see the module header). */
  fresh?: boolean;
}

export class ResponseCache {
  private readonly lru: LRUCache<string, Entry>;
  private readonly inFlight = new Map<string, SharedRequest<unknown>>();

  constructor(maxBytes = 32 * 1024 * 1024) {
    this.lru = new LRUCache<string, Entry>({
      maxSize: maxBytes,
      sizeCalculation: (entry) => Math.max(1, entry.size),
      ttlAutopurge: false,
    });
  }

  static key(scope: string, url: string): string {
    return `${scope} ${url}`;
  }

  /**
   * Return the cached value, join an identical in-flight request, or start `load` (on a signal
   * of its own). `load` resolves to the value and its approximate size in bytes.
   */
  async getOrLoad<T>(
    key: string,
    ttlMs: number,
    load: (signal: AbortSignal) => Promise<{ value: T; size: number }>,
    options: LoadOptions = {},
  ): Promise<{ value: T; cached: boolean }> {
    const { signal, fresh = false } = options;
    if (signal?.aborted) throw abortReason(signal);
    if (!fresh) {
      const hit = this.lru.get(key);
      if (hit) return { value: hit.value as T, cached: true };
      const pending = this.inFlight.get(key);
      if (pending && !pending.abandoned) {
        return { value: (await pending.join(signal)) as T, cached: true };
      }
    }
    const shared: SharedRequest<unknown> = new SharedRequest(async (loadSignal) => {
      const { value, size } = await load(loadSignal);
      if (ttlMs > 0 && this.inFlight.get(key) === shared) {
        this.lru.set(key, { value, size }, { ttl: ttlMs });
      }
      return value;
    });
    this.inFlight.set(key, shared);
    void shared.settled.then(() => {
      if (this.inFlight.get(key) === shared) this.inFlight.delete(key);
    });
    return { value: (await shared.join(signal)) as T, cached: false };
  }

  /** Drop every entry and in-flight load whose key matches (used after our own writes). */
  invalidate(predicate: (key: string) => boolean): void {
    for (const key of [...this.lru.keys()]) if (predicate(key)) this.lru.delete(key);
    for (const key of [...this.inFlight.keys()]) if (predicate(key)) this.inFlight.delete(key);
  }
}
