/**
 * Spawns the built server with `--http --port 0`, reads the bound URL from its stderr, and
 * connects real MCP clients over Streamable HTTP (2025 `initialize` era or 2026-07-28 stateless).
 */
import { type ChildProcess, spawn } from 'node:child_process';

import { Client } from '@modelcontextprotocol/client';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/client';

import { SERVER_ENTRY } from './harness.js';

export interface HttpServerProcess {
  /** http://127.0.0.1:PORT/mcp */
  url: string;
  /** http://127.0.0.1:PORT */
  base: string;
  child: ChildProcess;
  stderr(): string;
  /** Resolves with the exit code (or signal name) once the process has exited. */
  exited: Promise<number | string>;
  /** SIGTERM and wait for exit. */
  stop(): Promise<number | string>;
}

/** Start `dist/index.js --http`; rejects with the stderr text if it exits before listening. */
export function spawnHttpServer(
  env: Record<string, string>,
  args: string[] = ['--port', '0'],
): Promise<HttpServerProcess> {
  const child = spawn(process.execPath, [SERVER_ENTRY, '--http', ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
  });
  return new Promise((resolve, reject) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      const match = /listening on (http:\/\/\S+\/mcp)/.exec(stderr);
      if (match?.[1] === undefined) return;
      const url = match[1];
      child.stderr?.removeAllListeners('data');
      child.stderr?.on('data', (more: Buffer) => {
        stderr += more.toString('utf8');
      });
      resolve({
        url,
        base: url.replace(/\/mcp$/, ''),
        child,
        stderr: () => stderr,
        exited,
        stop: () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          return exited;
        },
      });
    });
    void exited.then((code) =>
      reject(new Error(`server exited (${code}) before listening:\n${stderr}`)),
    );
  });
}

export type Era = 'legacy' | 'modern';

/** A connected MCP client; `modern` negotiates 2026-07-28, `legacy` uses the 2025 handshake. */
export async function connectHttpClient(
  url: string,
  era: Era,
  headers: Record<string, string> = {},
): Promise<Client> {
  const client = new Client(
    { name: `tidal-mcp-http-${era}`, version: '1.0.0' },
    era === 'modern' ? { versionNegotiation: { mode: 'auto' } } : {},
  );
  await client.connect(
    new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }),
  );
  return client;
}

/** A raw JSON-RPC POST, for the bad-input cases a real client would never send. */
export async function postRaw(
  url: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; text: string; json: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      ...headers,
    },
    body,
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // SSE-framed answers: take the first data line.
    const data = /^data: (.*)$/m.exec(text)?.[1];
    json = data === undefined ? undefined : JSON.parse(data);
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** A 2025-era initialize body (what a legacy client sends first). */
export function initializeBody(id = 1): string {
  return JSON.stringify({
    jsonrpc: '2.0',
    id,
    method: 'initialize',
    params: {
      protocolVersion: '2025-06-18',
      capabilities: {},
      clientInfo: { name: 'raw', version: '1' },
    },
  });
}
