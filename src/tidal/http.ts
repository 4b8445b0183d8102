/**
 * The one way src/ talks to the TIDAL API: undici with keep-alive, JSON:API headers, the
 * client-side rate limiter, the retry policy, the response cache and 401 re-authentication.
 * Every byte of a token stays in request headers; nothing here logs or throws one.
 */
import { Agent, request, type Dispatcher } from 'undici';
import { ResponseCache } from './cache.js';
import { currentCallStats } from './call-stats.js';
import { systemClock, type Clock } from './clock.js';
import { NetworkError, RateLimitedError, errorFromResponse, type TidalError } from './errors.js';
import { RateLimiter } from './rate-limiter.js';
import {
  DEFAULT_RETRY_POLICY,
  backoffMs,
  isRetryableStatus,
  rateLimitDelayMs,
  rateLimitHintMs,
  type HeaderBag,
  type RetryPolicy,
} from './retry.js';
import type { TokenProvider } from './token-provider.js';

export const JSON_API = 'application/vnd.api+json';

export interface TidalHttpOptions {
  apiUrl: string;
  userAgent: string;
  requestsPerSecond: number;
  dispatcher?: Dispatcher;
  clock?: Clock;
  retry?: Partial<RetryPolicy>;
  cache?: ResponseCache;
  /** Per attempt: time to response headers and between body chunks. */
  timeoutMs?: number;
  onDebug?: (message: string) => void;
}

export interface GetOptions {
  auth: TokenProvider;
  /** How long to keep the response; 0 disables caching for this request. */
  ttlMs: number;
  /** Names what was asked for, for error messages ("album 123"). */
  what: string;
  signal?: AbortSignal;
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

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export class TidalHttp {
  readonly cache: ResponseCache;
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;
  private readonly limiter: RateLimiter;
  private readonly clock: Clock;
  private readonly policy: RetryPolicy;
  private readonly origin: string;
  private readonly basePath: string;
  /** Process-wide totals, for /healthz-style introspection and the benchmark. */
  readonly totals = { requests: 0, rateLimited: 0, retries: 0 };

  constructor(private readonly options: TidalHttpOptions) {
    const base = new URL(options.apiUrl);
    this.origin = base.origin;
    this.basePath = base.pathname.replace(/\/+$/, '');
    this.clock = options.clock ?? systemClock;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.cache = options.cache ?? new ResponseCache();
    this.limiter = new RateLimiter(options.requestsPerSecond, undefined, this.clock);
    const timeout = options.timeoutMs ?? 15_000;
    this.ownsDispatcher = options.dispatcher === undefined;
    this.dispatcher =
      options.dispatcher ??
      new Agent({
        keepAliveTimeout: 30_000,
        keepAliveMaxTimeout: 120_000,
        headersTimeout: timeout,
        bodyTimeout: timeout,
        connect: { timeout: 10_000 },
      });
  }

  /** GET a path (relative to the API base, query included), through the cache. */
  async get<T>(pathAndQuery: string, options: GetOptions): Promise<T> {
    const scope = await options.auth.cacheScope();
    const key = ResponseCache.key(scope, pathAndQuery);
    const { value, cached } = await this.cache.getOrLoad<T>(key, options.ttlMs, async () => {
      const result = await this.exchange<T>('GET', pathAndQuery, undefined, {
        ...options,
        retryable: true,
      });
      return { value: result.body as T, size: result.size };
    });
    if (cached) {
      const stats = currentCallStats();
      if (stats) stats.cacheHits++;
    }
    return value;
  }

  /** POST/PATCH/DELETE with a JSON:API body. Retried only when an idempotency key is given. */
  async send<T>(
    method: Exclude<Method, 'GET'>,
    path: string,
    body: unknown,
    options: SendOptions,
  ): Promise<SendResult<T>> {
    const result = await this.exchange<T>(method, path, body, {
      ...options,
      retryable: options.idempotencyKey !== undefined,
    });
    return { status: result.status, body: result.body };
  }

  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.close();
  }

