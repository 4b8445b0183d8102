/**
 * The settings and policies wired in app.ts, against the real loopback fake TIDAL: the request
 * budget (TIDAL_MCP_REQUEST_TIMEOUT_SECONDS) for the API and the token endpoint, gzip on the
 * wire, and invalid responses logged at error level without a stack.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

import { type App, createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { newCallStats, withCallStats } from '../../src/tidal/call-stats.js';
import { InvalidResponseError, TidalTimeoutError } from '../../src/tidal/errors.js';
import { type FakeTidal, FIXTURES, startFakeTidal } from '../fake-tidal/index.js';

const started: { fake: FakeTidal; app: App }[] = [];

async function start(fakeOptions = {}, env: Record<string, string> = {}) {
  const fake = await startFakeTidal(fakeOptions);
  const app = createApp(
    loadConfig([], {
      TIDAL_CLIENT_ID: fake.clientId,
      TIDAL_CLIENT_SECRET: fake.clientSecret,
      TIDAL_API_URL: fake.apiUrl,
      TIDAL_TOKEN_URL: fake.tokenUrl,
      TIDAL_MCP_LOG_LEVEL: 'error',
      ...env,
    }),
  );
  started.push({ fake, app });
  return { fake, app };
}

afterEach(async () => {
  vi.restoreAllMocks();
  for (const { fake, app } of started.splice(0)) {
    await app.close();
    await fake.close();
  }
});

const album = `/albums/${FIXTURES.albumWithManyTracks}?countryCode=US&include=artists,coverArt,items,items.artists`;

describe('app wiring', () => {
  it('ends a call to a hanging TIDAL within TIDAL_MCP_REQUEST_TIMEOUT_SECONDS, token endpoint too', async () => {
    const env = { TIDAL_MCP_REQUEST_TIMEOUT_SECONDS: '5' };
    const slowApi = await start({}, env);
    slowApi.fake.inject({ kind: 'latency', ms: 120_000 });
    const slowToken = await start({ latencyMs: 120_000 }, env);
    const auth = slowApi.app.clientCredentials;
    const [api, token] = await Promise.all([
      slowApi.app.http.get(album, { auth, ttlMs: 0, what: 'album 1' }).catch((e: unknown) => e),
      slowToken.app.clientCredentials.getToken().catch((e: unknown) => e),
    ]);
    expect(api).toBeInstanceOf(TidalTimeoutError);
    expect((api as Error).message).toBe('TIDAL did not answer in time for album 1 (waited 5 s)');
    expect(token).toBeInstanceOf(TidalTimeoutError);
    expect((token as Error).message).toBe(
      'the TIDAL token endpoint did not answer in time (waited 5 s)',
    );
  });

  it('receives gzip from TIDAL and counts wire and decoded bytes', async () => {
    const { app, fake } = await start();
    const stats = newCallStats();
    const auth = app.clientCredentials;
    await withCallStats(stats, () => app.http.get(album, { auth, ttlMs: 0, what: 'album 1' }));
    const [entry] = fake.apiRequests();
    expect(entry?.headers['accept-encoding']).toBe('gzip, br');
    expect(entry?.wireBytes).toBe(stats.wireBytes);
    expect(entry?.responseBytes).toBe(stats.decodedBytes);
    expect(stats.wireBytes).toBeLessThan(stats.decodedBytes / 2);
  });

  it('logs an invalid response at error level, one line, no stack', async () => {
    const { app, fake } = await start();
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    const html = '<html><body>502 Bad Gateway</body></html>';
    fake.inject({ kind: 'body', body: html, contentType: 'text/html', count: 2 });
    const auth = app.clientCredentials;
    const error = await app.http
      .get(album, { auth, ttlMs: 0, what: 'album 1' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    const line =
      '[tidal-mcp] error: TIDAL returned an invalid response for album 1 (content type text/html; HTTP 200)\n';
    expect(written).toEqual([line, line]);
    expect(fake.apiRequests()).toHaveLength(2);
  });
});
