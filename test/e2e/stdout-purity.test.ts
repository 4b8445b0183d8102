/** In stdio mode stdout is the protocol channel: every line the server writes must be JSON-RPC. */
import { spawn } from 'node:child_process';

import { describe, expect, it } from 'vitest';

import { SERVER_ENTRY } from './harness.js';

function exchange(
  lines: string[],
  env: Record<string, string>,
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SERVER_ENTRY], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', () => resolve({ stdout, stderr }));
    for (const line of lines) child.stdin.write(`${line}\n`);
    // Give the server time to answer, then close stdin: it must exit on its own.
    setTimeout(() => child.stdin.end(), 1500);
  });
}

describe('stdio hygiene', () => {
  it('writes only JSON-RPC to stdout, even for garbage input and missing credentials', async () => {
    const init = {
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: {
        protocolVersion: '2025-06-18',
        capabilities: {},
        clientInfo: { name: 't', version: '1' },
      },
    };
    const { stdout, stderr } = await exchange(
      [
        JSON.stringify(init),
        JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }),
        'this is not json',
        JSON.stringify({
          jsonrpc: '2.0',
          id: 2,
          method: 'tools/call',
          params: { name: 'get_album', arguments: { albumId: '1' } },
        }),
        JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'no/such/method' }),
      ],
      { TIDAL_MCP_LOG_LEVEL: 'debug' },
    );
    const lines = stdout.split('\n').filter((l) => l !== '');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const line of lines) {
      const message = JSON.parse(line) as { jsonrpc?: string };
      expect(message.jsonrpc).toBe('2.0');
    }
    const byId = new Map(
      lines
        .map((l) => JSON.parse(l) as { id?: number; result?: unknown; error?: { code: number } })
        .map((m) => [m.id, m]),
    );
    expect(byId.get(1)?.result).toBeDefined();
    expect((byId.get(2)?.result as { isError?: boolean }).isError).toBe(true);
    expect(byId.get(3)?.error?.code).toBe(-32601);
    expect(stderr).toContain('TIDAL_CLIENT_ID and TIDAL_CLIENT_SECRET not set');
  });
});

/**
 * A raw stdio session with the built server: write lines, read answers by id. stdin stays open
 * until the test has what it waits for, so nothing is cut short by end-of-input.
 */
function session(env: Record<string, string>) {
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const answers = new Map<unknown, Record<string, any>>();
  const waiters: (() => void)[] = [];
  let stdout = '';
  let stderr = '';
  let exitCode: number | null | undefined;
  child.stdout.on('data', (c: Buffer) => {
    stdout += c.toString();
    const lines = stdout.split('\n');
    stdout = lines.pop() ?? '';
    for (const line of lines) {
      const message = JSON.parse(line) as Record<string, any>;
      answers.set(message.id, message);
    }
    for (const wake of waiters.splice(0)) wake();
  });
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<void>((resolve) =>
    child.on('exit', (code) => {
      exitCode = code;
      for (const wake of waiters.splice(0)) wake();
      resolve();
    }),
  );
  // The server may exit while we are still writing; the test then fails on what it waits for.
  child.stdin.on('error', () => undefined);
  return {
    answers,
    stderr: () => stderr,
    exitCode: () => exitCode,
    write: (text: string) => child.stdin.write(text),
    /** Resolves once `count` answers arrived, or the process exited. */
    async until(count: number): Promise<void> {
      while (answers.size < count && exitCode === undefined) {
        await new Promise<void>((wake) => waiters.push(wake));
      }
    },
    async end(): Promise<void> {
      child.stdin.end();
      await exited;
    },
  };
}

const INIT = JSON.stringify({
  jsonrpc: '2.0',
  id: 0,
  method: 'initialize',
  params: {
    protocolVersion: '2025-06-18',
    capabilities: {},
    clientInfo: { name: 't', version: '1' },
  },
});
const INITIALIZED = JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' });

describe('stdio framing', () => {
  it('answers an oversized line with a JSON-RPC error and keeps the session going', async () => {
    const s = session({ TIDAL_MCP_LOG_LEVEL: 'debug' });
    // 11 MiB: past the SDK's own 10 MiB read buffer, which used to end the process.
    const huge = JSON.stringify({
      jsonrpc: '2.0',
      method: 'tools/call',
      params: { name: 'search_catalog', arguments: { query: 'x'.repeat(11 * 1024 * 1024) } },
      id: 'big-1',
    });
    const garbage = `{"jsonrpc":"2.0","params":"${'y'.repeat(2 * 1024 * 1024)}`;
    s.write(`${INIT}\n${INITIALIZED}\n${huge}\n`);
    s.write(`${garbage}\n`);
    s.write(`${JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'ping' })}\n`);
    await s.until(4);
    expect(s.exitCode()).toBeUndefined();
    const limit = 'the limit is 1048576 bytes. The message was ignored.';
    // The id is recovered from the discarded line, so the client's call fails at once.
    expect(s.answers.get('big-1')).toEqual({
      jsonrpc: '2.0',
      id: 'big-1',
      error: { code: -32600, message: `Message too large: ${huge.length} bytes; ${limit}` },
    });
    expect(s.answers.get(null)).toEqual({
      jsonrpc: '2.0',
      id: null,
      error: { code: -32600, message: `Message too large: ${garbage.length} bytes; ${limit}` },
    });
    expect(s.answers.get(2)).toEqual({ jsonrpc: '2.0', id: 2, result: {} });
    await s.end();
    expect(s.exitCode()).toBe(0);
    expect(s.stderr()).not.toContain('error:');
  });

  it('answers 2,000 requests written at once', async () => {
    const s = session({ TIDAL_MCP_LOG_LEVEL: 'warn' });
    const requests = Array.from({ length: 2000 }, (_, i) =>
      JSON.stringify({ jsonrpc: '2.0', id: i + 1, method: i % 2 === 0 ? 'ping' : 'tools/list' }),
    );
    s.write(`${[INIT, INITIALIZED, ...requests].join('\n')}\n`);
    await s.until(2001);
    expect(s.exitCode()).toBeUndefined();
    for (let id = 1; id <= 2000; id += 1) {
      const answer = s.answers.get(id);
      expect(answer?.error, `request ${id}`).toBeUndefined();
      if (id % 2 === 0) expect(answer?.result?.tools?.length, `request ${id}`).toBeGreaterThan(0);
      else expect(answer?.result, `request ${id}`).toEqual({});
    }
    await s.end();
    expect(s.exitCode()).toBe(0);
  });
});
