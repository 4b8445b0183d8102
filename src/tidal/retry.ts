/**
 * Retry policy for TIDAL: the API client and the token endpoint share this policy object and
 * this loop (reads only on the API; writes are retried only when they carry an Idempotency-Key).
 *
 * - 429: honour `Retry-After` (seconds or an HTTP date); else TIDAL's token-bucket hints
 *   (`x-ratelimit-requested-tokens / x-ratelimit-replenish-rate` seconds); else backoff.
 * - 5xx and network errors: exponential backoff with jitter (500 ms · 2^n · [0.8, 1)), 16 s cap.
 * - Bounded twice: at most `maxRetries` retries, and the whole call (attempts and waits) within
 *   `budgetMs`. A wait that does not fit in what is left of the budget is not started: the
 *   caller gets the error at once (for a 429, RateLimitedError saying how long TIDAL asks to
 *   wait), rather than a sleep that ends after the MCP client has given up.
 */
import type { CallBudget } from './budget.js';
import type { Clock } from './clock.js';
import type { RateLimitSource } from './errors.js';

export interface RetryPolicy {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** The whole call, every attempt and wait included (TIDAL_MCP_REQUEST_TIMEOUT_SECONDS). */
  budgetMs: number;
  random: () => number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 3,
  baseDelayMs: 500,
  maxDelayMs: 16_000,
  budgetMs: 30_000,
  random: Math.random,
};

export type HeaderBag = Record<string, string | string[] | undefined>;

export function headerValue(headers: HeaderBag, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Milliseconds from a Retry-After value: delta-seconds or an HTTP date (may be huge). */
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
  const replenish = Number(headerValue(headers, 'x-ratelimit-replenish-rate'));
  if (!Number.isFinite(replenish) || replenish <= 0) return undefined;
  const remainingRaw = headerValue(headers, 'x-ratelimit-remaining');
  const remaining = remainingRaw === undefined ? 0 : Number(remainingRaw);
  const requestedRaw = Number(headerValue(headers, 'x-ratelimit-requested-tokens'));
  const requested = Number.isFinite(requestedRaw) && requestedRaw > 0 ? requestedRaw : 1;
  const missing = Math.max(requested - Math.max(remaining, 0), 1);
  return Math.ceil((missing / replenish) * 1000);
}

export function backoffMs(attempt: number, policy: RetryPolicy): number {
  const jitter = 0.8 + 0.2 * policy.random();
  return Math.min(policy.baseDelayMs * 2 ** attempt * jitter, policy.maxDelayMs);
}

/** How long to wait after a 429, preferring what TIDAL told us, and who said so. */
export function rateLimitWait(
  headers: HeaderBag,
  attempt: number,
  policy: RetryPolicy,
  nowMs: number,
): { ms: number; source: RateLimitSource } {
  const told =
    parseRetryAfter(headerValue(headers, 'retry-after'), nowMs) ?? rateLimitHintMs(headers);
  return told === undefined
    ? { ms: backoffMs(attempt, policy), source: 'backoff' }
    : { ms: told, source: 'tidal' };
}

export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 500 || status === 502 || status === 503 || status === 504;
}

const RETRYABLE_NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export function isRetryableNetworkError(error: unknown): boolean {
  const code = errorCode(error);
  return code !== undefined && RETRYABLE_NETWORK_CODES.has(code);
}

/** How one attempt ended: a value, or an error with (optionally) a wait before trying again. */
export type Attempt<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      /** Thrown when there is no retry: not retryable, retries spent, or the wait does not fit. */
      error: unknown;
      /** Wait before the next attempt; undefined means this failure is final. */
      retryInMs?: number;
      /** A stricter retry limit for this kind of failure (an invalid response: once). */
      maxRetries?: number;
      /** For the debug log: "GET album 1: HTTP 503". */
      why: string;
    };

/** Run attempts until one succeeds or the policy or the budget says stop. */
export async function retrying<T>(
  run: (attempt: number) => Promise<Attempt<T>>,
  policy: RetryPolicy,
  budget: CallBudget,
  clock: Clock,
  onRetry: (message: string) => void,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const outcome = await run(attempt);
    if (outcome.ok) return outcome.value;
    const wait = outcome.retryInMs;
    const limit = Math.min(policy.maxRetries, outcome.maxRetries ?? Infinity);
    if (wait === undefined || attempt >= limit || wait > budget.remainingMs()) {
      throw outcome.error;
    }
    onRetry(`${outcome.why}, retrying in ${Math.round(wait)} ms`);
    await clock.sleep(wait, budget.signal);
  }
}
