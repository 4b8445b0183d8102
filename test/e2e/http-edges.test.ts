/**
 * The HTTP transport's edges with raw sockets: methods /mcp does not serve, malformed Host
 * headers, and rejections that must close the connection without reading the rest of the body.
 * Client mistakes get a 4xx (never a 500) and are logged at debug, never as errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type FakeTidal, startFakeTidal } from '../fake-tidal/index.js';
import { fakeEnv } from './harness.js';
import { type HttpServerProcess, initializeBody, spawnHttpServer } from './http-harness.js';
import { rawRequest } from './http-raw.js';

const TOKEN = 'c0ffee00'.repeat(8);
const rpcError = (message: string) => ({
  jsonrpc: '2.0',
  error: { code: -32000, message },
  id: null,
});
const MALFORMED_HOST = rpcError('Bad Request: malformed Host header');

/** A POST /mcp head with the given Host (null: none) and extra header lines. */
function post(host: string | null, extra: string[] = [], length?: number): string {
  return [
    'POST /mcp HTTP/1.1',
    ...(host === null ? [] : [`Host: ${host}`]),
    'Content-Type: application/json',
    'Accept: application/json, text/event-stream',
    ...(length === undefined ? [] : [`Content-Length: ${length}`]),
    ...extra,
  ].join('\r\n');
}

const BAD_HOSTS = [
  'evil.com@127.0.0.1',
  '',
  '%%%',
  '127.0.0.1 x',
  '127.0.0.1/x',
  '127.0.0.1:99999',
  '[::1',
  '[evil.com]',
  'localhost:80:80',
];

describe('HTTP edges on loopback', () => {
  let fake: FakeTidal;
  let server: HttpServerProcess;
  let port: number;

  beforeAll(async () => {
    fake = await startFakeTidal();
    server = await spawnHttpServer(fakeEnv(fake, { TIDAL_MCP_LOG_LEVEL: 'debug' }));
    port = Number(new URL(server.url).port);
  });
  afterAll(async () => {
    await server?.stop();
    await fake?.close();
  });

  it('answers methods /mcp does not serve with 405, Allow: POST, and closes', async () => {
    for (const method of ['TRACE', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'GET', 'HEAD']) {
      const body = method === 'PUT' || method === 'PATCH' ? initializeBody() : '';
      const head = [`${method} /mcp HTTP/1.1`, 'Host: 127.0.0.1', `Content-Length: ${body.length}`];
      const response = await rawRequest(port, head.join('\r\n'), { body, watchClose: true });
      expect({ method, status: response.status }).toEqual({ method, status: 405 });
      expect(response.headers.allow).toBe('POST');
      expect(response.headers.connection).toBe('close');
      expect(response.closedByServer).toBe(true);
      if (method !== 'HEAD')
        expect(JSON.parse(response.body)).toEqual(rpcError('Method not allowed.'));
    }
  });

  it('answers a malformed Host header with 400, never 500, without echoing it', async () => {
    for (const host of BAD_HOSTS) {
      const body = initializeBody();
      const response = await rawRequest(port, post(host, [], body.length), { body });
      expect({ host, status: response.status }).toEqual({ host, status: 400 });
      expect(JSON.parse(response.body)).toEqual(MALFORMED_HOST);
      expect(response.headers.connection).toBe('close');
    }
  });

  it('answers two Host headers with 400', async () => {
    const body = initializeBody();
    const response = await rawRequest(
      port,
      post('127.0.0.1', ['Host: evil.example'], body.length),
      {
        body,
      },
    );
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toEqual(MALFORMED_HOST);
  });

  it('still serves well-formed loopback Hosts, with or without a port', async () => {
    for (const host of [
      '127.0.0.1',
      `127.0.0.1:${port}`,
      'localhost',
      `[::1]:${port}`,
      'LOCALHOST',
    ]) {
      const body = initializeBody();
      const response = await rawRequest(port, post(host, [], body.length), { body });
      expect({ host, status: response.status }).toEqual({ host, status: 200 });
    }
  });

  it('answers a foreign Host or Origin with 403 and closes before reading the body', async () => {
    for (const extra of [[], ['Origin: https://evil.example']]) {
      const host = extra.length === 0 ? 'evil.example' : '127.0.0.1';
      const response = await rawRequest(port, post(host, extra, 500_000), {
        body: '{"jsonrpc":',
        watchClose: true,
      });
      expect(response.status).toBe(403);
      expect(response.headers.connection).toBe('close');
      expect(response.closedByServer).toBe(true);
    }
  });

  it('answers a declared oversize body with 413 and closes without reading it', async () => {
    const response = await rawRequest(port, post('127.0.0.1', [], 4 * 1024 * 1024), {
      body: '{"jsonrpc":',
      watchClose: true,
    });
    expect(response.status).toBe(413);
    expect(response.headers.connection).toBe('close');
    expect(response.closedByServer).toBe(true);
  });

  it('answers an oversize chunked body with 413 and closes', async () => {
    const chunk = 'a'.repeat(64 * 1024);
    let sent = 0;
    const response = await rawRequest(port, post('127.0.0.1', ['Transfer-Encoding: chunked']), {
      body: '',
      watchClose: true,
      // Up to 8 MiB: far more than the limit, so the answer must come before the end.
      feed: () => (sent++ < 128 ? `${chunk.length.toString(16)}\r\n${chunk}\r\n` : undefined),
    });
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body)).toEqual(
      rpcError('Payload Too Large: Request body must not exceed 1048576 bytes'),
    );
    expect(response.headers.connection).toBe('close');
    expect(response.closedByServer).toBe(true);
    expect(sent).toBeLessThan(128);
  });

  it('keeps a good connection alive', async () => {
    const body = initializeBody();
    const response = await rawRequest(port, post('127.0.0.1', [], body.length), {
      body,
      watchClose: true,
    });
    expect(response.status).toBe(200);
    expect(response.closedByServer).toBe(false);
  });

  it('logged every client mistake above at debug, none as an error', () => {
    const log = server.stderr();
    expect(log).toContain('debug: TRACE /mcp -> 405');
    expect(log).toContain('debug: POST /mcp -> 400');
    expect(log).not.toContain('error:');
    expect(log).not.toContain('evil.com@');
  });
});

