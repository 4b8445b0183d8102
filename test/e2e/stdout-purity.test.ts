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
