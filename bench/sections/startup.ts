/**
 * Start-up: spawn to an answered tools/list over stdio through a real MCP client, against a bare
 * Node script answering the same two messages with the same tool list (bench/bare-server.mjs)
 * and against the MCP SDK alone with one tool (bench/sdk-floor.ts, the floor of any SDK server),
 * measured alternately in the same run so machine noise hits both. Also `--version` and `--help`
 * against the bare script's `--version`, and idle RSS after start-up against the bare script's.
 * When a Node >= 22 is at hand (scripts/node.mjs 22 --at-least) start-up is measured under it too, with the
 * module compile cache (a private directory, warmed by one run) and without it. Every spawn loads
 * bench/cpu-probe.mjs, which reports the CPU time used when tools/list is answered: on a busy
 * machine a steadier comparison than wall time, which the targets still judge.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { build } from 'esbuild';

import { fakeEnv, ROOT, SERVER_ENTRY } from '../../test/e2e/harness.js';
import { startFakeTidal } from '../../test/fake-tidal/index.js';
import { defineSection } from '../section.js';
import { rssMiB } from '../server.js';
import { type BenchOptions, median, round, table, type Target } from '../stats.js';

const BARE = resolve(import.meta.dirname, '..', 'bare-server.mjs');
const SDK_FLOOR = resolve(import.meta.dirname, '..', 'sdk-floor.ts');
const CPU_PROBE = pathToFileURL(resolve(import.meta.dirname, '..', 'cpu-probe.mjs')).href;

export interface StartupPair {
  node: string;
  serverMs: number;
  bareMs: number;
  ratio: number;
  /** CPU time the process had used when it answered tools/list (bench/cpu-probe.mjs), median. */
  serverCpuMs?: number;
  bareCpuMs?: number;
}

export interface StartupResult {
  runs: number;
  /** Under the Node running the benchmark. */
  current: StartupPair;
  /** The MCP SDK alone (bench/sdk-floor.ts, bundled), same Node, same rounds: the floor. */
  sdkFloor: { ms: number; ratio: number; cpuMs?: number };
  versionMs: number;
  helpMs: number;
  bareVersionMs: number;
  idleRssMiB?: number;
  bareIdleRssMiB?: number;
  /** Under Node >= 22 with the compile cache warm, and with it switched off; null: no Node 22. */
  node22: { cached: StartupPair; uncachedMs: number; uncachedCpuMs?: number } | null;
}

type Command = { node: string; args: string[]; env: Record<string, string> };