  // eslint-disable-next-line max-lines-per-function -- being split on its reliability branch (issue 16)
  private async exchange<T>(
    method: Method,
    pathAndQuery: string,
    body: unknown,
    options: (GetOptions | SendOptions) & { retryable: boolean },
  ): Promise<{ status: number; body: T | undefined; size: number }> {
    const stats = currentCallStats();
    const started = this.clock.now();
    let reauthenticated = false;
    let waitedMs = 0;
    for (let attempt = 0; ; attempt++) {
      const throttleStart = this.clock.now();
      await this.limiter.acquire(options.signal);
      if (stats) stats.throttledMs += this.clock.now() - throttleStart;
      const token = await options.auth.getToken(options.signal);
      let response: { status: number; headers: HeaderBag; text: string };
      const sentAt = this.clock.now();
      try {
        response = await this.once(method, pathAndQuery, body, token, options);
      } catch (error) {
        if (stats) stats.upstreamMs += this.clock.now() - sentAt;
        const code = errorCode(error);
        if (options.signal?.aborted || code === undefined || !RETRYABLE_NETWORK_CODES.has(code)) {
          if (options.signal?.aborted) throw error;
          throw new NetworkError(
            `could not reach TIDAL for ${options.what} (${code ?? 'error'})`,
            undefined,
            {
              cause: error,
            },
          );
        }
        const delay = backoffMs(attempt, this.policy);
        if (
          !options.retryable ||
          attempt >= this.policy.maxRetries ||
          waitedMs + delay > this.policy.maxTotalWaitMs
        ) {
          throw new NetworkError(
            `could not reach TIDAL for ${options.what} after ${attempt + 1} attempt(s) (${code})`,
          );
        }
        waitedMs += delay;
        this.noteRetry(
          stats,
          `${method} ${options.what}: ${code}, retrying in ${Math.round(delay)} ms`,
        );
        await this.clock.sleep(delay, options.signal);
        continue;
      } finally {
        this.totals.requests++;
        if (stats) stats.upstreamRequests++;
      }
      if (stats) stats.upstreamMs += this.clock.now() - sentAt;

      const hint = rateLimitHintMs(response.headers);
      if (response.headers['x-ratelimit-remaining'] === '0' && hint !== undefined) {
        this.limiter.pauseFor(hint);
      }
      const parsed = parseBody(response.text);
      if (response.status >= 200 && response.status < 300) {
        this.options.onDebug?.(
          `${method} ${pathAndQuery} -> ${response.status} in ${this.clock.now() - started} ms`,
        );
        return {
          status: response.status,
          body: parsed as T | undefined,
          size: response.text.length,
        };
      }
      if (response.status === 401 && !reauthenticated) {
        // One re-authentication per call: a second 401 is a real auth failure, not an expiry.
        reauthenticated = true;
        options.auth.invalidate(token);
        attempt--;
        continue;
      }
      if (response.status === 429) this.totals.rateLimited++;
      if (!isRetryableStatus(response.status)) {
        throw errorFromResponse(response.status, parsed, options.what);
      }
      const delay =
        response.status === 429
          ? rateLimitDelayMs(response.headers, attempt, this.policy, this.clock.now())
          : backoffMs(attempt, this.policy);
      const exhausted =
        !options.retryable ||
        attempt >= this.policy.maxRetries ||
        waitedMs + delay > this.policy.maxTotalWaitMs;
      if (exhausted) throw this.finalError(response.status, parsed, options.what, delay);
      if (response.status === 429) this.limiter.pauseFor(delay);
      waitedMs += delay;
      this.noteRetry(
        stats,
        `${method} ${options.what}: HTTP ${response.status}, retrying in ${Math.round(delay)} ms`,
      );
      await this.clock.sleep(delay, options.signal);
    }
  }

  private finalError(status: number, body: unknown, what: string, delayMs: number): TidalError {
    if (status === 429) return new RateLimitedError(Math.max(1, Math.ceil(delayMs / 1000)));
    return errorFromResponse(status, body, what);
  }

  private noteRetry(stats: ReturnType<typeof currentCallStats>, message: string): void {
    this.totals.retries++;
    if (stats) stats.retries++;
    this.options.onDebug?.(message);
  }

  private async once(
    method: Method,
    pathAndQuery: string,
    body: unknown,
    token: string,
    options: GetOptions | SendOptions,
  ): Promise<{ status: number; headers: HeaderBag; text: string }> {
    const headers: Record<string, string> = {
      accept: JSON_API,
      authorization: `Bearer ${token}`,
      'user-agent': this.options.userAgent,
    };
    if (body !== undefined) headers['content-type'] = JSON_API;
    const key = (options as SendOptions).idempotencyKey;
    if (key !== undefined) headers['idempotency-key'] = key;
    const response = await request(`${this.origin}${this.basePath}${pathAndQuery}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      dispatcher: this.dispatcher,
      signal: options.signal,
    });
    const text = await response.body.text();
    return { status: response.statusCode, headers: response.headers, text };
  }
}

function parseBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
