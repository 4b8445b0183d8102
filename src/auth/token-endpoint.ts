/**
 * POSTs to TIDAL's OAuth token endpoint (client credentials now; authorization code and refresh
 * for user logins). Errors carry TIDAL's `error` code and description, never the form we sent:
 * that form holds the client secret, codes and verifiers.
 */
import { request, type Dispatcher } from 'undici';
import { systemClock, type Clock } from '../tidal/clock.js';
import { AuthError, NetworkError, UpstreamError } from '../tidal/errors.js';

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
  /** Retries for 5xx and network failures (the token endpoint is idempotent for our grants). */
  maxRetries?: number;
}

// eslint-disable-next-line max-lines-per-function -- being split on its reliability branch (issue 16)
export async function postTokenForm(
  form: Record<string, string | undefined>,
  options: TokenEndpointOptions,
  signal?: AbortSignal,
): Promise<TokenResponse> {
  const clock = options.clock ?? systemClock;
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) if (value !== undefined) body.set(key, value);
  const maxRetries = options.maxRetries ?? 2;
  for (let attempt = 0; ; attempt++) {
    let status: number;
    let text: string;
    try {
      const response = await request(options.tokenUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded; charset=UTF-8',
          accept: 'application/json',
          'user-agent': options.userAgent,
        },
        body: body.toString(),
        dispatcher: options.dispatcher,
        signal,
        headersTimeout: 15_000,
        bodyTimeout: 15_000,
      });
      status = response.statusCode;
      text = await response.body.text();
    } catch (error) {
      if (signal?.aborted) throw error;
      if (attempt < maxRetries) {
        await clock.sleep(500 * 2 ** attempt, signal);
        continue;
      }
      const code = (error as { code?: string }).code ?? 'error';
      throw new NetworkError(`could not reach the TIDAL token endpoint (${code})`);
    }
    if (status >= 500 && attempt < maxRetries) {
      await clock.sleep(500 * 2 ** attempt, signal);
      continue;
    }
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // Not JSON: handled below by status.
    }
    if (status >= 200 && status < 300 && typeof json.access_token === 'string') {
      return json as unknown as TokenResponse;
    }
    if (status >= 500) {
      throw new UpstreamError(`the TIDAL token endpoint failed (HTTP ${status})`, status);
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
}
