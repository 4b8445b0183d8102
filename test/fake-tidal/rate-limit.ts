/**
 * Token bucket with the Spring Cloud Gateway headers TIDAL was observed sending
 * (x-ratelimit-remaining / -burst-capacity / -replenish-rate / -requested-tokens).
 * The headers go on every API response, not just 429s, so clients can pace proactively.
 */
import type { RateLimitOptions } from './types.js';

export interface BucketResult {
  allowed: boolean;
  headers: Record<string, string>;
}

export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly opts: RateLimitOptions,
    private readonly now: () => number = () => performance.now(),
  ) {
    if (!(opts.ratePerSecond > 0) || !(opts.burst >= 1)) {
      throw new RangeError('rateLimit needs ratePerSecond > 0 and burst >= 1');
    }
    this.tokens = opts.burst;
    this.last = this.now();
  }

  take(cost = 1): BucketResult {
    const now = this.now();
    this.tokens = Math.min(
      this.opts.burst,
      this.tokens + ((now - this.last) / 1000) * this.opts.ratePerSecond,
    );
    this.last = now;
    const allowed = this.tokens >= cost;
    if (allowed) this.tokens -= cost;
    const headers: Record<string, string> = {
      'x-ratelimit-remaining': String(Math.floor(this.tokens)),
      'x-ratelimit-burst-capacity': String(this.opts.burst),
      'x-ratelimit-replenish-rate': String(this.opts.ratePerSecond),
      'x-ratelimit-requested-tokens': String(cost),
    };
    if (!allowed && this.opts.retryAfter) {
      headers['retry-after'] = String(
        Math.max(1, Math.ceil((cost - this.tokens) / this.opts.ratePerSecond)),
      );
    }
    return { allowed, headers };
  }
}
