/**
 * The one way src/ talks to the TIDAL API: undici with keep-alive, JSON:API headers, gzip,
 * the client-side rate limiter, the retry policy and call budget, the response cache and 401
 * re-authentication. Every byte of a token stays in request headers; nothing here logs or
 * throws one.
 */
import { Agent, request, type Dispatcher } from 'undici';
import { ACCEPT_ENCODING, readBody, type DecodedBody } from './body.js';
import { withBudget, type CallBudget } from './budget.js';
import { ResponseCache } from './cache.js';
import { currentCallStats, type CallStats } from './call-stats.js';
import { systemClock, type Clock } from './clock.js';
import { acceptDocument, parseLenient } from './document.js';
import {
  InvalidResponseError,
  NetworkError,
  RateLimitedError,
  errorFromResponse,
} from './errors.js';
import { RateLimiter } from './rate-limiter.js';
import {
  DEFAULT_RETRY_POLICY,
  backoffMs,
  errorCode,
  headerValue,
  isRetryableNetworkError,
  isRetryableStatus,
  rateLimitHintMs,
  rateLimitWait,
  retrying,
  type Attempt,
  type HeaderBag,
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
  cache?: ResponseCache;
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

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** One logical call: what is sent, and what the attempts share. */
interface Exchange {
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

interface RawResponse extends DecodedBody {
  status: number;
  headers: HeaderBag;
}

interface Exchanged {
  status: number;
  body: unknown;
  size: number;
}

export class TidalHttp {
  readonly cache: ResponseCache;
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;
  private readonly limiter: RateLimiter;
  private readonly clock: Clock;
  private readonly policy: RetryPolicy;
  private readonly url: string;

  constructor(private readonly options: TidalHttpOptions) {
    this.url = options.apiUrl.replace(/\/+$/, '');
    this.clock = options.clock ?? systemClock;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.cache = options.cache ?? new ResponseCache();
    this.limiter = new RateLimiter(options.requestsPerSecond, undefined, this.clock);
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
    const queuedAt = this.clock.now();
    await this.limiter.acquire(budget.signal, budget.remainingMs());
    if (stats) stats.throttledMs += this.clock.now() - queuedAt;
    const token = await exchange.auth.getToken(budget.signal);
    let response: RawResponse;
    try {
      response = await this.roundTrip(exchange, token);
    } catch (error) {
      if (error instanceof InvalidResponseError) return this.invalid(error, exchange, n);
      return this.unreachable(error, exchange, n);
    }
    this.followRateLimitHints(response.headers);
    const { status } = response;
    if (status >= 200 && status < 300) return this.accept(response, exchange, n);
    if (status === 401 && !exchange.reauthenticated) {
      // One re-authentication per call: a second 401 is a real auth failure, not an expiry.
      exchange.reauthenticated = true;
      exchange.auth.invalidate(token);
      return this.attempt(exchange, n);
    }
    return this.refused(response, exchange, n);
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

  private accept(response: RawResponse, exchange: Exchange, n: number): Attempt<Exchanged> {
    const read = exchange.method === 'GET';
    try {
      const body = acceptDocument(
        response.text,
        response.headers,
        response.status,
        exchange.what,
        read,
      );
      return { ok: true, value: { status: response.status, body, size: response.decodedBytes } };
    } catch (error) {
      return this.invalid(error as InvalidResponseError, exchange, n);
    }
  }

  /** An invalid response is logged once; a read is retried once (a proxy hiccup may pass). */
  private invalid(error: InvalidResponseError, exchange: Exchange, n: number): Attempt<Exchanged> {
    this.options.onError?.(`${error.message} (${error.reason}; HTTP ${error.status ?? '-'})`);
    const retry = exchange.method === 'GET' && error.reason !== 'too large';
    return {
      ok: false,
      error,
      retryInMs: retry ? backoffMs(n, this.policy) : undefined,
      maxRetries: 1,
      why: `${exchange.method} ${exchange.what}: invalid response (${error.reason})`,
    };
  }

  private unreachable(error: unknown, exchange: Exchange, n: number): Attempt<Exchanged> {
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
      retryInMs: exchange.retryable ? backoffMs(n, this.policy) : undefined,
      why: `${exchange.method} ${exchange.what}: ${code}`,
    };
  }

  /** A non-2xx answer: a 429 pauses the whole limiter; 5xx may be retried. */
  private refused(response: RawResponse, exchange: Exchange, n: number): Attempt<Exchanged> {
    const { status } = response;
    const why = `${exchange.method} ${exchange.what}: HTTP ${status}`;
    if (status === 429) {
      const wait = rateLimitWait(response.headers, n, this.policy, this.clock.now());
      this.limiter.pauseFor(wait.ms);
      const error = new RateLimitedError(wait.ms, wait.source);
      return { ok: false, error, retryInMs: exchange.retryable ? wait.ms : undefined, why };
    }
    const error = errorFromResponse(status, parseLenient(response.text), exchange.what);
    const retry = exchange.retryable && isRetryableStatus(status);
    return { ok: false, error, retryInMs: retry ? backoffMs(n, this.policy) : undefined, why };
  }
}
