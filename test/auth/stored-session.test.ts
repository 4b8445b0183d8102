/**
 * StoredUserSession against the fake TIDAL's token endpoint: refresh before expiry and after a
 * 401, single-flight, written back to the store; the dead ends end in LoginRequiredError.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredUserCredentials, TokenStore } from '../../src/auth/credentials.js';
import { StoredUserSession } from '../../src/auth/stored-session.js';
import { LoginRequiredError } from '../../src/auth/user-session.js';
import { startFakeTidal, type FakeTidal } from '../fake-tidal/index.js';
import { FakeClock } from '../unit/fake-clock.js';

class MemoryStore implements TokenStore {
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

describe('StoredUserSession', () => {
  let fake: FakeTidal;
  beforeAll(async () => {
    fake = await startFakeTidal();
  });
  afterAll(() => fake.close());

  /** Real tokens from the fake's login grants, stored as `tidal-mcp login` would. */
  async function loggedIn(clock: FakeClock): Promise<StoredUserCredentials> {
    const verifier = 'v'.repeat(64);
    const { createHash } = await import('node:crypto');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const redirect = 'http://127.0.0.1:1/callback';
    const authorize = await fetch(
      `${fake.authorizeUrl}?${new URLSearchParams({ response_type: 'code', client_id: fake.clientId, redirect_uri: redirect, scope: 'user.read playlists.read playlists.write', code_challenge: challenge, code_challenge_method: 'S256', state: 's' }).toString()}`,
      { redirect: 'manual' },
    );
    const code = new URL(authorize.headers.get('location')!).searchParams.get('code')!;
    const token = (await (
      await fetch(fake.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code,
          code_verifier: verifier,
          redirect_uri: redirect,
          client_id: fake.clientId,
        }),
      })
    ).json()) as { access_token: string; refresh_token?: string; expires_in: number };
    return {
      version: 1,
      clientId: fake.clientId,
      userId: '4242',
      accessToken: token.access_token,
      ...(token.refresh_token && { refreshToken: token.refresh_token }),
      expiresAt: clock.now() + token.expires_in * 1000,
      scopes: ['user.read', 'playlists.read', 'playlists.write'],
      country: 'NO',
      obtainedAt: clock.now(),
    };
  }

  function session(store: TokenStore, clock: FakeClock, clientId = fake.clientId) {
    return new StoredUserSession({
      store,
      clientId,
      clientSecret: fake.clientSecret,
      endpoint: { tokenUrl: fake.tokenUrl, userAgent: 't', clock },
      defaultCountry: 'US',
      clock,
    });
  }

  it('hands out the stored token and the user context while it is fresh', async () => {
    const clock = new FakeClock(Date.now());
    const stored = await loggedIn(clock);
    const s = session(new MemoryStore(stored), clock);
    const access = await s.access();
    expect(access).toMatchObject({ userId: '4242', country: 'NO', scopes: stored.scopes });
    await expect(access.tokens.getToken()).resolves.toBe(stored.accessToken);
    await expect(access.tokens.cacheScope()).resolves.toBe('user:4242');
  });

  it('refreshes once, for concurrent callers, shortly before expiry and writes back to the store', async () => {
    const clock = new FakeClock(Date.now());
    const stored = await loggedIn(clock);
    const store = new MemoryStore(stored);
    const s = session(store, clock);
    clock.advance(14_400_000 - 30_000);
    const before = fake.userLogin.refreshCount;
    const tokens = await Promise.all([s.getToken(), s.getToken(), s.getToken()]);
    expect(new Set(tokens).size).toBe(1);
    expect(tokens[0]).not.toBe(stored.accessToken);
    expect(fake.userLogin.refreshCount).toBe(before + 1);
    expect(store.saves).toBe(1);
    expect(store.value).toMatchObject({
      accessToken: tokens[0],
      refreshToken: stored.refreshToken,
    });
  });

  it('refreshes exactly once after a 401, then fails instead of looping', async () => {
    const clock = new FakeClock(Date.now());
    const store = new MemoryStore(await loggedIn(clock));
    const s = session(store, clock);
    const first = await s.getToken();
    s.invalidate(first);
    const second = await s.getToken();
    expect(second).not.toBe(first);
    fake.userLogin.options.rejectRefresh = true;
    try {
      s.invalidate(second);
      await expect(s.getToken()).rejects.toThrow(
        'Your TIDAL login has expired and could not be renewed. Run `tidal-mcp login`',
      );
    } finally {
      fake.userLogin.options.rejectRefresh = false;
    }
  });

  it('uses a token without refresh token until it expires, then asks for a new login', async () => {
    const clock = new FakeClock(Date.now());
    const noRefresh = await loggedIn(clock);
    delete noRefresh.refreshToken;
    const s = session(new MemoryStore(noRefresh), clock);
    await expect(s.getToken()).resolves.toBe(noRefresh.accessToken);
    clock.advance(14_400_000 - 30_000);
    // Inside the refresh margin but not expired: still usable, nothing to refresh with.
    await expect(s.getToken()).resolves.toBe(noRefresh.accessToken);
    clock.advance(60_000);
    const error = await s.getToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoginRequiredError);
    expect((error as Error).message).toBe(
      'Your TIDAL login has expired (TIDAL issued no refresh token). Run `tidal-mcp login` in a terminal, then try again.',
    );
  });

  it('is not logged in without credentials or with another app’s credentials', async () => {
    const clock = new FakeClock(Date.now());
    await expect(session(new MemoryStore(undefined), clock).access()).rejects.toThrow(
      'Not logged in to TIDAL. Run `tidal-mcp login`',
    );
    await expect(
      session(new MemoryStore(await loggedIn(clock)), clock, 'another-app').access(),
    ).rejects.toThrow('The stored TIDAL login belongs to another TIDAL_CLIENT_ID');
  });

  it('picks up a login made by another process after the first check', async () => {
    const clock = new FakeClock(Date.now());
    const store = new MemoryStore(undefined);
    const s = session(store, clock);
    await expect(s.access()).rejects.toBeInstanceOf(LoginRequiredError);
    store.value = await loggedIn(clock);
    await expect(s.access()).resolves.toMatchObject({ userId: '4242' });
  });
});
