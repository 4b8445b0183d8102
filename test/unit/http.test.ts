import type { MockAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { newCallStats, withCallStats } from '../../src/tidal/call-stats.js';
import {
  NetworkError,
  NotFoundError,
  RateLimitedError,
  UpstreamError,
} from '../../src/tidal/errors.js';
import type { TidalHttp } from '../../src/tidal/http.js';
import type { FakeClock } from './fake-clock.js';
import { doc, httpFixture, ORIGIN, type StubTokens } from './http-fixture.js';

describe('TidalHttp', () => {
  let f: ReturnType<typeof httpFixture>;
  let agent: MockAgent;
  let clock: FakeClock;
  let tokens: StubTokens;
  let http: TidalHttp;

  beforeEach(() => {
    f = httpFixture();
    ({ agent, clock, tokens, http } = f);
  });

  afterEach(async () => {
    agent.assertNoPendingInterceptors();
    expect(clock.pendingTimers).toBe(0);
    await agent.close();
  });

  const pool = () => agent.get(ORIGIN);
  const get = (path = '/albums/1?countryCode=US') => f.get(path);

  it('sends JSON:API headers, Accept-Encoding, the user agent and the bearer token', async () => {
    let seen: Record<string, string> = {};
    pool()
      .intercept({ path: '/v2/albums/1?countryCode=US', method: 'GET' })
      .reply((options) => {
        seen = options.headers as Record<string, string>;
        return { statusCode: 200, data: doc };
      });
    await expect(get()).resolves.toEqual(doc);
    expect(seen.accept).toBe('application/vnd.api+json');
    expect(seen['accept-encoding']).toBe('gzip, br');
    expect(seen['user-agent']).toBe('tidal-mcp/test');
    expect(seen.authorization).toBe('Bearer token-1');
  });

  it('serves a repeated GET from the cache and shares identical in-flight requests', async () => {
    pool().intercept({ path: '/v2/albums/1?countryCode=US' }).reply(200, doc);
    const stats = newCallStats();
    const results = await withCallStats(stats, () => Promise.all([get(), get(), get()]));
    expect(results).toEqual([doc, doc, doc]);
    expect(stats.upstreamRequests).toBe(1);
    await withCallStats(stats, () => get());
    expect(stats.upstreamRequests).toBe(1);
    expect(stats.cacheHits).toBe(3);
  });

  it('a caller hanging up does not fail another caller sharing its request', async () => {
    pool().intercept({ path: '/v2/albums/1?countryCode=US' }).reply(200, doc).delay(20);
    const first = new AbortController();
    const hungUp = f.get(undefined, { signal: first.signal }).catch((e: unknown) => e);
    const stays = f.get(undefined, { signal: new AbortController().signal });
    first.abort();
    expect(await hungUp).toMatchObject({ name: 'AbortError' });
    await expect(stays).resolves.toEqual(doc);
    await expect(get()).resolves.toEqual(doc); // cached: no second request
  });

  it('a fresh read goes to TIDAL and refreshes the cached entry', async () => {
    const updated = { data: { ...doc.data, attributes: { title: 'B' } } };
    pool().intercept({ path: '/v2/albums/1?countryCode=US' }).reply(200, doc);
    pool().intercept({ path: '/v2/albums/1?countryCode=US' }).reply(200, updated);
    await expect(get()).resolves.toEqual(doc);
    await expect(get()).resolves.toEqual(doc);
    await expect(f.get(undefined, { fresh: true })).resolves.toEqual(updated);
    await expect(get()).resolves.toEqual(updated);
  });

  it('retries a 429 after the Retry-After delay, then succeeds', async () => {
    pool()
      .intercept({ path: '/v2/albums/1?countryCode=US' })
      .reply(429, { errors: [{ status: '429' }] }, { headers: { 'retry-after': '2' } });
    pool().intercept({ path: '/v2/albums/1?countryCode=US' }).reply(200, doc);
    const stats = newCallStats();
    await expect(withCallStats(stats, () => get())).resolves.toEqual(doc);
    expect(clock.sleeps).toEqual([2000]);
    expect(stats).toMatchObject({ upstreamRequests: 2, retries: 1 });
  });

  it('honours Retry-After given as an HTTP date', async () => {
    const at = new Date(clock.now() + 3000).toUTCString();
    pool()
      .intercept({ path: '/v2/albums/1?countryCode=US' })
      .reply(429, {}, { headers: { 'retry-after': at } });
    pool().intercept({ path: '/v2/albums/1?countryCode=US' }).reply(200, doc);
    await get();
    // HTTP dates have one-second resolution.
    expect(clock.sleeps[0]).toBeGreaterThan(2000);
    expect(clock.sleeps[0]).toBeLessThanOrEqual(3000);
  });

  it('gives up with RateLimitedError naming the wait after three retries', async () => {
    pool()
      .intercept({ path: '/v2/albums/1?countryCode=US' })
      .reply(429, {}, { headers: { 'retry-after': '1' } })
      .times(4);
    const error = await get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterSeconds).toBe(1);
    expect((error as Error).message).toBe("TIDAL's rate limit was reached; TIDAL asks to wait 1 s");
    expect(clock.sleeps).toEqual([1000, 1000, 1000]);
  });

  it('stops early when Retry-After exceeds the total wait budget', async () => {
    pool()
      .intercept({ path: '/v2/albums/1?countryCode=US' })
      .reply(429, {}, { headers: { 'retry-after': '120' } });
    const error = await get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterSeconds).toBe(120);
    expect(clock.sleeps).toEqual([]);
  });

  it('retries 5xx with exponential backoff and reports UpstreamError when they persist', async () => {
    pool()
      .intercept({ path: '/v2/albums/1?countryCode=US' })
      .reply(503, { errors: [{ status: '503', detail: 'down' }] })
      .times(4);
    const error = await get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as Error).message).toBe('TIDAL had a problem answering album 1 (HTTP 503): down');
    expect(clock.sleeps).toEqual([450, 900, 1800]);
  });

  it('retries network errors for reads', async () => {
    pool()
      .intercept({ path: '/v2/albums/1?countryCode=US' })
      .replyWithError(Object.assign(new Error('reset'), { code: 'ECONNRESET' }));
    pool().intercept({ path: '/v2/albums/1?countryCode=US' }).reply(200, doc);
    await expect(get()).resolves.toEqual(doc);
    expect(clock.sleeps).toEqual([450]);
  });

  it('re-authenticates exactly once after a 401', async () => {
    pool()
      .intercept({ path: '/v2/albums/1?countryCode=US' })
      .reply(401, { errors: [{ status: '401' }] });
    pool().intercept({ path: '/v2/albums/1?countryCode=US' }).reply(200, doc);
    await expect(get()).resolves.toEqual(doc);
    expect(tokens.invalidated).toEqual(['token-1']);
    expect(tokens.issued).toBe(2);
  });

  it('does not loop on a persistent 401', async () => {
    pool()
      .intercept({ path: '/v2/albums/1?countryCode=US' })
      .reply(401, { errors: [{ status: '401' }] })
      .times(2);
    await expect(get()).rejects.toThrow('TIDAL rejected the access token');
    expect(tokens.issued).toBe(2);
  });

  it('maps 404 to NotFoundError with TIDAL detail and never caches errors', async () => {
    pool()
      .intercept({ path: '/v2/albums/1?countryCode=US' })
      .reply(404, { errors: [{ status: '404', detail: 'Album not found' }] });
    pool().intercept({ path: '/v2/albums/1?countryCode=US' }).reply(200, doc);
    const error = await get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toBe('album 1 was not found on TIDAL: Album not found');
    await expect(get()).resolves.toEqual(doc);
  });

  it('does not retry a write without an idempotency key', async () => {
    pool().intercept({ path: '/v2/playlists', method: 'POST' }).reply(503, {});
    await expect(
      http.send('POST', '/playlists', { data: {} }, { auth: tokens, what: 'new playlist' }),
    ).rejects.toBeInstanceOf(UpstreamError);
    expect(clock.sleeps).toEqual([]);
  });

  it('retries a write that carries an idempotency key and sends the key', async () => {
    const keys: string[] = [];
    const reply = (status: number) => (options: { headers?: unknown }) => {
      keys.push((options.headers as Record<string, string>)['idempotency-key'] ?? '');
      return {
        statusCode: status,
        data: status === 201 ? { data: { id: 'p', type: 'playlists' } } : {},
      };
    };
    pool().intercept({ path: '/v2/playlists', method: 'POST' }).reply(reply(503));
    pool().intercept({ path: '/v2/playlists', method: 'POST' }).reply(reply(201));
    const result = await http.send(
      'POST',
      '/playlists',
      { data: {} },
      { auth: tokens, what: 'x', idempotencyKey: 'k-1' },
    );
    expect(result.status).toBe(201);
    expect(keys).toEqual(['k-1', 'k-1']);
  });

  it('reports a network failure without leaking the token', async () => {
    pool()
      .intercept({ path: '/v2/albums/1?countryCode=US' })
      .replyWithError(Object.assign(new Error('boom'), { code: 'ECONNREFUSED' }))
      .times(4);
    const error = await get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toBe(
      'could not reach TIDAL for album 1 after 4 attempt(s) (ECONNREFUSED)',
    );
    expect(JSON.stringify(error)).not.toContain('token-1');
  });
});
