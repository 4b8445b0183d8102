/** Spawning the built server over stdio with per-call statistics, and reading its memory. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';

import type { StoredUserCredentials } from '../src/auth/credentials.js';
import { loadConfig } from '../src/config.js';
import { fakeEnv, SERVER_ENTRY } from '../test/e2e/harness.js';
import { ALL_USER_SCOPES, DEFAULT_USER, type FakeTidal } from '../test/fake-tidal/index.js';

export const STATS_META_KEY = 'io.github.tidal-mcp/call-stats';

export interface BenchServer {
  client: Client;
  pid: number | null;
  close(): Promise<void>;
}

export interface BenchServerOptions {
  env?: Record<string, string>;
  /**
   * Log in as the fake's default user through the opt-in file token store (a private temporary
   * directory), so tools that need a login answer without an OS keychain.
   */
  login?: boolean;
}

function loginEnv(
  fake: FakeTidal,
  env: Record<string, string>,
): { env: Record<string, string>; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'tidal-mcp-bench-'));
  const loginEnvVars = { ...env, TIDAL_MCP_TOKEN_STORE: 'file', XDG_CONFIG_HOME: dir, HOME: dir };
  const path = loadConfig([], loginEnvVars).tokenFilePath;
  const now = Date.now();
  const credentials: StoredUserCredentials = {
    version: 1,
    clientId: fake.clientId,
    userId: DEFAULT_USER.id,
    accessToken: fake.issueUserToken({ scopes: [...ALL_USER_SCOPES] }),
    expiresAt: now + 4 * 3600_000,
    scopes: [...ALL_USER_SCOPES],
    country: DEFAULT_USER.country,
    username: DEFAULT_USER.username,
    obtainedAt: now,
  };
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileSync(path, JSON.stringify(credentials), { mode: 0o600 });
  return { env: loginEnvVars, dir };
}

export async function startBenchServer(
  fake: FakeTidal,
  options: BenchServerOptions = {},
): Promise<BenchServer> {
  let env = fakeEnv(fake, {
    TIDAL_MCP_CALL_STATS: '1',
    TIDAL_MCP_LOG_LEVEL: 'warn',
    ...options.env,
  });
  let dir: string | undefined;
  if (options.login) ({ env, dir } = loginEnv(fake, env));
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [SERVER_ENTRY],
    env: { PATH: process.env.PATH ?? '', ...env },
    stderr: 'ignore',
  });
  const client = new Client({ name: 'tidal-mcp-bench', version: '1.0.0' });
  await client.connect(transport);
  return {
    client,
    pid: transport.pid,
    close: async () => {
      await client.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
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
  /** Round trip seen by the client. */
  ms: number;
  /** The server's own time for the call (see define-tool.ts), without waiting on TIDAL. */
  serverOwnMs: number | undefined;
  /** The server process's CPU time over the same span. */
  serverCpuMs: number | undefined;
  /** The call's result as the client received it (for replaying the SDK's work on it). */
  result: Record<string, unknown>;
  upstreamRequests: number;
  upstreamMs: number;
  throttledMs: number;
  cacheHits: number;
  text: string;
  structured: unknown;
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
  const stats = (result._meta?.[STATS_META_KEY] ?? {}) as Record<string, number | undefined>;
  const text = ((result.content ?? []) as { text?: string }[]).map((c) => c.text ?? '').join('\n');
  const upstreamMs = stats.upstreamMs ?? 0;
  const throttledMs = stats.throttledMs ?? 0;
  return {
    ms,
    serverOwnMs:
      stats.serverMs === undefined || stats.waitMs === undefined
        ? undefined
        : stats.serverMs - stats.waitMs,
    serverCpuMs: stats.serverCpuMs,
    result,
    upstreamRequests: stats.upstreamRequests ?? 0,
    upstreamMs,
    throttledMs,
    cacheHits: stats.cacheHits ?? 0,
    text,
    structured: result.structuredContent,
    isError: result.isError === true,
  };
}
