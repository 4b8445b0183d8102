/**
 * The token endpoint on the API client's RetryPolicy and budget, and token sharing that
 * survives one caller's cancellation (client credentials and user refresh).
 */
import { MockAgent } from 'undici';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { ClientCredentialsProvider } from '../../src/auth/client-credentials.js';
import { StoredUserSession } from '../../src/auth/stored-session.js';
import { postTokenForm } from '../../src/auth/token-endpoint.js';
import {
  InvalidResponseError,
  RateLimitedError,
  TidalTimeoutError,
  UpstreamError,
} from '../../src/tidal/errors.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../src/tidal/retry.js';
import { MemoryStore } from '../helpers/user-session-fixtures.js';
import { FakeClock, settle } from './fake-clock.js';

const AUTH = 'https://auth.tidal.test';
const PATH = '/v1/oauth2/token';
const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, random: () => 0.5 };
const tokenBody = (n: number) => ({
  access_token: `at-${n}`,
  expires_in: 3600,
  token_type: 'Bearer',
});

describe('token endpoint', () => {
  let agent: MockAgent;
  let clock: FakeClock;
  const setup = () => {
    agent = new MockAgent();
    agent.disableNetConnect();
    clock = new FakeClock();
    return agent.get(AUTH);
  };
  afterEach(async () => {
    agent.assertNoPendingInterceptors();
    expect(clock.pendingTimers).toBe(0);
    await agent.close();
  });
  const endpoint = (retry: Partial<RetryPolicy> = policy) => ({
    tokenUrl: `${AUTH}${PATH}`,
    userAgent: 't',
    dispatcher: agent,
    clock,
    retry,
  });
  const post = (retry?: Partial<RetryPolicy>, signal?: AbortSignal) =>
    postTokenForm({ grant_type: 'client_credentials' }, endpoint(retry), signal);

  it('retries 5xx as the shared RetryPolicy says', async () => {
    setup().intercept({ path: PATH, method: 'POST' }).reply(503, {}).times(2);
    const error = await post({ ...policy, maxRetries: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as Error).message).toBe('the TIDAL token endpoint failed (HTTP 503)');
    expect(clock.sleeps).toEqual([450]);
  });

  it('stops retrying when the next wait does not fit in the budget', async () => {
    setup().intercept({ path: PATH, method: 'POST' }).reply(503, {}).times(2);
    await expect(post({ ...policy, budgetMs: 1000 })).rejects.toBeInstanceOf(UpstreamError);
    expect(clock.sleeps).toEqual([450]);
  });

  it('reports a hanging token endpoint within the budget', async () => {
    setup().intercept({ path: PATH, method: 'POST' }).reply(200, tokenBody(1)).delay(600_000);
    const pending = post().catch((e: unknown) => e);
    await settle();
    clock.advance(30_000);
    const error = await pending;
    expect(error).toBeInstanceOf(TidalTimeoutError);
    expect((error as Error).message).toBe(
      'the TIDAL token endpoint did not answer in time (waited 30 s)',
    );
  });

  it('answers a long Retry-After at once', async () => {
    setup()
      .intercept({ path: PATH, method: 'POST' })
      .reply(429, {}, { headers: { 'retry-after': '600' } });
    const error = await post().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as Error).message).toBe(
      "TIDAL's rate limit was reached; TIDAL asks to wait 10 min",
    );
  });

  it('reports a 200 without an access token as an invalid response, without retrying', async () => {
    setup().intercept({ path: PATH, method: 'POST' }).reply(200, '<html></html>');
    const error = await post().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toBe(
      'TIDAL returned an invalid response for the token request',
    );
  });

  it('client credentials: a caller hanging up does not fail the others', async () => {
    let n = 0;
    setup()
      .intercept({ path: PATH, method: 'POST' })
      .reply(() => ({ statusCode: 200, data: tokenBody(++n) }))
      .delay(20)
      .persist();
    const provider = new ClientCredentialsProvider(
      { clientId: 'i', clientSecret: 's' },
      endpoint(),
    );
    const first = new AbortController();
    const hungUp = provider.getToken(first.signal).catch((e: unknown) => e);
    const stays = provider.getToken(new AbortController().signal);
    first.abort();
    expect(await hungUp).toMatchObject({ name: 'AbortError' });
    await expect(stays).resolves.toBe('at-1');
    // Everyone hangs up on the next request: it is dropped, and a later caller starts anew.
    provider.invalidate('at-1');
    const gone = new AbortController();
    const dropped = provider.getToken(gone.signal).catch((e: unknown) => e);
    gone.abort();
    expect(await dropped).toMatchObject({ name: 'AbortError' });
    await expect(provider.getToken()).resolves.toBe('at-3');
  });

  it('user session: a caller hanging up stops waiting, the refresh still lands in the store', async () => {
    let n = 0;
    setup()
      .intercept({ path: PATH, method: 'POST' })
      .reply(() => ({ statusCode: 200, data: { ...tokenBody(++n), refresh_token: `rt-${n}` } }))
      .delay(20);
    const store = new MemoryStore({
      version: 1,
      clientId: 'i',
      userId: 'u',
      accessToken: 'old',
      refreshToken: 'rt-0',
      expiresAt: clock.now() + 30_000,
      scopes: ['user.read'],
      obtainedAt: clock.now(),
    });
    const session = new StoredUserSession({
      store,
      clientId: 'i',
      clientSecret: 's',
      endpoint: endpoint(),
      defaultCountry: 'US',
      clock,
    });
    const caller = new AbortController();
    const hungUp = session.getToken(caller.signal).catch((e: unknown) => e);
    await settle();
    caller.abort();
    expect(await hungUp).toMatchObject({ name: 'AbortError' });
    await vi.waitFor(() => expect(store.saves).toBe(1));
    expect(store.value).toMatchObject({ accessToken: 'at-1', refreshToken: 'rt-1' });
    await expect(session.getToken()).resolves.toBe('at-1');
  });
});
