/**
 * POSTs to TIDAL's OAuth token endpoint (client credentials now; authorization code and refresh
 * for user logins). Errors carry TIDAL's `error` code and description, never the form we sent:
 * that form holds the client secret, codes and verifiers.
 *
 * Retries and time limits are the API client's: the same RetryPolicy (5xx, 429 and network
 * failures, bounded by maxRetries) and the same per-call budget, so a hanging token endpoint is
 * reported before an MCP client gives up, like a hanging API.
 */
import { type Dispatcher, request } from 'undici';

import { readBody } from '../tidal/body.js';
import { type CallBudget, withBudget } from '../tidal/budget.js';
import { type Clock, systemClock } from '../tidal/clock.js';
import {
  AuthError,
  InvalidResponseError,
  NetworkError,
  RateLimitedError,
  UpstreamError,
} from '../tidal/errors.js';
import {
  type Attempt,
  backoffMs,
  DEFAULT_RETRY_POLICY,
  errorCode,
  isRetryableNetworkError,
  rateLimitWait,
  retrying,
  type RetryPolicy,
} from '../tidal/retry.js';

export interface TokenResponse {
  access_token: string;
  token_type?: string;
  expires_in?: number;
  refresh_token?: string;
  scope?: string;
  user_id?: number | string;
}

export class TokenEndpointError extends AuthError {
  override name = 'TokenEndpointError';
  constructor(
    message: string,
    status: number,
    /** OAuth error code, e.g. invalid_client or invalid_grant. */
    readonly error: string | undefined,
  ) {
    super(message, status);
  }
}

export interface TokenEndpointOptions {
  tokenUrl: string;
  userAgent: string;
  dispatcher?: Dispatcher;
  clock?: Clock;
  /** The API client's policy (app.ts passes the same object to both). */
  retry?: Partial<RetryPolicy>;
}

/** Per attempt, to response headers and between body chunks. */
const ATTEMPT_TIMEOUT_MS = 15_000;
const WHAT = 'the token request';

export async function postTokenForm(
  form: Record<string, string | undefined>,
  options: TokenEndpointOptions,
  signal?: AbortSignal,
): Promise<TokenResponse> {
  const clock = options.clock ?? systemClock;
  const policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) if (value !== undefined) body.set(key, value);
  const timedOut = 'the TIDAL token endpoint did not answer in time';
  return withBudget(clock, policy.budgetMs, signal, timedOut, (budget) =>
    retrying(
      (n) => attempt(body.toString(), options, policy, budget, n),
      policy,
      budget,
      clock,
      () => undefined,
    ),
  );
}

async function attempt(
  form: string,
  options: TokenEndpointOptions,
  policy: RetryPolicy,
  budget: CallBudget,
  n: number,
): Promise<Attempt<TokenResponse>> {
  let status: number;
  let text: string;
  let headers: Record<string, string | string[] | undefined>;
  try {
    const response = await request(options.tokenUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded; charset=UTF-8',
        accept: 'application/json',
        'user-agent': options.userAgent,
      },
      body: form,
      dispatcher: options.dispatcher,
      signal: budget.signal,
      headersTimeout: ATTEMPT_TIMEOUT_MS,
      bodyTimeout: ATTEMPT_TIMEOUT_MS,
    });
    ({ statusCode: status, headers } = response);
    ({ text } = await readBody(response.body, headers, WHAT, status));
  } catch (error) {
    if (budget.signal.aborted || error instanceof InvalidResponseError) throw error;
    const failure = new NetworkError(
      `could not reach the TIDAL token endpoint (${errorCode(error) ?? 'error'})`,
    );
    if (!isRetryableNetworkError(error)) throw failure;
    return { ok: false, error: failure, retryInMs: backoffMs(n, policy), why: 'token endpoint' };
  }
  const why = `token endpoint: HTTP ${status}`;
  if (status === 429) {
    const wait = rateLimitWait(headers, n, policy, (options.clock ?? systemClock).now());
    return {
      ok: false,
      error: new RateLimitedError(wait.ms, wait.source),
      retryInMs: wait.ms,
      why,
    };
  }
  if (status >= 500) {
    const error = new UpstreamError(`the TIDAL token endpoint failed (HTTP ${status})`, status);
    return { ok: false, error, retryInMs: backoffMs(n, policy), why };
  }
  return { ok: true, value: tokenOrError(status, text) };
}

function tokenOrError(status: number, text: string): TokenResponse {
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // Not JSON: handled below by status.
  }
  if (status >= 200 && status < 300) {
    if (typeof json.access_token === 'string') return json as unknown as TokenResponse;
    // An authorization code is single use: a broken answer is reported, never retried.
    throw InvalidResponseError.for(WHAT, status, 'no access_token in the answer');
  }
  const oauthError = typeof json.error === 'string' ? json.error : undefined;
  const description =
    typeof json.error_description === 'string' ? `: ${json.error_description.slice(0, 200)}` : '';
  throw new TokenEndpointError(
    `the TIDAL token endpoint refused the request (HTTP ${status}${oauthError ? `, ${oauthError}` : ''})${description}`,
    status,
    oauthError,
  );
}
