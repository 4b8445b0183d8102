/**
 * The built server lists exactly the registry's tools, with the schemas the unit project checks
 * and snapshots (test/tools/invariants.test.ts), and starts without credentials.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { callTool, type RunningServer, startServer } from './harness.js';

interface ListedTool {
  name: string;
}

describe('tools/list of the built server (no credentials configured)', () => {
  let server: RunningServer;
  let tools: ListedTool[];

  beforeAll(async () => {
    // No TIDAL_CLIENT_ID / TIDAL_CLIENT_SECRET: the server must still start and list its tools.
    server = await startServer({
      TIDAL_API_URL: 'http://127.0.0.1:9/v2',
      TIDAL_TOKEN_URL: 'http://127.0.0.1:9/token',
    });
    tools = (await server.client.listTools()).tools;
  });
  afterAll(() => server.close());

  it('publishes the same contract as the committed per-tool snapshots', () => {
    for (const tool of tools) {
      const snapshot = readFileSync(
        resolve(import.meta.dirname, '..', 'tools', '__snapshots__', `${tool.name}.json`),
        'utf8',
      );
      expect(`${JSON.stringify(tool, null, 2)}\n`, tool.name).toBe(snapshot);
    }
    expect(tools.length).toBeGreaterThanOrEqual(5);
  });

  it('answers a call with the environment variables to set', async () => {
    const result = await callTool(server, 'search_catalog', { query: 'anything' });
    expect(result.isError).toBe(true);
    expect(result.text).toBe(
      "TIDAL app credentials are not configured: set TIDAL_CLIENT_ID and TIDAL_CLIENT_SECRET in the MCP server's environment (create an app at https://developer.tidal.com/dashboard to get them).",
    );
  });
});
