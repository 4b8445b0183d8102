/**
 * Fault injection, the rate-limit bucket, configured latency, the request log and the
 * not-yet-implemented authorize endpoint.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { type FakeTidal, FIXTURES, startFakeTidal } from './index.js';
import { accessToken, apiGet, expectSpecProblems, issueToken } from './test-client.js';

let fake: FakeTidal;
let token: string;
const artistPath = `/artists/${FIXTURES.uniqueArtistId}?countryCode=US`;
const get = (path = artistPath) => apiGet(fake, path, token);

beforeAll(async () => {
  fake = await startFakeTidal();
  token = await accessToken(fake);
});
afterEach(() => fake.clearFaults());
afterAll(() => fake.close());

describe('fault injection', () => {
  it('answers an injected 429 with Retry-After once, then recovers', async () => {
    fake.inject({ kind: 'status', status: 429, retryAfter: '2' });
    const limited = await get();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(limited.body).toEqual({
      errors: [{ status: '429', code: 'TOO_MANY_REQUESTS', detail: 'Rate limit exceeded' }],
    });
    expect((await get()).status).toBe(200);
  });

  it('consumes faults in FIFO order, honouring count, path and extra headers', async () => {
    fake.inject({ kind: 'status', status: 503, count: 2, headers: { 'x-extra': 'yes' } });
    fake.inject({ kind: 'status', status: 500 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await get()).status);
    expect(statuses).toEqual([503, 503, 500, 200]);

    const albumPath = `/albums/${FIXTURES.albumWithManyTracks}`;
    fake.inject({ kind: 'status', status: 503, path: albumPath });
    fake.inject({ kind: 'status', status: 502, path: /^\/tracks/ });
    expect((await get()).status).toBe(200); // artist path matches neither
    expect((await get(`/tracks/${fake.catalog.tracks[0]!.id}?countryCode=US`)).status).toBe(502);
    const album = await get(`${albumPath}?countryCode=US`);
    expect(album.status).toBe(503);
    expect(album.body.errors[0]).toEqual({
      status: '503',
      code: 'SERVICE_UNAVAILABLE',
      detail: 'Service temporarily unavailable',
    });
  });

  it('drops the connection without a response', async () => {
    fake.clearRequests();
    fake.inject({ kind: 'drop' });
    await expect(get()).rejects.toThrow(TypeError); // undici: "fetch failed"
    expect(fake.apiRequests()[0]!.status).toBe(0);
    expect((await get()).status).toBe(200);
  });

  it('adds injected latency to one request', async () => {
    fake.inject({ kind: 'latency', ms: 300 });
    let started = performance.now();
    expect((await get()).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(280);
    started = performance.now();
    await get();
    expect(performance.now() - started).toBeLessThan(250);
  });

  it('fails the token endpoint with token-status faults only', async () => {
    fake.inject({ kind: 'token-status', status: 503 });
    expect((await get()).status).toBe(200); // API requests do not consume it
    const failed = await issueToken(fake);
    expect(failed.status).toBe(503);
    expect(failed.body).toMatchObject({ status: 503, error: 'server_error' });
    expect((await issueToken(fake)).status).toBe(200);
  });
});

describe('rate limiting', () => {
  async function burst(fakeWithLimit: FakeTidal, n: number) {
    const t = await accessToken(fakeWithLimit);
    const out = [];
    for (let i = 0; i < n; i++) out.push(await apiGet(fakeWithLimit, artistPath, t));
    return out;
  }

  it('empties a token bucket into 429s with x-ratelimit-* and Retry-After', async () => {
    const limited = await startFakeTidal({
      rateLimit: { ratePerSecond: 0.5, burst: 3, retryAfter: true },
    });
    try {
      const res = await burst(limited, 4);
      expect(res.map((r) => r.status)).toEqual([200, 200, 200, 429]);
      expect(res.map((r) => r.headers.get('x-ratelimit-remaining'))).toEqual(['2', '1', '0', '0']);
      const last = res[3]!;
      expect(last.headers.get('x-ratelimit-burst-capacity')).toBe('3');
      expect(last.headers.get('x-ratelimit-replenish-rate')).toBe('0.5');
      expect(last.headers.get('x-ratelimit-requested-tokens')).toBe('1');
      expect(last.headers.get('retry-after')).toBe('2');
      expect(last.body.errors[0]).toEqual({
        status: '429',
        code: 'TOO_MANY_REQUESTS',
        detail: 'Rate limit exceeded',
      });
      expect(res[0]!.headers.get('retry-after')).toBeNull();
    } finally {
      await limited.close();
    }
  });

  it('refills over time and omits Retry-After unless asked to', async () => {
    const limited = await startFakeTidal({ rateLimit: { ratePerSecond: 10, burst: 1 } });
    try {
      const res = await burst(limited, 2);
      expect(res.map((r) => r.status)).toEqual([200, 429]);
      expect(res[1]!.headers.get('retry-after')).toBeNull();
      await new Promise((r) => setTimeout(r, 150));
      const t = await accessToken(limited);
      expect((await apiGet(limited, artistPath, t)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('latency option, request log, authorize', () => {
  it('applies latencyMs to API and token requests', async () => {
    const slow = await startFakeTidal({ latencyMs: 150 });
    try {
      let started = performance.now();
      const t = await accessToken(slow);
      expect(performance.now() - started).toBeGreaterThanOrEqual(140);
      started = performance.now();
      await apiGet(slow, artistPath, t);
      expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    } finally {
      await slow.close();
    }
  });

  it('logs every request with redacted Authorization', async () => {
    fake.clearRequests();
    const t = await accessToken(fake);
    await apiGet(
      fake,
      `/albums?filter[barcodeId]=${FIXTURES.upcAlbumBarcode}&countryCode=US&include=artists,coverArt`,
      t,
    );
    await apiGet(fake, '/missing', t);
    expectSpecProblems(['path /missing is not in the spec']);
    await fetch(`${fake.url}/favicon.ico`);
    expect(fake.requests.map((r) => [r.kind, r.method, r.path, r.status])).toEqual([
      ['token', 'POST', '/oauth2/token', 200],
      ['api', 'GET', '/albums', 200],
      ['api', 'GET', '/missing', 404],
      ['other', 'GET', '/favicon.ico', 404],
    ]);
    const api = fake.apiRequests();
    expect(api).toHaveLength(2);
    expect(api[0]!.query).toEqual({
      'filter[barcodeId]': [FIXTURES.upcAlbumBarcode],
      countryCode: ['US'],
      include: ['artists,coverArt'],
    });
    expect(api[0]!.headers.authorization).toBe('Bearer <redacted>');
    expect(api[0]!.headers.accept).toBe('application/vnd.api+json');
    expect(api[0]!.at).toBeGreaterThan(Date.now() - 60_000);
    expect(JSON.stringify(fake.requests)).not.toContain(t);
    expect(JSON.stringify(fake.requests)).not.toContain(fake.clientSecret);
  });

  it('refuses an authorize request from an unknown client without redirecting', async () => {
    const res = await fetch(`${fake.authorizeUrl}?response_type=code&client_id=nope`, {
      redirect: 'manual',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'invalid_client', sub_status: 1005 });
  });

  it('redirects a request without PKCE back with an OAuth error and the state', async () => {
    const res = await fetch(
      `${fake.authorizeUrl}?${new URLSearchParams({ response_type: 'code', client_id: fake.clientId, redirect_uri: 'http://127.0.0.1:9/cb', state: 'st' }).toString()}`,
      { redirect: 'manual' },
    );
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    expect(Object.fromEntries(location.searchParams)).toEqual({
      state: 'st',
      error: 'invalid_request',
      error_description: 'PKCE with S256 is required',
    });
  });
});
