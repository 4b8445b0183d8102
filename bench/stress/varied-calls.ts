/**
 * Many varied tool calls through one stdio server: more distinct TIDAL responses than the
 * response cache's byte budget holds, mixed with a hot set that stays cached.
 *
 * The server exposes no cache size, so the bound is shown two ways. By behaviour (per-call
 * stats in `_meta`, TIDAL_MCP_CALL_STATS=1): once more bytes were offered than the budget, the
 * oldest distinct calls must cost a TIDAL request again (evicted) while the newest are still
 * cache hits. By memory: the live heap after a full GC (a bench-only preload, gc-probe.mjs),
 * which must stop growing once the budget is passed; resident memory is reported too, but it
 * lags (V8 keeps freed pages) and says little on its own.
 */
import { readFileSync } from 'node:fs';

import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';

import { SERVER_ENTRY } from '../../test/e2e/harness.js';
import type { FakeTidal } from '../../test/fake-tidal/index.js';
import { rssMiB } from '../server.js';
import { type Call, distinctCalls, HOT_CALLS } from './calls.js';
import type { OutputScan } from './secrets.js';

/** The response cache's budget (src/tidal/cache.ts ResponseCache default). */
export const CACHE_BUDGET_BYTES = 32 * 1024 * 1024;
const PROBES = 20;
const GC_PROBE = new URL('./gc-probe.mjs', import.meta.url).href;

export interface VariedStress {
  calls: number;
  distinct: number;
  answered: number;
  transportErrors: number;
  toolErrors: number;
  seconds: number;
  /** Sum of the distinct TIDAL responses' sizes: what an unbounded cache would hold. */
  offeredBytes: number;
  rssBeforeMiB: number | undefined;
  /** Live heap after a full GC (gc-probe.mjs): before, at the budget, at the end. */
  heapBeforeMiB: number | undefined;
  heapAtBudgetMiB: number | undefined;
  heapAfterMiB: number | undefined;
  /** When the distinct responses so far first passed the budget. */
  rssAtBudgetMiB: number | undefined;
  rssAfterMiB: number | undefined;
  peakRssMiB: number | undefined;
  /** Oldest distinct calls asked again: how many needed TIDAL (evicted). */
  oldestRefetched: number;
  /** Newest distinct calls asked again: how many were served from the cache. */
  newestCached: number;
}

/** Peak resident set size in MiB from /proc (Linux only). */
function peakRssMiB(pid: number | null): number | undefined {
  if (pid === null) return undefined;
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Ask the server (see gc-probe.mjs) for its live heap after a full collection, in MiB. */
async function liveHeapMiB(pid: number | null, stderr: () => string): Promise<number | undefined> {
  if (pid === null) return undefined;
  const seen = stderr().split('[stress-gc] heapUsed=').length;
  process.kill(pid, 'SIGUSR2');
  for (let i = 0; i < 100; i += 1) {
    const parts = stderr().split('[stress-gc] heapUsed=');
    if (parts.length > seen) return Number.parseInt(parts.at(-1) ?? '', 10) / (1024 * 1024);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return undefined;
}

interface Stats {
  upstreamRequests?: number;
  cacheHits?: number;
}

export async function runVariedCalls(
  fake: FakeTidal,
  env: Record<string, string>,
  scan: OutputScan,
  total = 15_000,
  distinctCount = 6_000,
  concurrency = 32,
): Promise<VariedStress> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: ['--expose-gc', '--import', GC_PROBE, SERVER_ENTRY],
    env: { PATH: process.env.PATH ?? '', ...env, TIDAL_MCP_CALL_STATS: '1' },
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const client = new Client({ name: 'tidal-mcp-stress', version: '1.0.0' });
  await client.connect(transport);
  const pid = transport.pid;

  let answered = 0;
  let transportErrors = 0;
  let toolErrors = 0;
  const call = async (c: Call): Promise<Stats | undefined> => {
    try {
      const result = await client.callTool(c);
      answered += 1;
      if (result.isError) toolErrors += 1;
      scan.record('varied tool results', JSON.stringify(result.content));
      return result._meta?.['io.github.tidal-mcp/call-stats'] as Stats | undefined;
    } catch {
      transportErrors += 1;
      return undefined;
    }
  };

  for (const hot of HOT_CALLS) await call(hot);
  const rssBeforeMiB = rssMiB(pid);
  const heapBeforeMiB = await liveHeapMiB(pid, () => stderr);
  const distinct = distinctCalls(distinctCount);
  // Distinct calls spread evenly through the run; the rest cycle through the hot set.
  const slots = total - HOT_CALLS.length;
  const plan: Call[] = [];
  for (let i = 0, used = 0; i < slots; i += 1) {
    const due = Math.floor(((i + 1) * distinct.length) / slots);
    plan.push(due > used ? distinct[used++]! : HOT_CALLS[i % HOT_CALLS.length]!);
  }
  fake.clearRequests();
  const started = performance.now();
  const offeredBytes = () => {
    const offered = new Map<string, number>();
    for (const r of fake.apiRequests()) {
      offered.set(`${r.path}?${JSON.stringify(r.query)}`, r.responseBytes ?? 0);
    }
    return [...offered.values()].reduce((a, b) => a + b, 0);
  };
  let next = 0;
  let finished = 0;
  let rssAtBudgetMiB: number | undefined;
  let heapAtBudgetMiB: number | undefined;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < plan.length) {
        await call(plan[next++]!);
        finished += 1;
        if (rssAtBudgetMiB === undefined && finished % 250 === 0) {
          if (offeredBytes() > CACHE_BUDGET_BYTES) {
            rssAtBudgetMiB = rssMiB(pid);
            heapAtBudgetMiB = await liveHeapMiB(pid, () => stderr);
          }
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const offered = offeredBytes();
  const rssAfterMiB = rssMiB(pid);
  const heapAfterMiB = await liveHeapMiB(pid, () => stderr);

  let oldestRefetched = 0;
  for (const c of distinct.slice(0, PROBES)) {
    if (((await call(c))?.upstreamRequests ?? 0) > 0) oldestRefetched += 1;
  }
  let newestCached = 0;
  for (const c of distinct.slice(-PROBES)) {
    const stats = await call(c);
    if ((stats?.cacheHits ?? 0) > 0 && (stats?.upstreamRequests ?? 0) === 0) newestCached += 1;
  }
  const peak = peakRssMiB(pid);
  await client.close();
  scan.record('varied server stderr', stderr);
  return {
    calls: answered + transportErrors,
    distinct: distinct.length,
    answered,
    transportErrors,
    toolErrors,
    seconds,
    offeredBytes: offered,
    rssAtBudgetMiB,
    heapBeforeMiB,
    heapAtBudgetMiB,
    heapAfterMiB,
    rssBeforeMiB,
    rssAfterMiB,
    peakRssMiB: peak,
    oldestRefetched,
    newestCached,
  };
}
