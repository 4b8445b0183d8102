/**
 * StoredUserSession against the fake TIDAL's token endpoint: refresh before expiry and after a
 * 401, single-flight, written back to the store; the dead ends end in LoginRequiredError.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { StoredUserCredentials, TokenStore } from '../../src/auth/credentials.js';
import { LoginRequiredError } from '../../src/auth/user-session.js';
import { type FakeTidal, startFakeTidal } from '../fake-tidal/index.js';
import { loggedIn as mint, MemoryStore, sessionFor } from '../helpers/user-session-fixtures.js';
import { FakeClock } from '../unit/fake-clock.js';

describe('StoredUserSession', () => {
  let fake: FakeTidal;
  beforeAll(async () => {
    fake = await startFakeTidal();
  });
  afterAll(() => fake.close());

  const loggedIn = (clock: FakeClock): Promise<StoredUserCredentials> => mint(fake, clock);
  const session = (store: TokenStore, clock: FakeClock, clientId = fake.clientId) =>
    sessionFor(fake, store, clock, clientId);

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
        'Your TIDAL login has expired and could not be renewed. Log in with the account tool',
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
      'Your TIDAL login has expired (TIDAL issued no refresh token). Log in with the account tool (action "login") or run `tidal-mcp login` in a terminal, then try again.',
    );
  });

  it('is not logged in without credentials or with another app’s credentials', async () => {
    const clock = new FakeClock(Date.now());
    await expect(session(new MemoryStore(undefined), clock).access()).rejects.toThrow(
      'Not logged in to TIDAL. Log in with the account tool',
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
