/**
 * Start-up: spawn to an answered tools/list over stdio through a real MCP client, against a bare
 * Node script answering the same two messages with the same tool list (bench/bare-server.mjs),
 * measured alternately in the same run so machine noise hits both. Also `--version` and `--help`
 * against the bare script's `--version`, and idle RSS after start-up against the bare script's.
 */
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SERVER_ENTRY, fakeEnv } from '../../test/e2e/harness.js';
import { startFakeTidal } from '../../test/fake-tidal/index.js';
import { defineSection } from '../section.js';
import { rssMiB } from '../server.js';
import { median, round, table, type BenchOptions, type Target } from '../stats.js';

const BARE = resolve(import.meta.dirname, '..', 'bare-server.mjs');

export interface StartupResult {
  runs: number;
  serverMs: number;
  bareMs: number;
  ratio: number;
  versionMs: number;
  helpMs: number;
  nodeMs: number;
  idleRssMiB?: number;
  bareIdleRssMiB?: number;
}

/** Spawn → initialize → tools/list answered; returns the time and the RSS at that moment. */
async function listOnce(args: string[], env: Record<string, string>) {
  const started = performance.now();
  const transport = new StdioClientTransport({
    command: process.execPath,
    args,
    env: { PATH: process.env.PATH ?? '', ...env },
    stderr: 'ignore',
  });
  const client = new Client({ name: 'tidal-mcp-bench', version: '1.0.0' });
  await client.connect(transport);
  const { tools } = await client.listTools();
  const ms = performance.now() - started;
  const rss = rssMiB(transport.pid);
  await client.close();
  return { ms, rss, tools };
}

/** Spawn to exit, for the CLI's instant commands. */
function exitTime(args: string[]): Promise<number> {
  const started = performance.now();
  return new Promise((resolveTime, reject) => {
    const child = spawn(process.execPath, args, { stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', () => resolveTime(performance.now() - started));
  });
}

async function run(options: BenchOptions): Promise<StartupResult> {
  const fake = await startFakeTidal({ latencyMs: options.latencyMs });
  const dir = mkdtempSync(join(tmpdir(), 'tidal-mcp-bench-'));
  try {
    const env = fakeEnv(fake);
    // The bare script answers with exactly the tool list tidal-mcp sends.
    const first = await listOnce([SERVER_ENTRY], env);
    const toolsFile = join(dir, 'tools.json');
    writeFileSync(toolsFile, JSON.stringify(first.tools));
    await listOnce([BARE, toolsFile], {});
    const runs = options.quick ? 3 : 15;
    const server: number[] = [];
    const bare: number[] = [];
    const version: number[] = [];
    const help: number[] = [];
    const node: number[] = [];
    let idle: number | undefined;
    let bareIdle: number | undefined;
    for (let i = 0; i < runs; i++) {
      const b = await listOnce([BARE, toolsFile], {});
      const s = await listOnce([SERVER_ENTRY], env);
      bare.push(b.ms);
      server.push(s.ms);
      idle = s.rss ?? idle;
      bareIdle = b.rss ?? bareIdle;
      node.push(await exitTime([BARE, '--version']));
      version.push(await exitTime([SERVER_ENTRY, '--version']));
      help.push(await exitTime([SERVER_ENTRY, '--help']));
    }
    return {
      runs,
      serverMs: round(median(server)),
      bareMs: round(median(bare)),
      ratio: round(median(server) / median(bare)),
      versionMs: round(median(version)),
      helpMs: round(median(help)),
      nodeMs: round(median(node)),
      ...(idle !== undefined && { idleRssMiB: round(idle, 1) }),
      ...(bareIdle !== undefined && { bareIdleRssMiB: round(bareIdle, 1) }),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await fake.close();
  }
}

function report(r: StartupResult): string {
  return table(
    ['start-up (median of ' + r.runs + ')', 'tidal-mcp ms', 'baseline ms', 'ratio'],
    [
      ['spawn → tools/list answered', r.serverMs, `${r.bareMs} (bare Node)`, `${r.ratio}×`],
      ['--version', r.versionMs, `${r.nodeMs} (bare Node)`, `${round(r.versionMs / r.nodeMs)}×`],
      ['--help', r.helpMs, `${r.nodeMs} (bare Node)`, `${round(r.helpMs / r.nodeMs)}×`],
    ],
  );
}

function targets(r: StartupResult): Target[] {
  return [
    {
      name: 'start-up: spawn → tools/list (median)',
      target: '≤ 3× bare Node (limit 2×)',
      actual: `${r.serverMs} ms = ${r.ratio}×`,
      baseline: `${r.bareMs} ms`,
      met: r.ratio <= 3,
    },
    {
      name: 'start-up: --version (median)',
      target: '≤ 2× bare Node',
      actual: `${r.versionMs} ms`,
      baseline: `${r.nodeMs} ms`,
      met: r.versionMs <= 2 * r.nodeMs,
    },
    {
      name: 'start-up: --help (median)',
      target: '≤ 2× bare Node',
      actual: `${r.helpMs} ms`,
      baseline: `${r.nodeMs} ms`,
      met: r.helpMs <= 2 * r.nodeMs,
    },
  ];
}

export default defineSection({ name: 'startup', run, report, targets });