/** Spawn → initialize → tools/list answered; returns the time and the RSS at that moment. */
async function listOnce(c: Command) {
  const started = performance.now();
  const transport = new StdioClientTransport({
    command: c.node,
    args: ['--import', CPU_PROBE, ...c.args],
    env: { PATH: process.env.PATH ?? '', ...c.env },
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const client = new Client({ name: 'tidal-mcp-bench', version: '1.0.0' });
  await client.connect(transport);
  const { tools } = await client.listTools();
  const ms = performance.now() - started;
  const rss = rssMiB(transport.pid);
  await client.close();
  const probe = /cpu-probe ([\d.]+)/.exec(stderr);
  return { ms, rss, cpu: probe ? Number(probe[1]) : undefined, tools };
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

/** bench/sdk-floor.ts as one ES module, bundled with the settings of scripts/build.mjs that matter. */
async function bundleSdkFloor(dir: string): Promise<string> {
  const outfile = join(dir, 'sdk-floor.mjs');
  await build({
    entryPoints: [SDK_FLOOR],
    outfile,
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    format: 'esm',
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
    alias: { '@modelcontextprotocol/server/_shims': './src/sdk-shims.ts' },
    banner: {
      js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);",
    },
  });
  return outfile;
}

/** Interleaved medians of several commands, `runs` rounds. */
async function medians(commands: Command[], runs: number) {
  const times = commands.map(() => [] as number[]);
  const cpu = commands.map(() => [] as number[]);
  const rss = commands.map(() => undefined as number | undefined);
  for (let r = 0; r < runs; r++) {
    for (const [i, c] of commands.entries()) {
      const once = await listOnce(c);
      times[i]!.push(once.ms);
      if (once.cpu !== undefined) cpu[i]!.push(once.cpu);
      rss[i] = once.rss ?? rss[i];
    }
  }
  return {
    ms: times.map((t) => round(median(t))),
    cpu: cpu.map((t) => (t.length ? median(t) : undefined)),
    rss,
  };
}

function findNode22(): string | undefined {
  try {
    const path = execFileSync(
      process.execPath,
      [join(ROOT, 'scripts', 'node.mjs'), '22', '--at-least'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    ).trim();
    return path && path !== process.execPath ? path : undefined;
  } catch {
    return undefined;
  }
}

const pair = (
  node: string,
  m: { ms: number[]; cpu: (number | undefined)[] },
  server: number,
  bare: number,
): StartupPair => ({
  node,
  serverMs: m.ms[server]!,
  bareMs: m.ms[bare]!,
  ratio: round(m.ms[server]! / m.ms[bare]!),
  ...(m.cpu[server] !== undefined && { serverCpuMs: m.cpu[server] }),
  ...(m.cpu[bare] !== undefined && { bareCpuMs: m.cpu[bare] }),
});

async function run(options: BenchOptions): Promise<StartupResult> {
  const fake = await startFakeTidal({ latencyMs: options.latencyMs });
  const dir = mkdtempSync(join(tmpdir(), 'tidal-mcp-bench-'));
  try {
    const env = fakeEnv(fake);
    const server: Command = { node: process.execPath, args: [SERVER_ENTRY], env };
    // The bare script answers with exactly the tool list tidal-mcp sends.
    const toolsFile = join(dir, 'tools.json');
    writeFileSync(toolsFile, JSON.stringify((await listOnce(server)).tools));
    const bare: Command = { node: process.execPath, args: [BARE, toolsFile], env: {} };
    await listOnce(bare);
    const floor: Command = { node: process.execPath, args: [await bundleSdkFloor(dir)], env: {} };
    await listOnce(floor);
    const runs = options.quick ? 3 : 15;
    const current = await medians([server, bare, floor], runs);
    const cli: number[][] = [[], [], []];
    for (let i = 0; i < runs; i++) {
      cli[0]!.push(await exitTime([BARE, '--version']));
      cli[1]!.push(await exitTime([SERVER_ENTRY, '--version']));
      cli[2]!.push(await exitTime([SERVER_ENTRY, '--help']));
    }
    const node22 = findNode22();
    let n22: StartupResult['node22'] = null;
    if (node22) {
      const cache = join(dir, 'compile-cache');
      const cached = {
        node: node22,
        args: [SERVER_ENTRY],
        env: { ...env, NODE_COMPILE_CACHE: cache },
      };
      const uncached = {
        node: node22,
        args: [SERVER_ENTRY],
        env: { ...env, NODE_DISABLE_COMPILE_CACHE: '1' },
      };
      const bare22 = { ...bare, node: node22 };
      await listOnce(cached); // fills the cache
      const m = await medians([cached, bare22, uncached], runs);
      const version = execFileSync(node22, ['--version'], { encoding: 'utf8' }).trim();
      n22 = {
        cached: pair(version, m, 0, 1),
        uncachedMs: m.ms[2]!,
        ...(m.cpu[2] !== undefined && { uncachedCpuMs: m.cpu[2] }),
      };
    }
    return {
      runs,
      current: pair(process.version, current, 0, 1),
      sdkFloor: {
        ms: current.ms[2]!,
        ratio: round(current.ms[2]! / current.ms[1]!),
        ...(current.cpu[2] !== undefined && { cpuMs: current.cpu[2] }),
      },
      bareVersionMs: round(median(cli[0]!)),
      versionMs: round(median(cli[1]!)),
      helpMs: round(median(cli[2]!)),
      ...(current.rss[0] !== undefined && { idleRssMiB: round(current.rss[0], 1) }),
      ...(current.rss[1] !== undefined && { bareIdleRssMiB: round(current.rss[1], 1) }),
      node22: n22,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await fake.close();
  }
}

const cpu = (p: StartupPair) =>
  p.serverCpuMs === undefined || p.bareCpuMs === undefined
    ? 'n/a'
    : `${round(p.serverCpuMs, 1)} / ${round(p.bareCpuMs, 1)} = ${round(p.serverCpuMs / p.bareCpuMs)}×`;

function report(r: StartupResult): string {
  const c = r.current;
  const rows: (string | number)[][] = [
    [
      `spawn → tools/list, Node ${c.node}`,
      c.serverMs,
      `${c.bareMs} (bare Node)`,
      `${c.ratio}×`,
      cpu(c),
    ],
  ];
  rows.push([
    `spawn → tools/list, the MCP SDK alone (bench/sdk-floor.ts), Node ${c.node}`,
    r.sdkFloor.ms,
    `${c.bareMs} (bare Node)`,
    `${r.sdkFloor.ratio}×`,
    r.sdkFloor.cpuMs === undefined || c.bareCpuMs === undefined
      ? 'n/a'
      : `${round(r.sdkFloor.cpuMs, 1)} / ${round(c.bareCpuMs, 1)} = ${round(r.sdkFloor.cpuMs / c.bareCpuMs)}×`,
  ]);
  if (r.node22) {
    const n = r.node22.cached;
    rows.push(
      [
        `spawn → tools/list, Node ${n.node}, compile cache`,
        n.serverMs,
        `${n.bareMs} (bare Node)`,
        `${n.ratio}×`,
        cpu(n),
      ],
      [
        `spawn → tools/list, Node ${n.node}, no cache`,
        r.node22.uncachedMs,
        `${n.bareMs} (bare Node)`,
        `${round(r.node22.uncachedMs / n.bareMs)}×`,
        cpu({ ...n, serverCpuMs: r.node22.uncachedCpuMs }),
      ],
    );
  }
  rows.push(
    [
      '--version (spawn → exit)',
      r.versionMs,
      `${r.bareVersionMs} (bare Node)`,
      `${round(r.versionMs / r.bareVersionMs)}×`,
      '',
    ],
    [
      '--help (spawn → exit)',
      r.helpMs,
      `${r.bareVersionMs} (bare Node)`,
      `${round(r.helpMs / r.bareVersionMs)}×`,
      '',
    ],
    [
      'idle RSS after tools/list, MiB',
      r.idleRssMiB ?? 'n/a',
      `${r.bareIdleRssMiB ?? 'n/a'} (bare Node)`,
      '',
      '',
    ],
  );
  return table(
    [
      `start-up (median of ${r.runs})`,
      'tidal-mcp ms',
      'baseline ms (same run)',
      'ratio',
      'CPU ms at tools/list, tidal-mcp / bare',
    ],
    rows,
  );
}

function targets(r: StartupResult): Target[] {
  const out: Target[] = [
    {
      name: `start-up: spawn → tools/list (Node ${r.current.node})`,
      target: '≤ 3× bare Node (limit 2×)',
      actual: `${r.current.serverMs} ms = ${r.current.ratio}× (CPU ${cpu(r.current)}); the MCP SDK alone: ${r.sdkFloor.ms} ms = ${r.sdkFloor.ratio}×`,
      baseline: `${r.current.bareMs} ms`,
      met: r.current.ratio <= 3,
    },
  ];
  if (r.node22) {
    out.push({
      name: `start-up: spawn → tools/list (Node ${r.node22.cached.node}, compile cache)`,
      target: '≤ 3× bare Node (limit 2×)',
      actual: `${r.node22.cached.serverMs} ms = ${r.node22.cached.ratio}× (CPU ${cpu(r.node22.cached)})`,
      baseline: `${r.node22.cached.bareMs} ms`,
      met: r.node22.cached.ratio <= 3,
    });
  } else {
    out.push({
      name: 'start-up: spawn → tools/list (Node 22, compile cache)',
      target: '≤ 3× bare Node (limit 2×)',
      actual: 'NOT MEASURED: no Node >= 22 (scripts/node.mjs 22 --at-least found none)',
      met: false,
    });
  }
  for (const [name, ms] of [
    ['--version', r.versionMs],
    ['--help', r.helpMs],
  ] as const) {
    out.push({
      name: `start-up: ${name} (spawn → exit)`,
      target: '≤ 2× bare Node',
      actual: `${ms} ms`,
      baseline: `${r.bareVersionMs} ms`,
      met: ms <= 2 * r.bareVersionMs,
    });
  }
  return out;
}

export default defineSection({ name: 'startup', run, report, targets });
