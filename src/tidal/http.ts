/**
 * The one way src/ talks to the TIDAL API: undici with keep-alive, JSON:API headers, gzip,
 * the client-side rate limiter, the retry policy and call budget, the response cache and 401
 * re-authentication. Every byte of a token stays in request headers; nothing here logs or
 * throws one.
 */
import { Agent, type Dispatcher, request } from 'undici';

import { ACCEPT_ENCODING, readBody } from './body.js';
import { withBudget } from './budget.js';
import { ResponseCache } from './cache.js';
import { currentCallStats, timeWaiting } from './call-stats.js';
import { type Clock, systemClock } from './clock.js';
import { InvalidResponseError } from './errors.js';
import {
  accepted,
  type Exchange,
  type Exchanged,
  invalid,
  type Method,
  type OutcomeContext,
  type RawResponse,
  refused,
  unreachable,
} from './outcomes.js';
import { RateLimiter } from './rate-limiter.js';
import { assertWritable } from './read-only.js';
import {
  type Attempt,
  DEFAULT_RETRY_POLICY,
  type HeaderBag,
  headerValue,
  rateLimitHintMs,
  retrying,
  type RetryPolicy,
} from './retry.js';
import type { TokenProvider } from './token-provider.js';

export const JSON_API = 'application/vnd.api+json';

/** Per attempt, to response headers and between body chunks: a stuck attempt is retried. */
const ATTEMPT_TIMEOUT_MS = 15_000;

export interface TidalHttpOptions {
  apiUrl: string;
  userAgent: string;
  requestsPerSecond: number;
  dispatcher?: Dispatcher;
  clock?: Clock;
  /** Retries and the per-call budget; app.ts shares one policy with the token endpoint. */
  retry?: Partial<RetryPolicy>;
  onDebug?: (message: string) => void;
  /** TIDAL misbehaved (an invalid response): one line for the error log, no stack. */
  onError?: (message: string) => void;
}

export interface GetOptions {
  auth: TokenProvider;
  /** How long to keep the response; 0 disables caching for this request. */
  ttlMs: number;
  /** Names what was asked for, for error messages ("album 123"). */
  what: string;
  signal?: AbortSignal;
  /**
   * Read what TIDAL has now: skip the cached entry and any identical request already in
   * flight (use before a write that depends on the current state). The answer refreshes the
   * cache entry; identical reads that start while it is in flight share it.
   */
  fresh?: boolean;
}

export interface SendOptions {
  auth: TokenProvider;
  what: string;
  signal?: AbortSignal;
  /** With a key a write may be retried safely: TIDAL replays the first response for 1 h. */
  idempotencyKey?: string;
}

export interface SendResult<T> {
  status: number;
  body: T | undefined;
}

export class TidalHttp {
  readonly cache: ResponseCache;
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;
  private readonly limiter: RateLimiter;
  private readonly clock: Clock;
  private readonly policy: RetryPolicy;
  private readonly url: string;
  private readonly outcomes: OutcomeContext;

  constructor(private readonly options: TidalHttpOptions) {
    this.url = options.apiUrl.replace(/\/+$/, '');
    this.clock = options.clock ?? systemClock;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.cache = new ResponseCache();
    this.limiter = new RateLimiter(options.requestsPerSecond, undefined, this.clock);
    this.outcomes = {
      policy: this.policy,
      now: () => this.clock.now(),
      pause: (ms) => this.limiter.pauseFor(ms),
      onError: options.onError,
    };
    this.ownsDispatcher = options.dispatcher === undefined;
    this.dispatcher =
      options.dispatcher ??
      new Agent({
        keepAliveTimeout: 30_000,
        keepAliveMaxTimeout: 120_000,
        headersTimeout: ATTEMPT_TIMEOUT_MS,
        bodyTimeout: ATTEMPT_TIMEOUT_MS,
        connect: { timeout: 10_000 },
      });
  }

  /** GET a path (relative to the API base, query included), through the cache. */
  async get<T>(pathAndQuery: string, options: GetOptions): Promise<T> {
    const scope = await options.auth.cacheScope();
    const key = ResponseCache.key(scope, pathAndQuery);
    const load = async (signal: AbortSignal) => {
      const result = await this.exchange('GET', pathAndQuery, undefined, {
        ...options,
        signal,
        retryable: true,
      });
      return { value: result.body as T, size: result.size };
    };
    const { value, cached } = await this.cache.getOrLoad(key, options.ttlMs, load, options);
    const stats = currentCallStats();
    if (cached && stats) stats.cacheHits++;
    return value;
  }

