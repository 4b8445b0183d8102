/**
 * The UserSession backed by a TokenStore. Logged in means: stored credentials exist, were issued
 * to this TIDAL_CLIENT_ID, and are either unexpired or refreshable. The access token is refreshed
 * a minute before expiry and after a 401, one refresh at a time, and written back to the store.
 * A rejected refresh or a missing refresh token ends in LoginRequiredError, never a loop.
 *
 * Concurrent callers share the refresh; each stops waiting when its own signal aborts. The
 * refresh itself is never cancelled by callers (only by its own call budget): TIDAL may rotate
 * the refresh token, and a refresh cut off before the store is written would lose the login.
 */
import { type Clock, systemClock } from '../tidal/clock.js';
import { SharedRequest } from '../tidal/shared-request.js';
import type { TokenProvider } from '../tidal/token-provider.js';
import type { StoredUserCredentials, TokenStore } from './credentials.js';
import { postTokenForm, TokenEndpointError, type TokenEndpointOptions } from './token-endpoint.js';
import { LoginRequiredError, type UserAccess, type UserSession } from './user-session.js';

const EXPIRY_MARGIN_MS = 60_000;

export interface StoredSessionOptions {
  store: TokenStore;
  clientId: string | undefined;
  clientSecret: string | undefined;
  endpoint: TokenEndpointOptions;
  defaultCountry: string;
  clock?: Clock;
}

export class StoredUserSession implements UserSession, TokenProvider {
  private credentials: StoredUserCredentials | undefined;
  private refreshing: SharedRequest<string> | undefined;
  /** The token TIDAL rejected with a 401; the next getToken() must not hand it out again. */
  private rejected: string | undefined;
  /** A refresh token TIDAL refused (4xx): never sent again, so a dead login cannot loop. */
  private deadRefreshToken: string | undefined;
  private readonly clock: Clock;

  constructor(private readonly options: StoredSessionOptions) {
    this.clock = options.clock ?? systemClock;
  }

  async access(): Promise<UserAccess> {
    const credentials = await this.current();
    return {
      tokens: this,
      userId: credentials.userId,
      country: credentials.country ?? this.options.defaultCountry,
      scopes: credentials.scopes,
    };
  }

  cacheScope(): Promise<string> {
    return this.current().then((c) => `user:${c.userId}`);
  }

  async getToken(signal?: AbortSignal): Promise<string> {
    const credentials = await this.current();
    const fresh = credentials.expiresAt - EXPIRY_MARGIN_MS > this.clock.now();
    if (fresh && credentials.accessToken !== this.rejected) return credentials.accessToken;
    if (!this.refreshing) {
      const shared = new SharedRequest(() => this.refresh(credentials), { keepRunning: true });
      this.refreshing = shared;
      void shared.settled.then(() => {
        if (this.refreshing === shared) this.refreshing = undefined;
      });
    }
    return this.refreshing.join(signal);
  }

  invalidate(token: string): void {
    this.rejected = token;
  }

  /** A login or logout in this process changed the store: read it again on the next call. */
  forget(): void {
    this.credentials = undefined;
    this.rejected = undefined;
    this.deadRefreshToken = undefined;
  }

  /** Credentials from memory or the store, or LoginRequiredError. */
  private async current(): Promise<StoredUserCredentials> {
    this.credentials ??= await this.options.store.load();
    const credentials = this.credentials;
    if (!credentials) throw new LoginRequiredError('Not logged in to TIDAL');
    if (credentials.clientId !== this.options.clientId) {
      throw new LoginRequiredError('The stored TIDAL login belongs to another TIDAL_CLIENT_ID');
    }
    // Expired with nothing to renew it: say so up front instead of sending a dead token.
    if (credentials.expiresAt <= this.clock.now() && !this.renewable(credentials)) {
      // Forget the memo so a `tidal-mcp login` in another process is picked up next time.
      this.credentials = undefined;
      throw new LoginRequiredError(
        credentials.refreshToken
          ? 'Your TIDAL login has expired and could not be renewed'
          : 'Your TIDAL login has expired (TIDAL issued no refresh token)',
      );
    }
    return credentials;
  }

  private renewable(credentials: StoredUserCredentials): boolean {
    return (
      credentials.refreshToken !== undefined && credentials.refreshToken !== this.deadRefreshToken
    );
  }

  private async refresh(credentials: StoredUserCredentials): Promise<string> {
    // `tidal-mcp login` may have run in another process since we loaded: prefer its tokens.
    const latest = await this.options.store.load().catch(() => undefined);
    if (
      latest &&
      latest.clientId === this.options.clientId &&
      latest.accessToken !== credentials.accessToken &&
      latest.expiresAt - EXPIRY_MARGIN_MS > this.clock.now()
    ) {
      this.credentials = latest;
      this.rejected = undefined;
      return latest.accessToken;
    }
    const expired = credentials.expiresAt <= this.clock.now();
    if (!credentials.refreshToken || !this.renewable(credentials)) {
      // TIDAL may issue no refresh token: use the access token until it really expires.
      if (!expired && credentials.accessToken !== this.rejected) return credentials.accessToken;
      throw new LoginRequiredError(
        credentials.refreshToken
          ? 'Your TIDAL login has expired and could not be renewed'
          : 'Your TIDAL login has expired (TIDAL issued no refresh token)',
      );
    }
    try {
      const response = await postTokenForm(
        {
          grant_type: 'refresh_token',
          refresh_token: credentials.refreshToken,
          client_id: this.options.clientId,
          client_secret: this.options.clientSecret,
          scope: credentials.scopes.join(' '),
        },
        this.options.endpoint,
      );
      const updated: StoredUserCredentials = {
        ...credentials,
        accessToken: response.access_token,
        refreshToken: response.refresh_token ?? credentials.refreshToken,
        expiresAt: this.clock.now() + (response.expires_in ?? 3600) * 1000,
        ...(response.scope !== undefined &&
          response.scope !== '' && { scopes: response.scope.split(' ') }),
      };
      await this.options.store.save(updated);
      this.credentials = updated;
      this.rejected = undefined;
      return updated.accessToken;
    } catch (error) {
      if (error instanceof TokenEndpointError && error.status !== undefined && error.status < 500) {
        this.deadRefreshToken = credentials.refreshToken;
        throw new LoginRequiredError('Your TIDAL login has expired and could not be renewed');
      }
      throw error;
    }
  }
}
