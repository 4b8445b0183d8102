/**
 * Memory: the server's resident set size idle after start-up, and after 5,000 varied calls (every
 * sample call of every tool, over 40 argument sets each, 4 at a time), next to the response cache's
 * byte budget. RSS is read from /proc (Linux); elsewhere the section says it was not measured.
 * Then the same calls in process, to set the bytes the cache accounts for (the JSON text of the
 * responses it holds, which its budget bounds) against what holding them costs the heap (parsed
 * documents), measured after full garbage collections.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

import { type FakeTidal, startFakeTidal } from '../../test/fake-tidal/index.js';
import { FakeLoginSession, startInProcess } from '../../test/helpers/in-process.js';
import { buildSamples } from '../samples.js';
import { defineSection } from '../section.js';
import { rssMiB, startBenchServer } from '../server.js';
import { type BenchOptions, round, table, type Target } from '../stats.js';

/** The response cache's byte budget (src/tidal/cache.ts, ResponseCache's default maxBytes). */
export const CACHE_BUDGET_MIB = 32;
const VARIANTS = 40;
const IN_FLIGHT = 4;

export interface MemoryResult {
  calls: number;
  errors: number;
  idleRssMiB: number;
  afterCallsRssMiB: number;
  cacheBudgetMiB: number;
  /** In process, same calls: what the cache accounts for, and the heap growth after GC. */
  cacheAccountedMiB: number | null;
  cacheEntries: number | null;
  heapGrowthMiB: number;
}

type Samples = ReturnType<typeof flatSamples>;

function flatSamples(fake: FakeTidal) {
  return Object.entries(buildSamples(fake)).flatMap(([tool, list]) =>
    list.map((sample) => ({ tool, sample })),
  );
}

/** `calls` varied calls, IN_FLIGHT at a time; returns how many answered with an error. */
async function varied(
  samples: Samples,
  calls: number,
  call: (tool: string, args: Record<string, unknown>) => Promise<{ isError?: unknown }>,
): Promise<number> {
  let next = 0;
  let errors = 0;
  const worker = async () => {
    for (let n = next++; n < calls; n = next++) {
      const { tool, sample } = samples[n % samples.length]!;
      const variant = Math.floor(n / samples.length) % VARIANTS;
      if ((await call(tool, sample.args(variant))).isError === true) errors++;
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return errors;
}

/** The same calls in process: heap growth (after full GCs) against the cache's accounted bytes. */
async function inProcess(calls: number) {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  const fake = await startFakeTidal({ latencyMs: 0 });
  const samples = flatSamples(fake);
  const server = await startInProcess(fake, {
    session: new FakeLoginSession(fake.issueUserToken()),
  });
  try {
    await server.tool('get_album', { albumId: '__warmup__' });
    gc();
    const before = process.memoryUsage().heapUsed;
    await varied(samples, calls, (tool, args) => server.tool(tool, args));
    gc();
    const growth = process.memoryUsage().heapUsed - before;
    // The cache does not publish its size; its LRU does (a benchmark may look inside).
    const lru = (
      server.app.http.cache as unknown as { lru?: { calculatedSize?: number; size?: number } }
    ).lru;
    return {
      heapGrowthMiB: round(growth / 1048576, 1),
      cacheAccountedMiB:
        typeof lru?.calculatedSize === 'number' ? round(lru.calculatedSize / 1048576, 1) : null,
      cacheEntries: typeof lru?.size === 'number' ? lru.size : null,
    };
  } finally {
    await server.close();
    await fake.close();
  }
}

async function run(options: BenchOptions): Promise<MemoryResult> {
  if (process.platform !== 'linux') throw new Error('RSS is read from /proc, which only Linux has');
  const calls = options.quick ? 300 : 5000;
  const fake = await startFakeTidal({ latencyMs: 0 });
  const samples = flatSamples(fake);
  const server = await startBenchServer(fake, {
    env: { TIDAL_MCP_REQUESTS_PER_SECOND: '100' },
    login: true,
  });
  let idle: number | undefined;
  let after: number | undefined;
  let errors: number;
  try {
    await server.client.listTools();
    // Let start-up garbage settle as an idle server's would.
    await new Promise((r) => setTimeout(r, 1000));
    idle = rssMiB(server.pid);
    errors = await varied(samples, calls, (name, args) =>
      server.client.callTool({ name, arguments: args }),
    );
    after = rssMiB(server.pid);
  } finally {
    await server.close();
    await fake.close();
  }
  if (idle === undefined || after === undefined)
    throw new Error('could not read /proc/<pid>/status');
  return {
    calls,
    errors,
    idleRssMiB: round(idle, 1),
    afterCallsRssMiB: round(after, 1),
    cacheBudgetMiB: CACHE_BUDGET_MIB,
    ...(await inProcess(calls)),
  };
}

function report(r: MemoryResult): string {
  return table(
    ['memory', 'MiB'],
    [
      ['RSS idle after start-up (stdio)', r.idleRssMiB],
      [`RSS after ${r.calls} varied calls (${r.errors} errors)`, r.afterCallsRssMiB],
      ['response cache budget (JSON bytes)', r.cacheBudgetMiB],
      [`in process: cache holds (${r.cacheEntries ?? '?'} entries)`, r.cacheAccountedMiB ?? 'n/a'],
      ['in process: heap growth after GC, same calls', r.heapGrowthMiB],
    ],
  );
}

function targets(r: MemoryResult): Target[] {
  return [
    { name: 'memory: idle RSS after start-up', target: 'report', actual: `${r.idleRssMiB} MiB` },
    {
      name: `memory: RSS after ${r.calls} varied calls`,
      target: 'report',
      actual: `${r.afterCallsRssMiB} MiB (${r.errors} errors)`,
      baseline: `idle ${r.idleRssMiB} MiB`,
    },
    {
      name: 'memory: response cache within its byte budget',
      target: `≤ ${r.cacheBudgetMiB} MiB`,
      actual:
        r.cacheAccountedMiB === null
          ? 'not visible'
          : `${r.cacheAccountedMiB} MiB accounted; heap +${r.heapGrowthMiB} MiB`,
      met: r.cacheAccountedMiB !== null && r.cacheAccountedMiB <= r.cacheBudgetMiB,
    },
  ];
}

export default defineSection({ name: 'memory', run, report, targets });
