/**
 * How TidalHttp classifies one attempt: an accepted document, an invalid response (logged, a
 * read retried once), an unreachable TIDAL (retryable network errors with backoff), or a
 * refusal (a 429 pauses the whole rate limiter; 5xx are retried with backoff; the rest are
 * final). The retry loop itself is `retrying` in retry.ts, shared with the token endpoint.
 */
import type { DecodedBody } from './body.js';
import type { CallBudget } from './budget.js';
import type { CallStats } from './call-stats.js';
import { acceptDocument, parseLenient } from './document.js';
import {
  errorFromResponse,
  InvalidResponseError,
  NetworkError,
  RateLimitedError,
} from './errors.js';
import {
  type Attempt,
  backoffMs,
  errorCode,
  type HeaderBag,
  isRetryableNetworkError,
  isRetryableStatus,
  rateLimitWait,
  type RetryPolicy,
} from './retry.js';
import type { TokenProvider } from './token-provider.js';

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** One logical call: what is sent, and what its attempts share. */
export interface Exchange {
  method: Method;
  pathAndQuery: string;
  body: unknown;
  auth: TokenProvider;
  what: string;
  idempotencyKey?: string;
  retryable: boolean;
  reauthenticated: boolean;
  budget: CallBudget;
  stats: CallStats | undefined;
}

export interface RawResponse extends DecodedBody {
  status: number;
  headers: HeaderBag;
}

export interface Exchanged {
  status: number;
  body: unknown;
  size: number;
}

/** What the classification needs from the client. */
export interface OutcomeContext {
  policy: RetryPolicy;
  now(): number;
  /** TIDAL asked everyone to wait: pause the shared rate limiter. */
  pause(ms: number): void;
  onError?: (message: string) => void;
}

export function accepted(
  response: RawResponse,
  exchange: Exchange,
  n: number,
  ctx: OutcomeContext,
): Attempt<Exchanged> {
  const { status, text, headers } = response;
  try {
    const body = acceptDocument(text, headers, status, exchange.what, exchange.method === 'GET');
    return { ok: true, value: { status, body, size: response.decodedBytes } };
  } catch (error) {
    if (!(error instanceof InvalidResponseError)) throw error;
    return invalid(error, exchange, n, ctx);
  }
}

/** An invalid response is logged once; a read is retried once (a proxy hiccup may pass). */
export function invalid(
  error: InvalidResponseError,
  exchange: Exchange,
  n: number,
  ctx: OutcomeContext,
): Attempt<Exchanged> {
  ctx.onError?.(`${error.message} (${error.reason}; HTTP ${error.status ?? '-'})`);
  const retry = exchange.method === 'GET' && error.reason !== 'too large';
  return {
    ok: false,
    error,
    retryInMs: retry ? backoffMs(n, ctx.policy) : undefined,
    maxRetries: 1,
    why: `${exchange.method} ${exchange.what}: invalid response (${error.reason})`,
  };
}

export function unreachable(
  error: unknown,
  exchange: Exchange,
  n: number,
  ctx: OutcomeContext,
): Attempt<Exchanged> {
  // Hung up or out of time: nothing to retry; the budget reports which.
  if (exchange.budget.signal.aborted) throw error;
  const code = errorCode(error);
  if (!isRetryableNetworkError(error)) {
    const message = `could not reach TIDAL for ${exchange.what} (${code ?? 'error'})`;
    throw new NetworkError(message, undefined, { cause: error });
  }
  return {
    ok: false,
    error: new NetworkError(
      `could not reach TIDAL for ${exchange.what} after ${n + 1} attempt(s) (${code})`,
    ),
    retryInMs: exchange.retryable ? backoffMs(n, ctx.policy) : undefined,
    why: `${exchange.method} ${exchange.what}: ${code}`,
  };
}

/** A non-2xx answer other than the one 401 that re-authenticates. */
export function refused(
  response: RawResponse,
  exchange: Exchange,
  n: number,
  ctx: OutcomeContext,
): Attempt<Exchanged> {
  const { status } = response;
  const why = `${exchange.method} ${exchange.what}: HTTP ${status}`;
  if (status === 429) {
    const wait = rateLimitWait(response.headers, n, ctx.policy, ctx.now());
    ctx.pause(wait.ms);
    const error = new RateLimitedError(wait.ms, wait.source);
    return { ok: false, error, retryInMs: exchange.retryable ? wait.ms : undefined, why };
  }
  const error = errorFromResponse(status, parseLenient(response.text), exchange.what);
  const retry = exchange.retryable && isRetryableStatus(status);
  return { ok: false, error, retryInMs: retry ? backoffMs(n, ctx.policy) : undefined, why };
}
