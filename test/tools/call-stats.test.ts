/**
 * The adapter's per-call statistics (`_meta`, TIDAL_MCP_CALL_STATS=1): upstream counts plus the
 * server-side time of the call, which encloses the time spent waiting on TIDAL. And the lazy
 * app stdio uses: built by the first tool call, once; a failure to build it becomes the generic
 * internal-error result, never the raw exception text.
 */
import { Client } from '@modelcontextprotocol/client';
import { InMemoryTransport } from '@modelcontextprotocol/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { INTERNAL_ERROR_MESSAGE } from '../../src/errors.js';
import { createLogger, silentLogger } from '../../src/log.js';
import { createServer } from '../../src/server.js';
import type { ToolDepsSource } from '../../src/tools/shared/define-tool.js';
import { lazyApp } from '../../src/transports/stdio.js';
import { type FakeTidal, FIXTURES, getCatalog, startFakeTidal } from '../fake-tidal/index.js';
import { startInProcess } from '../helpers/in-process.js';

const STATS = 'io.github.tidal-mcp/call-stats';

let fake: FakeTidal;
beforeAll(async () => {
  fake = await startFakeTidal({ latencyMs: 5 });
});
afterAll(() => fake.close());

async function connect(deps: ToolDepsSource): Promise<Client> {
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await createServer(deps).connect(serverSide);
  const client = new Client({ name: 'call-stats-test', version: '1.0.0' });
  await client.connect(clientSide);
  return client;
}

describe('call statistics', () => {
  it('report the server-side time of the call, which includes the wait on TIDAL', async () => {
    const server = await startInProcess(fake, { env: { TIDAL_MCP_CALL_STATS: '1' } });
    try {
      const args = { albumId: FIXTURES.multiVolumeAlbum };
      const cold = (await server.tool('get_album', args)).meta?.[STATS] as Record<string, number>;
      expect(cold).toMatchObject({ upstreamRequests: 1, cacheHits: 0 });
      expect(cold.serverMs).toEqual(expect.any(Number));
      expect(cold.serverMs).toBeGreaterThanOrEqual(cold.upstreamMs!);
      expect(cold.serverCpuMs).toEqual(expect.any(Number));
      expect(cold.serverCpuMs).toBeGreaterThanOrEqual(0);
      const hit = (await server.tool('get_album', args)).meta?.[STATS] as Record<string, number>;
      expect(hit).toMatchObject({ upstreamRequests: 0, upstreamMs: 0, cacheHits: 1 });
      expect(hit.serverMs).toBeGreaterThanOrEqual(0);
    } finally {
      await server.close();
    }
  });

  it('count side-by-side requests once in waitMs, so the server time never goes negative', async () => {
    const server = await startInProcess(fake, {
      env: { TIDAL_MCP_CALL_STATS: '1', TIDAL_MCP_REQUESTS_PER_SECOND: '100' },
    });
    try {
      // 100 ISRCs: five lookups of 20, sent side by side, 5 ms of latency each.
      const isrcs = getCatalog()
        .tracks.slice(0, 100)
        .map((t) => t.isrc);
      const result = await server.tool('tracks_by_isrc', { isrcs });
      const stats = result.meta?.[STATS] as Record<string, number>;
      expect(stats.upstreamRequests).toBe(5);
      expect(stats.waitMs).toBeGreaterThan(0);
      expect(stats.waitMs).toBeLessThanOrEqual(stats.serverMs!);
      // Added up, the overlapping requests exceed the wall time spent waiting.
      expect(stats.upstreamMs).toBeGreaterThan(stats.waitMs!);
    } finally {
      await server.close();
    }
  });

  it('are absent unless switched on', async () => {
    const server = await startInProcess(fake);
    try {
      const result = await server.tool('get_album', { albumId: FIXTURES.multiVolumeAlbum });
      expect(result.isError).toBe(false);
      expect(result.meta?.[STATS]).toBeUndefined();
    } finally {
      await server.close();
    }
  });
});

describe('dependencies loaded by the first tool call', () => {
  const config = () =>
    loadConfig([], {
      TIDAL_API_URL: fake.apiUrl,
      TIDAL_TOKEN_URL: fake.tokenUrl,
      TIDAL_CLIENT_ID: fake.clientId,
      TIDAL_CLIENT_SECRET: fake.clientSecret,
      TIDAL_MCP_LOG_LEVEL: 'silent',
      TIDAL_MCP_TOKEN_STORE: 'file',
      XDG_CONFIG_HOME: '/nonexistent/tidal-mcp-unit-tests',
    });

  it('are not loaded by tools/list; stdio builds the app once for concurrent first calls', async () => {
    const app = createApp(config());
    let loads = 0;
    const lazy = lazyApp(() => {
      loads++;
      return Promise.resolve(app);
    }, silentLogger);
    const client = await connect(lazy.deps);
    try {
      expect((await client.listTools()).tools.length).toBeGreaterThan(0);
      expect(loads).toBe(0);
      const args = { albumId: FIXTURES.multiVolumeAlbum };
      const results = await Promise.all([
        client.callTool({ name: 'get_album', arguments: args }),
        client.callTool({ name: 'get_album', arguments: args }),
      ]);
      expect(results.map((r) => r.isError)).toEqual([undefined, undefined]);
      await client.callTool({ name: 'get_album', arguments: args });
      expect(loads).toBe(1);
    } finally {
      await client.close();
      await lazy.close();
    }
  });

  it('a failed build is logged with its stack and retried by no later call', async () => {
    const logged: string[] = [];
    const logger = createLogger('error', (line) => logged.push(line));
    let loads = 0;
    const lazy = lazyApp(() => {
      loads++;
      return Promise.reject(new Error('module init failed'));
    }, logger);
    await expect(lazy.deps()).rejects.toThrow('module init failed');
    await expect(lazy.deps()).rejects.toThrow('module init failed');
    expect(loads).toBe(1);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('loading the TIDAL client failed: Error: module init failed');
    await lazy.close();
  });

  it('a loader that fails gives the generic internal-error message, not its own text', async () => {
    const client = await connect(() =>
      Promise.reject(new Error('module init failed at /secret/path')),
    );
    try {
      const result = await client.callTool({
        name: 'get_album',
        arguments: { albumId: FIXTURES.multiVolumeAlbum },
      });
      expect(result.isError).toBe(true);
      expect(result.content).toEqual([
        { type: 'text', text: `get_album failed because of ${INTERNAL_ERROR_MESSAGE}.` },
      ]);
    } finally {
      await client.close();
    }
  });
});
