/**
 * No unbounded waits: rate-limit hints longer than the call's budget fail at once (and the pause
 * is remembered for later calls), and a hanging TIDAL ends in a TidalTimeoutError within the
 * budget, retries and token waits included.
 */
import { afterEach, describe, expect, it } from 'vitest';

import {
  NetworkError,
  RateLimitedError,
  TidalTimeoutError,
  UpstreamError,
} from '../../src/tidal/errors.js';
import type { TokenProvider } from '../../src/tidal/token-provider.js';
import { settle } from './fake-clock.js';
import { ALBUM_PATH, doc, httpFixture } from './http-fixture.js';

const json = { 'content-type': 'application/vnd.api+json' };

describe('TidalHttp budget', () => {
  let f: ReturnType<typeof httpFixture> | undefined;
  const setup = (budgetMs?: number) => {
    f = httpFixture(budgetMs === undefined ? {} : { retry: { budgetMs } });
    return f;
  };
  afterEach(async () => {
    f?.agent.assertNoPendingInterceptors();
    expect(f?.clock.pendingTimers).toBe(0);
    await f?.agent.close();
  });
  const limited = (headers: Record<string, string>) =>
    f!
      .pool()
      .intercept({ path: ALBUM_PATH })
      .reply(429, { errors: [{ status: '429' }] }, { headers });
  const message = (p: Promise<unknown>) =>
    p.then(
      () => 'resolved',
      (e: unknown) => (e as Error).message,
    );

  it.each([
    ['99999999', 'more than an hour', 3600],
    ['Wed, 01 Jan 3000 00:00:00 GMT', 'more than an hour', 3600],
    ['120', '2 min', 120],
    ['45', '45 s', 45],
  ])(
    'answers Retry-After: %s at once with "TIDAL asks to wait %s"',
    async (value, said, seconds) => {
      const { get, clock } = setup();
      limited({ 'retry-after': value });
      const error = await get().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RateLimitedError);
      expect((error as Error).message).toBe(
        `TIDAL's rate limit was reached; TIDAL asks to wait ${said}`,
      );
      expect((error as RateLimitedError).retryAfterSeconds).toBe(seconds);
      expect(clock.sleeps).toEqual([]);
    },
  );

  it('reads x-ratelimit hints the same way', async () => {
    const { get } = setup();
    limited({
      'x-ratelimit-remaining': '0',
      'x-ratelimit-requested-tokens': '90',
      'x-ratelimit-replenish-rate': '1',
    });
    await expect(message(get())).resolves.toBe(
      "TIDAL's rate limit was reached; TIDAL asks to wait 90 s",
    );
  });

  it('remembers the pause: later calls fail fast without asking TIDAL, until it ends', async () => {
    const { get, clock, pool } = setup();
    limited({ 'retry-after': '120' });
    await get().catch(() => undefined);
    const other = get('/albums/2?countryCode=US');
    await expect(message(other)).resolves.toBe(
      "TIDAL's rate limit was reached; TIDAL asks to wait 2 min",
    );
    clock.advance(100_000);
    // 20 s fit in a fresh 30 s budget: the call waits the pause out, then asks TIDAL.
    pool().intercept({ path: '/v2/albums/4?countryCode=US' }).reply(200, doc, { headers: json });
    await expect(get('/albums/4?countryCode=US')).resolves.toEqual(doc);
    expect(clock.sleeps).toEqual([20_000]);
  });

  it('reports a hanging TIDAL within the budget', async () => {
    const { get, clock, pool } = setup();
    pool().intercept({ path: ALBUM_PATH }).reply(200, doc).delay(600_000);
    const pending = get().catch((e: unknown) => e);
    await settle();
    clock.advance(30_000);
    const error = await pending;
    expect(error).toBeInstanceOf(TidalTimeoutError);
    expect((error as TidalTimeoutError).kind).toBe('network');
    expect((error as Error).message).toBe('TIDAL did not answer in time for album 1 (waited 30 s)');
  });

  it('counts retries and backoff against the budget', async () => {
    const { get, clock, pool } = setup(3_000);
    pool().intercept({ path: ALBUM_PATH }).reply(503, {}).times(3);
    const error = await get().catch((e: unknown) => e);
    // After 450 + 900 ms of backoff, the next 1800 ms no longer fit in the 3 s budget.
    expect(error).toBeInstanceOf(UpstreamError);
    expect(clock.sleeps).toEqual([450, 900]);
  });

  it('counts the wait for a token against the budget', async () => {
    const { http, clock } = setup();
    const stuck: TokenProvider = {
      cacheScope: () => Promise.resolve('client'),
      getToken: (signal) =>
        new Promise((_, reject) =>
          signal?.addEventListener('abort', () => reject(signal.reason as Error)),
        ),
      invalidate: () => undefined,
    };
    const pending = http.get('/albums/1?countryCode=US', {
      auth: stuck,
      ttlMs: 0,
      what: 'album 1',
    });
    const outcome = pending.catch((e: unknown) => e);
    await settle();
    clock.advance(30_000);
    expect(await outcome).toBeInstanceOf(TidalTimeoutError);
  });

  it('a caller that hangs up gets its own abort, not a timeout', async () => {
    const { get, pool } = setup();
    pool().intercept({ path: ALBUM_PATH }).reply(200, doc).delay(600_000);
    const controller = new AbortController();
    const pending = get('/albums/1?countryCode=US', { signal: controller.signal }).catch(
      (e: unknown) => e,
    );
    await settle();
    controller.abort();
    const error = await pending;
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(error).not.toBeInstanceOf(NetworkError);
  });
});
