/**
 * What TidalHttp accepts as a body: gzip and br decoded under a 16 MiB cap, plain bodies capped
 * too, and 2xx answers that are not a JSON:API document reported as TIDAL's fault.
 */
import { brotliCompressSync, gzipSync } from 'node:zlib';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { newCallStats, withCallStats } from '../../src/tidal/call-stats.js';
import { InvalidResponseError, UpstreamError } from '../../src/tidal/errors.js';
import { ALBUM_PATH, doc, httpFixture } from './http-fixture.js';

const MiB = 1024 * 1024;
const json = { 'content-type': 'application/vnd.api+json' };

describe('TidalHttp bodies', () => {
  let f: ReturnType<typeof httpFixture>;
  beforeEach(() => {
    f = httpFixture();
  });
  afterEach(async () => {
    f.agent.assertNoPendingInterceptors();
    await f.agent.close();
  });
  const reply = (body: string | Buffer, headers: Record<string, string> = json, status = 200) =>
    f.pool().intercept({ path: ALBUM_PATH }).reply(status, body, { headers });
  const failure = () => f.get().catch((e: unknown) => e);

  it('decodes a gzip body and counts wire and decoded bytes apart', async () => {
    const big = { ...doc, meta: { padding: 'x'.repeat(10_000) } };
    const text = JSON.stringify(big);
    const wire = gzipSync(text);
    reply(wire, { ...json, 'content-encoding': 'gzip' });
    const stats = newCallStats();
    await expect(withCallStats(stats, () => f.get())).resolves.toEqual(big);
    expect(stats.wireBytes).toBe(wire.length);
    expect(stats.decodedBytes).toBe(Buffer.byteLength(text));
    expect(stats.wireBytes).toBeLessThan(stats.decodedBytes / 10);
  });

  it('decodes a brotli body', async () => {
    reply(brotliCompressSync(JSON.stringify(doc)), { ...json, 'content-encoding': 'br' });
    await expect(f.get()).resolves.toEqual(doc);
  });

  it('refuses a gzip bomb (small on the wire, huge decoded) with a clear error, once', async () => {
    const bomb = gzipSync(Buffer.alloc(17 * MiB, 0x20));
    expect(bomb.length).toBeLessThan(64 * 1024);
    reply(bomb, { ...json, 'content-encoding': 'gzip' });
    const error = await failure();
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toBe('TIDAL sent a response larger than 16 MiB for album 1');
    expect(f.errors).toEqual([
      'TIDAL sent a response larger than 16 MiB for album 1 (too large; HTTP 200)',
    ]);
  });

  it('refuses a plain body over 16 MiB', async () => {
    reply(Buffer.alloc(16 * MiB + 1, 0x20));
    const error = await failure();
    expect((error as Error).message).toBe('TIDAL sent a response larger than 16 MiB for album 1');
  });

  it('reports a body that is not valid gzip as an invalid response', async () => {
    reply('definitely not gzip', { ...json, 'content-encoding': 'gzip' });
    reply('definitely not gzip', { ...json, 'content-encoding': 'gzip' });
    const error = await failure();
    expect((error as Error).message).toBe('TIDAL returned an invalid response for album 1');
    expect((error as InvalidResponseError).reason).toBe('could not decode the gzip body');
  });

  it.each([
    [
      'an HTML page',
      '<html><body>Service Unavailable</body></html>',
      'text/html',
      'content type text/html',
    ],
    ['invalid JSON', '{"data": {', 'application/vnd.api+json', 'not JSON'],
    ['an empty body', '', 'application/vnd.api+json', 'empty body'],
    [
      'JSON under a wrong content type',
      JSON.stringify(doc),
      'text/plain',
      'content type text/plain',
    ],
    [
      'a document without data',
      '{"meta":{}}',
      'application/vnd.api+json',
      'a document without data',
    ],
    ['a JSON array', '[]', 'application/json', 'not a JSON:API document'],
  ])('reports %s as InvalidResponseError after one retry', async (_name, body, type, reason) => {
    reply(body, { 'content-type': type });
    reply(body, { 'content-type': type });
    const error = await failure();
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as InvalidResponseError).kind).toBe('upstream');
    expect((error as Error).message).toBe('TIDAL returned an invalid response for album 1');
    expect((error as InvalidResponseError).reason).toBe(reason);
    const logged = `TIDAL returned an invalid response for album 1 (${reason}; HTTP 200)`;
    expect(f.errors).toEqual([logged, logged]);
    expect(f.clock.sleeps).toEqual([450]);
  });

  it('recovers when the retry of an invalid response succeeds', async () => {
    reply('<html></html>', { 'content-type': 'text/html' });
    reply(JSON.stringify(doc));
    await expect(f.get()).resolves.toEqual(doc);
    expect(f.errors).toHaveLength(1);
  });

  it('accepts a JSON document without a content type (lenient) and application/json', async () => {
    reply(JSON.stringify(doc), {});
    await expect(f.get()).resolves.toEqual(doc);
    reply(JSON.stringify(doc), { 'content-type': 'application/json; charset=utf-8' });
    await expect(f.get('/albums/1?countryCode=US', { fresh: true })).resolves.toEqual(doc);
  });

  it('accepts a write answered with no body or a document without data, never retries junk', async () => {
    const send = () =>
      f.http.send('DELETE', '/playlists/p1', undefined, { auth: f.tokens, what: 'playlist p1' });
    f.pool().intercept({ path: '/v2/playlists/p1', method: 'DELETE' }).reply(204, '');
    await expect(send()).resolves.toEqual({ status: 204, body: undefined });
    f.pool()
      .intercept({ path: '/v2/playlists/p1', method: 'DELETE' })
      .reply(200, '{"links":{"self":"/playlists/p1"}}', { headers: json });
    await expect(send()).resolves.toEqual({
      status: 200,
      body: { links: { self: '/playlists/p1' } },
    });
    f.pool()
      .intercept({ path: '/v2/playlists/p1', method: 'DELETE' })
      .reply(200, '<html>', { headers: { 'content-type': 'text/html' } });
    await expect(send()).rejects.toThrow('TIDAL returned an invalid response for playlist p1');
    expect(f.clock.sleeps).toEqual([]);
  });
});
