/** A TidalHttp on an undici MockAgent with a fake clock and stub tokens, for unit tests. */
import { MockAgent } from 'undici';

import { TidalHttp, type TidalHttpOptions } from '../../src/tidal/http.js';
import type { TokenProvider } from '../../src/tidal/token-provider.js';
import { FakeClock } from './fake-clock.js';

export const ORIGIN = 'https://openapi.tidal.test';
export const ALBUM_PATH = '/v2/albums/1?countryCode=US';
export const doc = { data: { id: '1', type: 'albums', attributes: { title: 'A' } } };

export class StubTokens implements TokenProvider {
  issued = 0;
  invalidated: string[] = [];
  private current: string | undefined;
  cacheScope() {
    return Promise.resolve('client');
  }
  getToken(_signal?: AbortSignal) {
    this.current ??= `token-${++this.issued}`;
    return Promise.resolve(this.current);
  }
  invalidate(token: string) {
    this.invalidated.push(token);
    if (this.current === token) this.current = undefined;
  }
}

export function httpFixture(options: Partial<TidalHttpOptions> = {}) {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const clock = new FakeClock();
  const tokens = new StubTokens();
  const errors: string[] = [];
  const http = new TidalHttp({
    apiUrl: `${ORIGIN}/v2`,
    userAgent: 'tidal-mcp/test',
    requestsPerSecond: 1000,
    dispatcher: agent,
    clock,
    onError: (message) => errors.push(message),
    ...options,
    retry: { random: () => 0.5, ...options.retry },
  });
  const pool = () => agent.get(ORIGIN);
  const get = (
    path = '/albums/1?countryCode=US',
    extra: { signal?: AbortSignal; fresh?: boolean } = {},
  ) => http.get(path, { auth: tokens, ttlMs: 60_000, what: 'album 1', ...extra });
  return { agent, clock, tokens, http, pool, get, errors };
}
