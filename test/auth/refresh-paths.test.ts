/**
 * The refresh dead ends and the 401 path, end to end through TidalHttp against the fake TIDAL:
 * an expired token is renewed and written back; a rejected refresh, or an expired login without
 * a refresh token, is LoginRequiredError (and never asked again); a 5xx keeps the credentials.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { LoginRequiredError } from '../../src/auth/user-session.js';
import { UpstreamError } from '../../src/tidal/errors.js';
import { TidalHttp } from '../../src/tidal/http.js';
import { DEFAULT_USER, type FakeTidal, startFakeTidal } from '../fake-tidal/index.js';
import { loggedIn, MemoryStore, sessionFor } from '../helpers/user-session-fixtures.js';
import { FakeClock } from '../unit/fake-clock.js';

const FOUR_HOURS_MS = 14_400_000;

describe('StoredUserSession refresh paths', () => {
  let fake: FakeTidal;
  let http: TidalHttp;
  beforeAll(async () => {
    fake = await startFakeTidal();
    http = new TidalHttp({ apiUrl: fake.apiUrl, userAgent: 't', requestsPerSecond: 100 });
  });
  afterAll(async () => {
    await http.close();
    await fake.close();
  });

  const me = (auth: Parameters<TidalHttp['get']>[1]['auth']) =>
    http.get<{ data: { id: string } }>('/users/me', { auth, ttlMs: 0, what: 'me' });

  it('renews an expired access token with the refresh token and writes it back', async () => {
    const clock = new FakeClock(Date.now());
    const stored = await loggedIn(fake, clock);
    const store = new MemoryStore(stored);
    const s = sessionFor(fake, store, clock);
    clock.advance(FOUR_HOURS_MS + 1);
    const before = fake.userLogin.refreshCount;
    const access = await s.access();
    const token = await access.tokens.getToken();
    expect(token).not.toBe(stored.accessToken);
    expect(fake.userLogin.refreshCount).toBe(before + 1);
    expect(store.saves).toBe(1);
    // The fake issues no new refresh token on refresh: the old one is kept.
    expect(store.value).toMatchObject({ accessToken: token, refreshToken: stored.refreshToken });
    expect(store.value?.expiresAt).toBe(clock.now() + FOUR_HOURS_MS);
    await expect(me(access.tokens)).resolves.toMatchObject({ data: { id: DEFAULT_USER.id } });
  });

  it('a rejected refresh is LoginRequiredError, the credentials stay, and it is not retried', async () => {
    const rejecting = await startFakeTidal({ rejectRefresh: true });
    try {
      const clock = new FakeClock(Date.now());
      const stored = await loggedIn(rejecting, clock);
      const store = new MemoryStore(stored);
      const s = sessionFor(rejecting, store, clock);
      clock.advance(FOUR_HOURS_MS + 1);
      const access = await s.access();
      const error = await access.tokens.getToken().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LoginRequiredError);
      expect((error as Error).message).toBe(
        'Your TIDAL login has expired and could not be renewed. Log in with the account tool (action "login") or run `tidal-mcp login` in a terminal, then try again.',
      );
      expect(rejecting.userLogin.refreshCount).toBe(1);
      // The next tool call is refused up front, without sending the dead refresh token again.
      await expect(s.access()).rejects.toBeInstanceOf(LoginRequiredError);
      await expect(s.access()).rejects.toBeInstanceOf(LoginRequiredError);
      expect(rejecting.userLogin.refreshCount).toBe(1);
      expect(store.saves).toBe(0);
      expect(store.value).toEqual(stored);
    } finally {
      await rejecting.close();
    }
  });

  it('an expired login without a refresh token is refused by access()', async () => {
    const clock = new FakeClock(Date.now());
    const stored = await loggedIn(fake, clock);
    delete stored.refreshToken;
    const s = sessionFor(fake, new MemoryStore(stored), clock);
    clock.advance(FOUR_HOURS_MS);
    const error = await s.access().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoginRequiredError);
    expect((error as Error).message).toBe(
      'Your TIDAL login has expired (TIDAL issued no refresh token). Log in with the account tool (action "login") or run `tidal-mcp login` in a terminal, then try again.',
    );
  });

  it('a running session picks up a new login after the old one expired, without a restart', async () => {
    const clock = new FakeClock(Date.now());
    const old = await loggedIn(fake, clock);
    delete old.refreshToken;
    const store = new MemoryStore(old);
    const s = sessionFor(fake, store, clock);
    clock.advance(FOUR_HOURS_MS);
    await expect(s.access()).rejects.toBeInstanceOf(LoginRequiredError);
    // `tidal-mcp login` in a terminal writes fresh credentials to the same store.
    const fresh = await loggedIn(fake, clock);
    store.value = fresh;
    const access = await s.access();
    await expect(access.tokens.getToken()).resolves.toBe(fresh.accessToken);
  });

  it('a 5xx from the token endpoint is a retryable upstream error and keeps the credentials', async () => {
    const clock = new FakeClock(Date.now());
    const stored = await loggedIn(fake, clock);
    const store = new MemoryStore(stored);
    const s = sessionFor(fake, store, clock);
    clock.advance(FOUR_HOURS_MS + 1);
    // postTokenForm follows the API's RetryPolicy: four tries (three retries) before giving up.
    fake.inject({ kind: 'token-status', status: 503, count: 4 });
    const error = await s.getToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as Error).message).toBe('the TIDAL token endpoint failed (HTTP 503)');
    expect(store.value).toEqual(stored);
    // Once TIDAL is back, the same session renews normally.
    const token = await s.getToken();
    expect(token).not.toBe(stored.accessToken);
    expect(store.value?.accessToken).toBe(token);
  });

  it('a 401 from the API triggers exactly one refresh; a second dead end fails without looping', async () => {
    const clock = new FakeClock(Date.now());
    const store = new MemoryStore(await loggedIn(fake, clock));
    const s = sessionFor(fake, store, clock);
    const access = await s.access();
    const first = await access.tokens.getToken();

    // TIDAL revokes the token early: the session still thinks it is fresh.
    fake.expireUserTokens(DEFAULT_USER.id);
    let refreshes = fake.userLogin.refreshCount;
    fake.clearRequests();
    await expect(me(access.tokens)).resolves.toMatchObject({ data: { id: DEFAULT_USER.id } });
    expect(fake.userLogin.refreshCount).toBe(refreshes + 1);
    expect(fake.apiRequests().map((r) => r.status)).toEqual([401, 200]);
    expect(store.value?.accessToken).not.toBe(first);

    // Revoked again, and now the refresh is refused too: one 401, one refresh, then LoginRequired.
    fake.expireUserTokens(DEFAULT_USER.id);
    fake.userLogin.options.rejectRefresh = true;
    try {
      refreshes = fake.userLogin.refreshCount;
      fake.clearRequests();
      await expect(me(access.tokens)).rejects.toBeInstanceOf(LoginRequiredError);
      expect(fake.userLogin.refreshCount).toBe(refreshes + 1);
      expect(fake.apiRequests().map((r) => r.status)).toEqual([401]);
    } finally {
      fake.userLogin.options.rejectRefresh = false;
    }
  });
});
