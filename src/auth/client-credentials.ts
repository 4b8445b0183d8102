/**
 * The app's own client-credentials token for catalog reads. Held in memory only, reused until
 * a minute before expiry; concurrent callers share one token request (a SharedRequest: a caller
 * that hangs up stops waiting without failing the others, and the request is cancelled only
 * when all have hung up); after a 401 the next caller fetches a new one (the retry itself is
 * bounded by src/tidal/http.ts).
 */
import { type Clock, systemClock } from '../tidal/clock.js';
import { AuthError, CredentialsMissingError } from '../tidal/errors.js';
import { abortReason, SharedRequest } from '../tidal/shared-request.js';
import type { TokenProvider } from '../tidal/token-provider.js';
import { postTokenForm, TokenEndpointError, type TokenEndpointOptions } from './token-endpoint.js';

const EXPIRY_MARGIN_MS = 60_000;

export interface ClientCredentials {
  clientId: string | undefined;
  clientSecret: string | undefined;
}

export class ClientCredentialsProvider implements TokenProvider {
  private token: { value: string; expiresAt: number } | undefined;
  private pending: SharedRequest<string> | undefined;
  private readonly clock: Clock;

  constructor(
    private readonly credentials: ClientCredentials,
    private readonly endpoint: TokenEndpointOptions,
  ) {
    this.clock = endpoint.clock ?? systemClock;
  }

  cacheScope(): Promise<string> {
    return Promise.resolve('client');
  }

  /** The environment variables that still need setting, in the order the README lists them. */
  missing(): string[] {
    const missing: string[] = [];
    if (!this.credentials.clientId) missing.push('TIDAL_CLIENT_ID');
    if (!this.credentials.clientSecret) missing.push('TIDAL_CLIENT_SECRET');
    return missing;
  }

  getToken(signal?: AbortSignal): Promise<string> {
    if (this.token && this.token.expiresAt - EXPIRY_MARGIN_MS > this.clock.now()) {
      return Promise.resolve(this.token.value);
    }
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (!this.pending || this.pending.abandoned) {
      const shared = new SharedRequest((sharedSignal) => this.fetchToken(sharedSignal));
      this.pending = shared;
      void shared.settled.then(() => {
        if (this.pending === shared) this.pending = undefined;
      });
    }
    return this.pending.join(signal);
  }

  invalidate(token: string): void {
    if (this.token?.value === token) this.token = undefined;
  }

  private async fetchToken(signal: AbortSignal): Promise<string> {
    const missing = this.missing();
    if (missing.length > 0) throw new CredentialsMissingError(missing);
    try {
      const response = await postTokenForm(
        {
          grant_type: 'client_credentials',
          client_id: this.credentials.clientId,
          client_secret: this.credentials.clientSecret,
        },
        this.endpoint,
        signal,
      );
      const lifetimeMs = (response.expires_in ?? 3600) * 1000;
      this.token = { value: response.access_token, expiresAt: this.clock.now() + lifetimeMs };
      return response.access_token;
    } catch (error) {
      if (error instanceof TokenEndpointError && (error.status === 400 || error.status === 401)) {
        throw new AuthError(
          `TIDAL rejected the app credentials (${error.error ?? `HTTP ${error.status}`}): check TIDAL_CLIENT_ID and TIDAL_CLIENT_SECRET`,
          error.status,
        );
      }
      throw error;
    }
  }
}
