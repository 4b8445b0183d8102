/**
 * `tidal-mcp --http` end to end: the built server on an ephemeral loopback port, real MCP clients
 * of both protocol eras, the fake TIDAL upstream. Covers tool calls, progress, cancellation
 * reaching TIDAL, one shared TIDAL token across clients, and graceful shutdown.
 */
import { once } from 'node:events';
import { createConnection, createServer, type Server, type Socket } from 'node:net';

import type { Client } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { type FakeTidal, FIXTURES, getCatalog, startFakeTidal } from '../fake-tidal/index.js';
import { fakeEnv } from './harness.js';
import {
  connectHttpClient,
  type Era,
  type HttpServerProcess,
  spawnHttpServer,
} from './http-harness.js';

const catalog = getCatalog();
const ERAS: Era[] = ['legacy', 'modern'];

/**
 * A TCP pass-through in front of the fake TIDAL that reports when the MCP server closes an
 * upstream connection, which is how an aborted undici request shows on the wire.
 */
async function startClosingProxy(target: URL): Promise<{
  url: string;
  closedByServer: () => Promise<void>;
  close: () => Promise<void>;
}> {
  const sockets = new Set<Socket>();
  let onClose: (() => void) | undefined;
  const server: Server = createServer((down) => {
    const up = createConnection(Number(target.port), target.hostname);
    sockets.add(down).add(up);
    down.pipe(up).pipe(down);
    down.on('close', () => {
      up.destroy();
      onClose?.();
    });
    up.on('close', () => down.destroy());
    down.on('error', () => undefined);
    up.on('error', () => undefined);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}${target.pathname}`,
    closedByServer: () => new Promise((resolve) => (onClose = resolve)),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('Streamable HTTP transport', () => {
  let fake: FakeTidal;
  let server: HttpServerProcess;

  beforeAll(async () => {
    fake = await startFakeTidal();
    server = await spawnHttpServer(fakeEnv(fake));
  });
  afterAll(async () => {
    await server?.stop();
    await fake?.close();
  });
  beforeEach(() => {
    fake.clearRequests();
    fake.clearFaults();
  });

  it('prints the bound loopback URL on stderr', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    expect(server.stderr()).toContain('(loopback only, no token)');
  });

  describe.each(ERAS)('%s-era client', (era) => {
    let client: Client;
    beforeAll(async () => {
      client = await connectHttpClient(server.url, era);
    });
    afterAll(async () => {
      await client?.close();
    });

    it('lists every tool', async () => {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name).sort()).toEqual([
        'account',
        'get_album',
        'get_artist',
        'get_library',
        'get_playlist',
        'manage_favorites',
        'manage_playlist',
        'match_tracks',
        'search_catalog',
        'similar_artists',
        'similar_tracks',
        'tracks_by_isrc',
      ]);
    });

    it('explains that the in-chat login cannot work over HTTP, with no URL', async () => {
      const result = await client.callTool({ name: 'account', arguments: { action: 'login' } });
      expect(result.isError).toBe(true);
      const text = (result.content as { text: string }[])[0]!.text;
      expect(text).toContain('logging in from the chat is not available over HTTP');
      expect(text).not.toContain('/authorize');
    });

    it('calls a tool against TIDAL', async () => {
      const result = await client.callTool({
        name: 'get_album',
        arguments: { albumId: FIXTURES.albumWithManyTracks },
      });
      expect(result.isError).toBeFalsy();
      const album = (result.structuredContent as { album: { id: string } }).album;
      expect(album.id).toBe(FIXTURES.albumWithManyTracks);
    });

    it('streams progress notifications for a multi-batch ISRC lookup', async () => {
      // Each era gets its own ISRCs so neither is answered from the other's cache.
      const offset = era === 'legacy' ? 0 : 43;
      const isrcs = [
        ...new Set(catalog.tracks.filter((t) => catalog.isAvailable(t, 'US')).map((t) => t.isrc)),
      ].slice(offset, offset + 43);
      const progress: { progress: number; total?: number; message?: string }[] = [];
      const result = await client.callTool(
        { name: 'tracks_by_isrc', arguments: { isrcs } },
        { onprogress: (p) => progress.push(p) },
      );
      expect(result.isError).toBeFalsy();
      expect(progress).toEqual([
        { progress: 1, total: 3, message: '1 of 3 batches of 20 ISRCs looked up' },
        { progress: 2, total: 3, message: '2 of 3 batches of 20 ISRCs looked up' },
        { progress: 3, total: 3, message: '3 of 3 batches of 20 ISRCs looked up' },
      ]);
      expect(fake.apiRequests()).toHaveLength(3);
    });
  });

  it('shares one TIDAL token across clients of both eras', async () => {
    const clients = await Promise.all(
      [...ERAS, ...ERAS].map((era) => connectHttpClient(server.url, era)),
    );
    await Promise.all(
      clients.map((c, i) =>
        c.callTool({
          name: 'search_catalog',
          arguments: { query: `${FIXTURES.uniqueArtistName} ${i}` },
        }),
      ),
    );
    await Promise.all(clients.map((c) => c.close()));
    // One process, one client-credentials token, however many MCP clients and eras.
    expect(fake.issuedTokenCount()).toBe(1);
  });
});

describe.each(ERAS)('cancellation over HTTP (%s era)', (era) => {
  let fake: FakeTidal;
  let proxy: Awaited<ReturnType<typeof startClosingProxy>>;
  let server: HttpServerProcess;

  beforeAll(async () => {
    fake = await startFakeTidal();
    proxy = await startClosingProxy(new URL(fake.apiUrl));
    server = await spawnHttpServer(fakeEnv(fake, { TIDAL_API_URL: proxy.url }));
  });
  afterAll(async () => {
    await server?.stop();
    await proxy?.close();
    await fake?.close();
  });

  it('aborts the upstream TIDAL request and makes no further ones', async () => {
    const client = await connectHttpClient(server.url, era);
    const isrcs = [
      ...new Set(catalog.tracks.filter((t) => catalog.isAvailable(t, 'US')).map((t) => t.isrc)),
    ].slice(0, 43);
    // One batch hangs upstream far longer than the test, so only an abort can end the call.
    fake.inject({ kind: 'latency', ms: 120_000, count: 1 });
    const controller = new AbortController();
    const call = client.callTool(
      { name: 'tracks_by_isrc', arguments: { isrcs } },
      { signal: controller.signal },
    );
    while (fake.apiRequests().length === 0) await new Promise((r) => setTimeout(r, 20));
    const upstreamClosed = proxy.closedByServer();
    controller.abort();
    await expect(call).rejects.toThrow();
    await upstreamClosed;
    // A later call on a fresh client still works and is the only other upstream request.
    const other = await connectHttpClient(server.url, era);
    const ok = await other.callTool({
      name: 'get_album',
      arguments: { albumId: FIXTURES.albumWithManyTracks },
    });
    expect(ok.isError).toBeFalsy();
    // The three batches went out side by side; the hanging one was closed by the abort and
    // nothing was retried or sent after it.
    expect(fake.apiRequests().map((r) => r.path)).toEqual([
      '/tracks',
      '/tracks',
      '/tracks',
      `/albums/${FIXTURES.albumWithManyTracks}`,
    ]);
    await other.close();
    await client.close();
  });
});

describe('graceful shutdown', () => {
  it('finishes an in-flight call after SIGTERM, then exits 0', async () => {
    const fake = await startFakeTidal();
    const server = await spawnHttpServer(fakeEnv(fake));
    try {
      const client = await connectHttpClient(server.url, 'modern');
      fake.inject({ kind: 'latency', ms: 1500, count: 1 });
      const call = client.callTool({
        name: 'get_album',
        arguments: { albumId: FIXTURES.albumWithManyTracks },
      });
      while (fake.apiRequests().length === 0) await new Promise((r) => setTimeout(r, 20));
      server.child.kill('SIGTERM');
      const result = await call;
      expect(result.isError).toBeFalsy();
      expect(await server.exited).toBe(0);
      expect(server.stderr()).toContain('shutting down: finishing in-flight requests');
      await client.close().catch(() => undefined);
    } finally {
      await server.stop();
      await fake.close();
    }
  });
});
