/**
 * The user-login half of the fake's auth server: GET /authorize (an auto-approving user, as if
 * DEFAULT_USER had clicked "Allow"), and the authorization_code (+PKCE S256) and refresh_token
 * grants. Codes are single-use, short-lived and bound to client, redirect URI and verifier.
 */
import { createHash, randomBytes } from 'node:crypto';

import type { FakeUser } from '../users.js';
import { authenticateClient, type GrantHandler, TokenError } from './token-endpoint.js';

export interface UserLoginOptions {
  /** Who /authorize logs in. */
  user: FakeUser;
  /** Lifetime of user access tokens (TIDAL gives third-party apps 4 h). */
  userTokenTtlSeconds: number;
  /** TIDAL has been seen issuing no refresh token to third-party apps. Default true. */
  issueRefreshTokens: boolean;
  /** Make every refresh fail with invalid_grant. */
  rejectRefresh: boolean;
  /** Scopes the "user" does not grant even when asked (a dashboard without them enabled). */
  withheldScopes?: readonly string[];
}

interface PendingCode {
  clientId: string;
  redirectUri: string;
  challenge: string;
  scopes: string[];
  user: FakeUser;
  expiresAt: number;
}

interface RefreshRecord {
  clientId: string;
  scopes: string[];
  user: FakeUser;
}

const KNOWN_SCOPES = new Set([
  'user.read',
  'playlists.read',
  'playlists.write',
  'search.read',
  'search.write',
  'collection.read',
  'collection.write',
  'recommendations.read',
  'entitlements.read',
  'playback',
]);

export class UserLogin {
  private readonly codes = new Map<string, PendingCode>();
  private readonly refreshTokens = new Map<string, RefreshRecord>();
  refreshCount = 0;
  /**
   * The secrets of the last authorization_code exchange, so tests can assert that the CLI never
   * prints the code or the PKCE verifier (they are random, so only the fake knows them).
   */
  lastExchange: { code: string; verifier: string } | undefined;

  constructor(
    readonly options: UserLoginOptions,
    private readonly clientId: string,
  ) {}

  /** GET /authorize: returns where to redirect the browser (success or OAuth error). */
  authorize(query: URLSearchParams): { status: number; location?: string; body?: unknown } {
    const redirectUri = query.get('redirect_uri');
    if (query.get('client_id') !== this.clientId) {
      return { status: 400, body: { error: 'invalid_client', sub_status: 1005 } };
    }
    if (!redirectUri || !/^http:\/\/(127\.0\.0\.1|localhost|\[::1\]):\d+\//.test(redirectUri)) {
      return {
        status: 400,
        body: {
          error: 'invalid_request',
          error_description: 'Invalid redirect URI',
          sub_status: 1002,
        },
      };
    }
    const back = new URL(redirectUri);
    const state = query.get('state');
    if (state !== null) back.searchParams.set('state', state);
    const fail = (error: string, description: string) => {
      back.searchParams.set('error', error);
      back.searchParams.set('error_description', description);
      return { status: 302, location: back.toString() };
    };
    if (query.get('response_type') !== 'code')
      return fail('unsupported_response_type', 'response_type must be code');
    if (query.get('code_challenge_method') !== 'S256' || !query.get('code_challenge')) {
      return fail('invalid_request', 'PKCE with S256 is required');
    }
    const scopes = (query.get('scope') ?? '').split(' ').filter(Boolean);
    const unknown = scopes.filter((s) => !KNOWN_SCOPES.has(s));
    if (unknown.length > 0) return fail('invalid_scope', `unknown scope ${unknown.join(' ')}`);
    const withheld = new Set(this.options.withheldScopes ?? []);
    const granted = scopes.filter((s) => !withheld.has(s));
    const code = randomBytes(18).toString('base64url');
    this.codes.set(code, {
      clientId: this.clientId,
      redirectUri,
      challenge: query.get('code_challenge') ?? '',
      scopes: granted,
      user: this.options.user,
      expiresAt: Date.now() + 60_000,
    });
    back.searchParams.set('code', code);
    return { status: 302, location: back.toString() };
  }

  readonly authorizationCodeGrant: GrantHandler = (req, ctx) => {
    authenticateClient(req, ctx, false);
    const code = req.form.get('code') ?? '';
    const pending = this.codes.get(code);
    this.codes.delete(code); // single use, even when the exchange fails
    if (!pending || pending.expiresAt < Date.now()) {
      throw new TokenError(
        400,
        'invalid_grant',
        'The authorization code is invalid or expired',
        11101,
      );
    }
    if (req.form.get('redirect_uri') !== pending.redirectUri) {
      throw new TokenError(400, 'invalid_grant', 'redirect_uri does not match', 1002);
    }
    const verifier = req.form.get('code_verifier') ?? '';
    this.lastExchange = { code, verifier };
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    if (verifier.length < 43 || challenge !== pending.challenge) {
      throw new TokenError(400, 'invalid_grant', 'PKCE verification failed', 11102);
    }
    return this.issue(ctx, {
      clientId: pending.clientId,
      scopes: pending.scopes,
      user: pending.user,
    });
  };

  readonly refreshTokenGrant: GrantHandler = (req, ctx) => {
    authenticateClient(req, ctx, false);
    this.refreshCount++;
    const record = this.refreshTokens.get(req.form.get('refresh_token') ?? '');
    if (!record || this.options.rejectRefresh) {
      throw new TokenError(400, 'invalid_grant', 'The refresh token is invalid or revoked', 11003);
    }
    // Like TIDAL: a refresh returns a new access token and no new refresh token.
    return this.issue(ctx, record, false);
  };

  private issue(
    ctx: Parameters<GrantHandler>[1],
    grant: RefreshRecord,
    withRefresh = this.options.issueRefreshTokens,
  ) {
    const ttl = this.options.userTokenTtlSeconds;
    const record = ctx.registry.issue({
      kind: 'user',
      clientId: grant.clientId,
      ttlSeconds: ttl,
      scopes: grant.scopes,
      userId: grant.user.id,
      country: grant.user.country,
    });
    const body: Record<string, unknown> = {
      access_token: record.accessToken,
      token_type: 'Bearer',
      expires_in: ttl,
      scope: grant.scopes.join(' '),
      user_id: Number(grant.user.id),
    };
    if (withRefresh) {
      const refresh = randomBytes(24).toString('base64url');
      this.refreshTokens.set(refresh, grant);
      body.refresh_token = refresh;
    }
    return { status: 200, body };
  }
}
