/**
 * MCP logging: a client that chooses a level receives the log lines of its own calls as
 * notifications/message (redacted like stderr); a client that chose nothing receives none.
 */
import { LOG_LEVEL_META_KEY } from '@modelcontextprotocol/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type FakeTidal, startFakeTidal } from '../fake-tidal/index.js';
import { type InProcessServer, startInProcess } from '../helpers/in-process.js';

interface LogLine {
  level: string;
  logger?: string;
  data: unknown;
}

describe.each(['legacy', 'modern'] as const)('logging to the MCP client (%s era)', (era) => {
  let fake: FakeTidal;
  let server: InProcessServer;
  let received: LogLine[];

  beforeAll(async () => {
    fake = await startFakeTidal();
    server = await startInProcess(fake, { era });
    received = [];
    server.client.setNotificationHandler('notifications/message', (n) => {
      received.push(n.params);
    });
  });
  afterAll(async () => {
    await server.close();
    await fake.close();
  });

  it('sends nothing before the client chooses a level above the default', async () => {
    await server.tool('search_catalog', { query: 'silence please' });
    expect(received.filter((l) => l.level === 'debug')).toEqual([]);
  });

  it('sends the call’s debug lines once the client asks for debug, without secrets', async () => {
    // 2025 clients choose once per connection; 2026-07-28 clients say it in each request's _meta.
    if (era === 'legacy') await server.client.setLoggingLevel('debug');
    const meta = era === 'modern' ? { [LOG_LEVEL_META_KEY]: 'debug' } : undefined;
    fake.inject({ kind: 'status', status: 503, path: '/searchResults' });
    const result = await server.tool('search_catalog', { query: 'retry me' }, meta);
    expect(result.isError).toBe(false);
    const lines = received.map((l) => `${l.level} ${l.logger} ${String(l.data)}`);
    expect(lines.some((l) => /^debug tidal-mcp GET .*HTTP 503, retrying in \d+ ms$/.test(l))).toBe(
      true,
    );
    expect(
      lines.some((l) => /^debug tidal-mcp GET \/searchResults\?.* -> 200 in \d+ ms$/.test(l)),
    ).toBe(true);
    const all = JSON.stringify(received);
    expect(all).not.toContain(fake.clientSecret);
    expect(all).not.toMatch(/Bearer [A-Za-z0-9]/);
  });
});