describe('HTTP edges with a token on a public binding', () => {
  let fake: FakeTidal;
  let server: HttpServerProcess;
  let port: number;

  beforeAll(async () => {
    fake = await startFakeTidal();
    server = await spawnHttpServer(
      fakeEnv(fake, { TIDAL_MCP_HTTP_TOKEN: TOKEN, TIDAL_MCP_LOG_LEVEL: 'debug' }),
      ['--host', '0.0.0.0', '--port', '0'],
    );
    port = Number(new URL(server.url).port);
  });
  afterAll(async () => {
    await server?.stop();
    await fake?.close();
  });

  it('answers a missing or wrong token with 401 and closes before reading the body', async () => {
    for (const extra of [[], [`Authorization: Bearer ${TOKEN}x`]]) {
      const response = await rawRequest(port, post('tidal.example', extra, 500_000), {
        body: '{"jsonrpc":"2.0",',
        watchClose: true,
      });
      expect(response.status).toBe(401);
      expect(response.headers['www-authenticate']).toBe('Bearer realm="tidal-mcp"');
      expect(response.headers.connection).toBe('close');
      expect(response.closedByServer).toBe(true);
    }
  });

  it('accepts any well-formed Host but answers a malformed one with 400, not 500', async () => {
    const auth = [`Authorization: Bearer ${TOKEN}`];
    const body = initializeBody();
    const ok = await rawRequest(port, post('mcp.example.com:443', auth, body.length), { body });
    expect(ok.status).toBe(200);
    for (const host of BAD_HOSTS) {
      const response = await rawRequest(port, post(host, auth, body.length), { body });
      expect({ host, status: response.status }).toEqual({ host, status: 400 });
      expect(JSON.parse(response.body)).toEqual(MALFORMED_HOST);
    }
    expect(server.stderr()).not.toContain('error:');
  });
});
