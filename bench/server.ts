/** Spawning the built server over stdio with per-call statistics, and reading its memory. */
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { readFileSync } from 'node:fs';
import { SERVER_ENTRY, fakeEnv } from '../test/e2e/harness.js';
import type { FakeTidal } from '../test/fake-tidal/index.js';

export interface BenchServer {
  client: Client;
  pid: number | null;
  close(): Promise<void>;
}

export async function startBenchServer(
  fake: FakeTidal,
  extra: Record<string, string> = {},
): Promise<BenchServer> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [SERVER_ENTRY],
    env: {
      PATH: process.env.PATH ?? '',
      ...fakeEnv(fake, { TIDAL_MCP_CALL_STATS: '1', TIDAL_MCP_LOG_LEVEL: 'warn', ...extra }),
    },
    stderr: 'ignore',
  });
  const client = new Client({ name: 'tidal-mcp-bench', version: '1.0.0' });
  await client.connect(transport);
  return { client, pid: transport.pid, close: () => client.close() };
}

/** Resident set size in MiB from /proc (Linux only). */
export function rssMiB(pid: number | null): number | undefined {
  if (pid === null) return undefined;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

export interface CallMeasure {
  ms: number;
  upstreamRequests: number;
  upstreamMs: number;
  throttledMs: number;
  cacheHits: number;
  textBytes: number;
  structuredBytes: number;
  isError: boolean;
}

export async function measureCall(
  client: Client,
  name: string,
  args: Record<string, unknown>,
): Promise<CallMeasure> {
  const started = performance.now();
  const result = await client.callTool({ name, arguments: args });
  const ms = performance.now() - started;
  const stats = (result._meta?.['io.github.tidal-mcp/call-stats'] ?? {}) as Record<string, number>;
  const text = ((result.content ?? []) as { text?: string }[]).map((c) => c.text ?? '').join('\n');
  return {
    ms,
    upstreamRequests: stats.upstreamRequests ?? 0,
    upstreamMs: stats.upstreamMs ?? 0,
    throttledMs: stats.throttledMs ?? 0,
    cacheHits: stats.cacheHits ?? 0,
    textBytes: Buffer.byteLength(text),
    structuredBytes: Buffer.byteLength(JSON.stringify(result.structuredContent ?? {})),
    isError: result.isError === true,
  };
}
