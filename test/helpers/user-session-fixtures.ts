/**
 * Shared fixtures for StoredUserSession tests: an in-memory TokenStore that counts saves, real
 * user tokens minted through the fake's /authorize + authorization_code grant (so refresh tokens
 * are ones the fake will honour), and a session wired to the fake's token endpoint.
 */
import { createHash } from 'node:crypto';

import type { StoredUserCredentials, TokenStore } from '../../src/auth/credentials.js';
import { StoredUserSession } from '../../src/auth/stored-session.js';
import type { FakeTidal } from '../fake-tidal/index.js';
import { DEFAULT_USER } from '../fake-tidal/index.js';
import type { FakeClock } from '../unit/fake-clock.js';

export class MemoryStore implements TokenStore {
  saves = 0;
  constructor(public value: StoredUserCredentials | undefined) {}
  describe() {
    return 'memory';
  }
  load() {
    return Promise.resolve(this.value && { ...this.value });
  }
  save(c: StoredUserCredentials) {
    this.saves++;
    this.value = { ...c };
    return Promise.resolve();
  }
  remove() {
    const had = this.value !== undefined;
    this.value = undefined;
    return Promise.resolve(had);
  }
}

/** Real tokens from the fake's login grants, stored as `tidal-mcp login` would. */
export async function loggedIn(fake: FakeTidal, clock: FakeClock): Promise<StoredUserCredentials> {
  const verifier = 'v'.repeat(64);
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const redirect = 'http://127.0.0.1:1/callback';
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: fake.clientId,
    redirect_uri: redirect,
    scope: 'user.read playlists.read playlists.write',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: 's',
  });
  const authorize = await fetch(`${fake.authorizeUrl}?${query.toString()}`, {
    redirect: 'manual',
  });
  const code = new URL(authorize.headers.get('location')!).searchParams.get('code')!;
  const response = await fetch(fake.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      redirect_uri: redirect,
      client_id: fake.clientId,
    }),
  });
  const token = (await response.json()) as {
    access_token: string;
    refresh_token?: string;
    expires_in: number;
  };
  return {
    version: 1,
    clientId: fake.clientId,
    userId: DEFAULT_USER.id,
    accessToken: token.access_token,
    ...(token.refresh_token && { refreshToken: token.refresh_token }),
    expiresAt: clock.now() + token.expires_in * 1000,
    scopes: ['user.read', 'playlists.read', 'playlists.write'],
    country: 'NO',
    obtainedAt: clock.now(),
  };
}

export function sessionFor(
  fake: FakeTidal,
  store: TokenStore,
  clock: FakeClock,
  clientId = fake.clientId,
): StoredUserSession {
  return new StoredUserSession({
    store,
    clientId,
    clientSecret: fake.clientSecret,
    endpoint: { tokenUrl: fake.tokenUrl, userAgent: 't', clock },
    defaultCountry: 'US',
    clock,
  });
}
