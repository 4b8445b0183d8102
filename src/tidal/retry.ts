/**
 * Retry policy for TIDAL reads (writes are retried only when they carry an Idempotency-Key).
 *
 * - 429: honour `Retry-After` (seconds or an HTTP date); else TIDAL's token-bucket hints
 *   (`x-ratelimit-requested-tokens / x-ratelimit-replenish-rate` seconds); else backoff.
 * - 5xx and network errors: exponential backoff with jitter (500 ms · 2^n · [0.8, 1)), 16 s cap.
 * - Bounded twice: at most `maxRetries` retries, and never more than `maxTotalWaitMs` of waiting
 *   in total. When the budget is spent on a 429 the caller gets RateLimitedError with the wait
 *   TIDAL asked for, so the model can say "retry after N s".
 */
export interface RetryPolicy {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  maxTotalWaitMs: number;
  random: () => number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 3,
  baseDelayMs: 500,
  maxDelayMs: 16_000,
  maxTotalWaitMs: 20_000,
  random: Math.random,
};

export type HeaderBag = Record<string, string | string[] | undefined>;

function header(headers: HeaderBag, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Milliseconds from a Retry-After value: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

/** Milliseconds until TIDAL's bucket has the tokens this request costs, from `x-ratelimit-*`. */
export function rateLimitHintMs(headers: HeaderBag): number | undefined {
  const replenish = Number(header(headers, 'x-ratelimit-replenish-rate'));
  if (!Number.isFinite(replenish) || replenish <= 0) return undefined;
  const remainingRaw = header(headers, 'x-ratelimit-remaining');
  const remaining = remainingRaw === undefined ? 0 : Number(remainingRaw);
  const requestedRaw = Number(header(headers, 'x-ratelimit-requested-tokens'));
  const requested = Number.isFinite(requestedRaw) && requestedRaw > 0 ? requestedRaw : 1;
  const missing = Math.max(requested - Math.max(remaining, 0), 1);
  return Math.ceil((missing / replenish) * 1000);
}

export function backoffMs(attempt: number, policy: RetryPolicy): number {
  const jitter = 0.8 + 0.2 * policy.random();
  return Math.min(policy.baseDelayMs * 2 ** attempt * jitter, policy.maxDelayMs);
}

/** How long to wait before retrying a 429, preferring what TIDAL told us. */
export function rateLimitDelayMs(
  headers: HeaderBag,
  attempt: number,
  policy: RetryPolicy,
  nowMs: number,
): number {
  return (
    parseRetryAfter(header(headers, 'retry-after'), nowMs) ??
    rateLimitHintMs(headers) ??
    backoffMs(attempt, policy)
  );
}

export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 500 || status === 502 || status === 503 || status === 504;
}
