/** Thousands of JSON-RPC requests written to the server's stdin at once, all answered. */
import { spawn } from 'node:child_process';

import { SERVER_ENTRY } from '../../test/e2e/harness.js';
import { FIXTURES } from '../../test/fake-tidal/index.js';
import type { OutputScan } from './secrets.js';

export interface PipelineStress {
  requests: number;
  answered: number;
  errors: number;
  seconds: number;
  exitCode: number | null;
}

const INIT = {
  jsonrpc: '2.0',
  id: 0,
  method: 'initialize',
  params: {
    protocolVersion: '2025-06-18',
    capabilities: {},
    clientInfo: { name: 's', version: '1' },
  },
};

function request(id: number): object {
  switch (id % 4) {
    case 0:
      return { jsonrpc: '2.0', id, method: 'ping' };
    case 1:
      return { jsonrpc: '2.0', id, method: 'tools/list' };
    default:
      return {
        jsonrpc: '2.0',
        id,
        method: 'tools/call',
        params: {
          name: 'similar_artists',
          arguments: { artistId: FIXTURES.artistWithManySimilar },
        },
      };
  }
}

export async function runStdioPipeline(
  env: Record<string, string>,
  scan: OutputScan,
  count = 2000,
  timeoutMs = 120_000,
): Promise<PipelineStress> {
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const answers = new Set<unknown>();
  let errors = 0;
  let pending = '';
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const started = performance.now();
  const done = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      pending += c.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const message = JSON.parse(line) as { id?: unknown; error?: unknown };
        if (message.id !== 0) answers.add(message.id);
        if (message.error !== undefined) errors += 1;
      }
      if (answers.size >= count) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', () => resolve());
  });
  const lines: object[] = [INIT, { jsonrpc: '2.0', method: 'notifications/initialized' }];
  for (let id = 1; id <= count; id += 1) lines.push(request(id));
  child.stdin.write(`${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
  await done;
  const seconds = (performance.now() - started) / 1000;
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  child.stdin.end();
  const exitCode = child.exitCode ?? (await exited);
  scan.record('stdio pipeline stdout', stdout);
  scan.record('stdio pipeline stderr', stderr);
  return { requests: count, answered: answers.size, errors, seconds, exitCode };
}