  /** POST/PATCH/DELETE with a JSON:API body. Retried only when an idempotency key is given. */
  async send<T>(
    method: Exclude<Method, 'GET'>,
    path: string,
    body: unknown,
    options: SendOptions,
  ): Promise<SendResult<T>> {
    assertWritable(method, options.what);
    const result = await this.exchange(method, path, body, {
      ...options,
      retryable: options.idempotencyKey !== undefined,
    });
    return { status: result.status, body: result.body as T | undefined };
  }

  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.close();
  }

  /** One call: attempts, retries and waits, all inside the call budget. */
  private exchange(
    method: Method,
    pathAndQuery: string,
    body: unknown,
    options: (GetOptions | SendOptions) & { retryable: boolean },
  ): Promise<Exchanged> {
    const timedOut = `TIDAL did not answer in time for ${options.what}`;
    return withBudget(this.clock, this.policy.budgetMs, options.signal, timedOut, (budget) => {
      const exchange: Exchange = {
        method,
        pathAndQuery,
        body,
        auth: options.auth,
        what: options.what,
        idempotencyKey: (options as SendOptions).idempotencyKey,
        retryable: options.retryable,
        reauthenticated: false,
        budget,
        stats: currentCallStats(),
      };
      const onRetry = (message: string) => {
        if (exchange.stats) exchange.stats.retries++;
        this.options.onDebug?.(message);
      };
      return retrying((n) => this.attempt(exchange, n), this.policy, budget, this.clock, onRetry);
    });
  }

  /** Wait for a slot and a token, send once, and classify what came back. */
  private async attempt(exchange: Exchange, n: number): Promise<Attempt<Exchanged>> {
    const { budget, stats } = exchange;
    const token = await timeWaiting(stats, async () => {
      const queuedAt = this.clock.now();
      await this.limiter.acquire(budget.signal, budget.remainingMs());
      if (stats) stats.throttledMs += this.clock.now() - queuedAt;
      return exchange.auth.getToken(budget.signal);
    });
    let response: RawResponse;
    try {
      response = await timeWaiting(stats, () => this.roundTrip(exchange, token));
    } catch (error) {
      if (error instanceof InvalidResponseError) return invalid(error, exchange, n, this.outcomes);
      return unreachable(error, exchange, n, this.outcomes);
    }
    this.followRateLimitHints(response.headers);
    const { status } = response;
    if (status >= 200 && status < 300) return accepted(response, exchange, n, this.outcomes);
    if (status === 401 && !exchange.reauthenticated) {
      // One re-authentication per call: a second 401 is a real auth failure, not an expiry.
      exchange.reauthenticated = true;
      exchange.auth.invalidate(token);
      return this.attempt(exchange, n);
    }
    return refused(response, exchange, n, this.outcomes);
  }

  /** Send the request once and read the (size-capped, decoded) body. */
  private async roundTrip(exchange: Exchange, token: string): Promise<RawResponse> {
    const headers: Record<string, string> = {
      accept: JSON_API,
      'accept-encoding': ACCEPT_ENCODING,
      authorization: `Bearer ${token}`,
      'user-agent': this.options.userAgent,
    };
    if (exchange.body !== undefined) headers['content-type'] = JSON_API;
    if (exchange.idempotencyKey !== undefined) headers['idempotency-key'] = exchange.idempotencyKey;
    const { stats } = exchange;
    const sentAt = this.clock.now();
    if (stats) stats.upstreamRequests++;
    try {
      const response = await request(`${this.url}${exchange.pathAndQuery}`, {
        method: exchange.method,
        headers,
        body: exchange.body === undefined ? undefined : JSON.stringify(exchange.body),
        dispatcher: this.dispatcher,
        signal: exchange.budget.signal,
      });
      const { statusCode: status } = response;
      const decoded = await readBody(response.body, response.headers, exchange.what, status);
      if (stats) stats.wireBytes += decoded.wireBytes;
      if (stats) stats.decodedBytes += decoded.decodedBytes;
      this.options.onDebug?.(
        `${exchange.method} ${exchange.pathAndQuery} -> ${status} in ${this.clock.now() - sentAt} ms`,
      );
      return { status, headers: response.headers, ...decoded };
    } finally {
      if (stats) stats.upstreamMs += this.clock.now() - sentAt;
    }
  }

  /** TIDAL says its bucket is empty even though it answered: hold later requests. */
  private followRateLimitHints(headers: HeaderBag): void {
    const hint = rateLimitHintMs(headers);
    if (headerValue(headers, 'x-ratelimit-remaining') === '0' && hint !== undefined) {
      this.limiter.pauseFor(hint);
    }
  }
}
