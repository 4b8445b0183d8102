/**
 * The HTTP transport's defaults and bad input, with raw requests: exact status codes and
 * messages, the server keeps serving afterwards, and no secret reaches the log.
 */
import { request } from 'node:http';
import { createConnection } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type FakeTidal, startFakeTidal } from '../fake-tidal/index.js';
import { fakeEnv } from './harness.js';
import {
  connectHttpClient,
  type HttpServerProcess,
  initializeBody,
  postRaw,
  spawnHttpServer,
} from './http-harness.js';

/** What `openssl rand -hex 32` prints: the kind of token the server accepts. */
const TOKEN = '9f2c6a1e0b7d4c3f8a5e2d1c0b9a8f7e6d5c4b3a29181706f5e4d3c2b1a09f8e';
const rpcError = (code: number, message: string) => ({
  jsonrpc: '2.0',
  error: { code, message },
  id: null,
});

/** fetch() may not set Host, so this one goes through node:http. */
function getWithHost(url: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', headers: { host } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('HTTP defaults on loopback without a token', () => {
  let fake: FakeTidal;
  let server: HttpServerProcess;

  beforeAll(async () => {
    fake = await startFakeTidal();
    server = await spawnHttpServer(fakeEnv(fake, { TIDAL_MCP_LOG_LEVEL: 'debug' }));
  });
  afterAll(async () => {
    await server?.stop();
    await fake?.close();
  });

  it('answers /healthz with liveness only', async () => {
    const response = await fetch(`${server.base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('{"status":"ok"}');
  });

  it('rejects a foreign Host with 403 (DNS rebinding)', async () => {
    const response = await getWithHost(server.url, 'evil.example');
    expect(response.status).toBe(403);
    expect(JSON.parse(response.body)).toEqual(rpcError(-32000, 'Invalid Host: evil.example'));
  });

  it('rejects a foreign Origin with 403', async () => {
    const response = await postRaw(server.url, initializeBody(), {
      origin: 'https://evil.example',
    });
    expect(response.status).toBe(403);
    expect(response.json).toEqual(rpcError(-32000, 'Invalid Origin: evil.example'));
  });

  it('accepts a loopback Origin', async () => {
    const response = await postRaw(server.url, initializeBody(), {
      origin: 'http://localhost:6274',
    });
    expect(response.status).toBe(200);
  });

  it('answers malformed JSON with 400 and a parse error', async () => {
    const response = await postRaw(server.url, '{"jsonrpc":');
    expect(response.status).toBe(400);
    expect(response.json).toEqual(rpcError(-32700, 'Parse error: Invalid JSON'));
  });

  it('answers a wrong content type with 415', async () => {
    const response = await postRaw(server.url, initializeBody(), { 'content-type': 'text/plain' });
    expect(response.status).toBe(415);
    expect(response.json).toEqual(
      rpcError(-32000, 'Unsupported Media Type: Content-Type must be application/json'),
    );
  });

  it('answers an oversize body with 413 without reading it', async () => {
    const huge = JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'x',
      params: { pad: 'a'.repeat(2 ** 21) },
    });
    const response = await postRaw(server.url, huge);
    expect(response.status).toBe(413);
    expect(response.json).toEqual(
      rpcError(-32000, 'Payload Too Large: Request body must not exceed 1048576 bytes'),
    );
  });

  it('answers an unknown JSON-RPC method with -32601', async () => {
    const response = await postRaw(
      server.url,
      JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'tidal/steal', params: {} }),
      { 'mcp-protocol-version': '2025-06-18' },
    );
    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      jsonrpc: '2.0',
      id: 7,
      error: { code: -32601, message: 'Method not found' },
    });
  });

  it('answers GET /mcp with 405 (stateless: no standalone stream)', async () => {
    const response = await fetch(server.url, { headers: { accept: 'text/event-stream' } });
    expect(response.status).toBe(405);
    expect(await response.json()).toEqual(rpcError(-32000, 'Method not allowed.'));
  });

  it('answers an unknown path with 404', async () => {
    const response = await fetch(`${server.base}/admin`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual(rpcError(-32000, 'Not found. The MCP endpoint is /mcp.'));
  });

  it('survives a client that hangs up in the middle of a body', async () => {
    const { port } = new URL(server.url);
    const socket = createConnection(Number(port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(
      'POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
        'Accept: application/json, text/event-stream\r\nContent-Length: 1000\r\n\r\n{"jsonrpc":',
    );
    // Wait until the server has the partial body, then vanish.
    await new Promise((resolve) => setTimeout(resolve, 100));
    socket.destroy();
    const response = await fetch(`${server.base}/healthz`);
    expect(response.status).toBe(200);
  });

  it('keeps serving after all of the above', async () => {
    const client = await connectHttpClient(server.url, 'modern');
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toContain('search_catalog');
    await client.close();
  });

  it('never logs the client secret or the TIDAL token', () => {
    const log = server.stderr();
    expect(log).toContain('debug: POST /mcp -> 413');
    expect(log).not.toContain(fake.clientSecret);
    expect(log).not.toMatch(/Bearer [A-Za-z0-9]/);
  });
});

describe('bearer token', () => {
  let fake: FakeTidal;
  let server: HttpServerProcess;

  beforeAll(async () => {
    fake = await startFakeTidal();
    server = await spawnHttpServer(
      fakeEnv(fake, { TIDAL_MCP_HTTP_TOKEN: TOKEN, TIDAL_MCP_LOG_LEVEL: 'debug' }),
    );
  });
  afterAll(async () => {
    await server?.stop();
    await fake?.close();
  });

  it('answers a missing token with 401 and a Bearer challenge', async () => {
    const response = await postRaw(server.url, initializeBody());
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="tidal-mcp"');
    expect(response.json).toEqual(rpcError(-32000, 'Unauthorized: bearer token required'));
  });

  it('answers a wrong token with 401', async () => {
    const response = await postRaw(server.url, initializeBody(), {
      authorization: `Bearer ${TOKEN}x`,
    });
    expect(response.status).toBe(401);
    expect(response.json).toEqual(rpcError(-32000, 'Unauthorized: invalid bearer token'));
  });

  it('serves both eras with the right token and never forwards it to TIDAL', async () => {
    for (const era of ['legacy', 'modern'] as const) {
      const client = await connectHttpClient(server.url, era, { authorization: `Bearer ${TOKEN}` });
      const result = await client.callTool({ name: 'search_catalog', arguments: { query: era } });
      expect(result.isError).toBeFalsy();
      await client.close();
    }
    // TIDAL saw only the server's own client-credentials token.
    expect(fake.apiRequests().length).toBeGreaterThan(0);
    expect(JSON.stringify(fake.requests)).not.toContain(TOKEN);
  });

  it('leaves /healthz open for load-balancer probes', async () => {
    const response = await fetch(`${server.base}/healthz`);
    expect(response.status).toBe(200);
  });

  it('never logs the HTTP token', () => {
    expect(server.stderr()).toContain('(Authorization header required)');
    expect(server.stderr()).not.toContain(TOKEN);
  });
});

describe('binding', () => {
  it('refuses a non-loopback host without a token', async () => {
    const fake = await startFakeTidal();
    try {
      await expect(
        spawnHttpServer(fakeEnv(fake), ['--host', '0.0.0.0', '--port', '0']),
      ).rejects.toThrow(
        'tidal-mcp: refusing to serve HTTP on non-loopback host "0.0.0.0" without TIDAL_MCP_HTTP_TOKEN',
      );
    } finally {
      await fake.close();
    }
  });

  it('refuses a weak token at start with exit code 2 and the way to make a good one', async () => {
    const fake = await startFakeTidal();
    try {
      const attempt = spawnHttpServer(fakeEnv(fake, { TIDAL_MCP_HTTP_TOKEN: 'http-token-0123' }));
      await expect(attempt).rejects.toThrow(
        'server exited (2) before listening:\ntidal-mcp: invalid configuration: TIDAL_MCP_HTTP_TOKEN: must be at least 32 characters (got 15); generate one with `openssl rand -hex 32`',
      );
      await expect(attempt).rejects.not.toThrow('http-token-0123');
    } finally {
      await fake.close();
    }
  });

  it('serves a non-loopback host with a token, skipping the Host check', async () => {
    const fake = await startFakeTidal();
    const server = await spawnHttpServer(fakeEnv(fake, { TIDAL_MCP_HTTP_TOKEN: TOKEN }), [
      '--host',
      '0.0.0.0',
      '--port',
      '0',
    ]);
    try {
      const url = server.url.replace('0.0.0.0', '127.0.0.1');
      const ok = await postRaw(url, initializeBody(), { authorization: `Bearer ${TOKEN}` });
      expect(ok.status).toBe(200);
      const foreignOrigin = await postRaw(url, initializeBody(), {
        authorization: `Bearer ${TOKEN}`,
        origin: 'https://evil.example',
      });
      expect(foreignOrigin.status).toBe(403);
      expect(await server.stop()).toBe(0);
    } finally {
      await server.stop();
      await fake.close();
    }
  });
});
