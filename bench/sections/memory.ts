/**
 * Memory: the server's resident set size idle after start-up, and after 5,000 varied calls (every
 * sample call of every tool, over 40 argument sets each, 4 at a time), next to the response cache's
 * byte budget. RSS is read from /proc (Linux); elsewhere the section says it was not measured.
 */
import { startFakeTidal } from '../../test/fake-tidal/index.js';
import { buildSamples } from '../samples.js';
import { defineSection } from '../section.js';
import { rssMiB, startBenchServer } from '../server.js';
import { round, table, type BenchOptions, type Target } from '../stats.js';

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
}

async function run(options: BenchOptions): Promise<MemoryResult> {
  if (process.platform !== 'linux') throw new Error('RSS is read from /proc, which only Linux has');
  const fake = await startFakeTidal({ latencyMs: 0 });
  const samples = Object.entries(buildSamples(fake)).flatMap(([tool, list]) =>
    list.map((sample) => ({ tool, sample })),
  );
  const server = await startBenchServer(fake, {
    env: { TIDAL_MCP_REQUESTS_PER_SECOND: '100' },
    login: true,
  });
  try {
    await server.client.listTools();
    // Let start-up garbage settle as an idle server's would.
    await new Promise((r) => setTimeout(r, 1000));
    const idle = rssMiB(server.pid);
    const calls = options.quick ? 300 : 5000;
    let next = 0;
    let errors = 0;
    const worker = async () => {
      for (let n = next++; n < calls; n = next++) {
        const { tool, sample } = samples[n % samples.length]!;
        const variant = Math.floor(n / samples.length) % VARIANTS;
        const result = await server.client.callTool({
          name: tool,
          arguments: sample.args(variant),
        });
        if (result.isError === true) errors++;
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    const after = rssMiB(server.pid);
    if (idle === undefined || after === undefined)
      throw new Error('could not read /proc/<pid>/status');
    return {
      calls,
      errors,
      idleRssMiB: round(idle, 1),
      afterCallsRssMiB: round(after, 1),
      cacheBudgetMiB: CACHE_BUDGET_MIB,
    };
  } finally {
    await server.close();
    await fake.close();
  }
}

function report(r: MemoryResult): string {
  return table(
    ['memory', 'RSS MiB'],
    [
      ['idle after start-up', r.idleRssMiB],
      [`after ${r.calls} varied calls (${r.errors} errors)`, r.afterCallsRssMiB],
      ['response cache budget', r.cacheBudgetMiB],
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
      baseline: `cache budget ${r.cacheBudgetMiB} MiB`,
    },
  ];
}

export default defineSection({ name: 'memory', run, report, targets });
