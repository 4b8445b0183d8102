/** The fake gzips bodies over 2 KB when asked (as the OAS says TIDAL does) and serves raw 'body' faults. */
import { gunzipSync } from 'node:zlib';

import { request } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { type FakeTidal, FIXTURES, startFakeTidal } from './index.js';
import { accessToken } from './test-client.js';

let fake: FakeTidal;
let token: string;
beforeAll(async () => {
  fake = await startFakeTidal();
  token = await accessToken(fake);
});
afterEach(() => {
  fake.clearFaults();
  fake.clearRequests();
});
afterAll(() => fake.close());

const bigPath = `/albums/${FIXTURES.albumWithManyTracks}?countryCode=US&include=items,items.artists`;
const smallPath = `/artists/${FIXTURES.uniqueArtistId}?countryCode=US`;

async function raw(path: string, acceptEncoding?: string) {
  const res = await request(`${fake.apiUrl}${path}`, {
    headers: {
      authorization: `Bearer ${token}`,
      ...(acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }),
    },
  });
  const bytes = Buffer.from(await res.body.arrayBuffer());
  return { status: res.statusCode, headers: res.headers, bytes };
}

describe('compression', () => {
  it('gzips a body over 2 KB when the request accepts gzip, and logs both sizes', async () => {
    const res = await raw(bigPath, 'gzip, br');
    expect(res.headers['content-encoding']).toBe('gzip');
    const decoded = gunzipSync(res.bytes);
    expect(JSON.parse(decoded.toString()).data.id).toBe(FIXTURES.albumWithManyTracks);
    const [entry] = fake.apiRequests();
    expect(entry?.wireBytes).toBe(res.bytes.length);
    expect(entry?.responseBytes).toBe(decoded.length);
    expect(decoded.length).toBeGreaterThan(2048);
  });

  it('sends it plain without Accept-Encoding, with q=0, or when it is small', async () => {
    for (const [path, encoding] of [
      [bigPath, undefined],
      [bigPath, 'gzip;q=0'],
      [smallPath, 'gzip'],
    ] as const) {
      fake.clearRequests();
      const res = await raw(path, encoding);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(fake.apiRequests()[0]?.wireBytes).toBe(res.bytes.length);
      expect(fake.apiRequests()[0]?.responseBytes).toBe(res.bytes.length);
    }
  });
});

describe("'body' faults", () => {
  it('answers with exactly the given bytes, status and headers', async () => {
    fake.inject({ kind: 'body', body: '<html>proxy</html>', contentType: 'text/html' });
    fake.inject({
      kind: 'body',
      body: Buffer.from([1, 2, 3]),
      contentEncoding: 'gzip',
      status: 203,
    });
    fake.inject({ kind: 'body', body: '', contentType: '' });
    const html = await raw(smallPath, 'gzip');
    expect([html.status, html.headers['content-type'], html.bytes.toString()]).toEqual([
      200,
      'text/html',
      '<html>proxy</html>',
    ]);
    const bytes = await raw(smallPath);
    expect([bytes.status, bytes.headers['content-encoding'], [...bytes.bytes]]).toEqual([
      203,
      'gzip',
      [1, 2, 3],
    ]);
    const empty = await raw(smallPath);
    expect([empty.status, empty.headers['content-type'], empty.bytes.length]).toEqual([
      200,
      undefined,
      0,
    ]);
    expect((await raw(smallPath)).headers['content-type']).toBe('application/vnd.api+json');
  });
});
