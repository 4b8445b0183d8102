/**
 * Spawns the built server (dist/index.js) over stdio and connects a real MCP client to it,
 * pointed at a fake TIDAL. Captures stderr so tests can assert what was (not) logged.
 */
import { resolve } from 'node:path';

import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';

import type { FakeTidal } from '../fake-tidal/index.js';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const SERVER_ENTRY = resolve(ROOT, 'dist', 'index.js');

export interface RunningServer {
  client: Client;
  stderr: () => string;
  close(): Promise<void>;
}

export function fakeEnv(
  fake: FakeTidal,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    TIDAL_API_URL: fake.apiUrl,
    TIDAL_TOKEN_URL: fake.tokenUrl,
    TIDAL_AUTHORIZE_URL: fake.authorizeUrl,
    TIDAL_CLIENT_ID: 'test-client-id',
    TIDAL_CLIENT_SECRET: 'test-client-secret',
    ...extra,
  };
}

export async function startServer(
  env: Record<string, string>,
  options: { era?: 'legacy' | 'modern'; args?: string[] } = {},
): Promise<RunningServer> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [SERVER_ENTRY, ...(options.args ?? [])],
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const client = new Client(
    { name: 'tidal-mcp-e2e', version: '1.0.0' },
    options.era === 'modern' ? { versionNegotiation: { mode: 'auto' } } : {},
  );
  await client.connect(transport);
  // With the tool list at hand the client checks every answer's structuredContent against the
  // tool's advertised output schema (the server does not re-check; see define-tool.ts).
  await client.listTools();
  return {
    client,
    stderr: () => stderr,
    close: () => client.close(),
  };
}

export interface ToolCallOutcome {
  isError: boolean;
  text: string;
  structured: Record<string, unknown> | undefined;
  meta: Record<string, unknown> | undefined;
}

export async function callTool(
  server: RunningServer,
  name: string,
  args: Record<string, unknown>,
): Promise<ToolCallOutcome> {
  const result = await server.client.callTool({ name, arguments: args });
  const content = (result.content ?? []) as { type: string; text?: string }[];
  return {
    isError: result.isError === true,
    text: content.flatMap((c) => (c.text === undefined ? [] : [c.text])).join('\n'),
    structured: result.structuredContent as Record<string, unknown> | undefined,
    meta: result._meta,
  };
}
