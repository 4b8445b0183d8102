/**
 * Response cache for TIDAL GETs.
 *
 * Policy: entries live for a TTL chosen by the caller per kind of resource (catalog entities
 * and similar-* lists for hours, search results for minutes, user data briefly) and the whole
 * cache is bounded by an approximate byte size. Identical requests already in flight share one
 * upstream request. Keys include the token scope ("client" or "user:<id>") because TIDAL redacts
 * fields per caller. Our own writes invalidate by key prefix.
 */
import { LRUCache } from 'lru-cache';

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

export interface CacheStats {
  hits: number;
  misses: number;
  shared: number;
}

export class ResponseCache {
  private readonly lru: LRUCache<string, Entry>;
  private readonly inFlight = new Map<string, Promise<unknown>>();
  readonly stats: CacheStats = { hits: 0, misses: 0, shared: 0 };

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
   * Return the cached value, join an identical in-flight request, or run `load` once.
   * `load` resolves to the value and its approximate size in bytes.
   */
  async getOrLoad<T>(
    key: string,
    ttlMs: number,
    load: () => Promise<{ value: T; size: number }>,
  ): Promise<{ value: T; cached: boolean }> {
    const hit = this.lru.get(key);
    if (hit) {
      this.stats.hits++;
      return { value: hit.value as T, cached: true };
    }
    const pending = this.inFlight.get(key);
    if (pending) {
      this.stats.shared++;
      return { value: (await pending) as T, cached: true };
    }
    this.stats.misses++;
    const promise = load().then(({ value, size }) => {
      if (ttlMs > 0) this.lru.set(key, { value, size }, { ttl: ttlMs });
      return value;
    });
    this.inFlight.set(key, promise);
    try {
      return { value: await promise, cached: false };
    } finally {
      this.inFlight.delete(key);
    }
  }

  /** Drop every entry whose key contains `fragment` (used after our own playlist writes). */
  invalidate(predicate: (key: string) => boolean): number {
    let removed = 0;
    for (const key of [...this.lru.keys()]) {
      if (predicate(key)) {
        this.lru.delete(key);
        removed++;
      }
    }
    return removed;
  }

  clear(): void {
    this.lru.clear();
  }

  get size(): number {
    return this.lru.size;
  }
}
