/**
 * Invariants over every tool, checked on the real tools/list of the built server (the way
 * github-mcp-server checks its tools), plus a committed snapshot so any schema change is a
 * visible diff in review.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, callTool, type RunningServer } from './harness.js';

interface ListedTool {
  name: string;
  description?: string;
  inputSchema: Record<string, unknown>;
  outputSchema?: Record<string, unknown>;
  annotations?: Record<string, unknown>;
}

describe('tools/list (no credentials configured)', () => {
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

  it('lists the catalog tools', () => {
    expect(tools.map((t) => t.name)).toEqual(
      expect.arrayContaining([
        'search_catalog',
        'get_album',
        'tracks_by_isrc',
        'similar_artists',
        'manage_playlist',
      ]),
    );
  });

  it('gives every tool strict flat object input, an output schema, a description and all four annotations', () => {
    for (const tool of tools) {
      expect(tool.inputSchema.type, tool.name).toBe('object');
      expect(tool.inputSchema.additionalProperties, tool.name).toBe(false);
      for (const combinator of ['oneOf', 'anyOf', 'allOf', 'not']) {
        expect(tool.inputSchema[combinator], `${tool.name} ${combinator}`).toBeUndefined();
      }
      expect(tool.outputSchema?.type, tool.name).toBe('object');
      expect(tool.description?.length, tool.name).toBeGreaterThan(80);
      for (const hint of ['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint']) {
        expect(typeof tool.annotations?.[hint], `${tool.name} ${hint}`).toBe('boolean');
      }
    }
  });

  it('marks the catalog tools read-only, idempotent and open-world', () => {
    for (const tool of tools.filter((t) => t.name !== 'manage_playlist')) {
      expect(tool.annotations, tool.name).toMatchObject({
        readOnlyHint: true,
        destructiveHint: false,
        idempotentHint: true,
        openWorldHint: true,
      });
    }
  });

  it('marks manage_playlist as a destructive, non-idempotent write tool', () => {
    expect(tools.find((t) => t.name === 'manage_playlist')?.annotations).toMatchObject({
      readOnlyHint: false,
      destructiveHint: true,
      idempotentHint: false,
      openWorldHint: true,
    });
  });

  it('matches the committed snapshot', async () => {
    await expect(JSON.stringify(tools, null, 2) + '\n').toMatchFileSnapshot(
      './__snapshots__/tools-list.json',
    );
  });

  it('answers a call with the environment variables to set', async () => {
    const result = await callTool(server, 'search_catalog', { query: 'anything' });
    expect(result.isError).toBe(true);
    expect(result.text).toBe(
      "TIDAL app credentials are not configured: set TIDAL_CLIENT_ID and TIDAL_CLIENT_SECRET in the MCP server's environment (create an app at https://developer.tidal.com/dashboard to get them).",
    );
  });
});
