/**
 * `npm run bench`: start-up, the server's own time per tool call, TIDAL requests and bytes, the
 * tokens a model reads, memory, HTTP throughput and burst behaviour, each figure next to its
 * target and its baseline measured in the same run. All against the fake TIDAL with injected
 * latency, driving the built server (dist/) through a real MCP client.
 *
 *   npm run bench                       # full run, writes bench/results.json
 *   npm run bench -- --latency 80       # another upstream round-trip time (ms)
 *   npm run bench -- --quick --out x.json
 *   npm run bench -- --only startup,tokens
 */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';

import type { BenchSection } from './section.js';
import { type BenchOptions, type Section, table, type Target } from './stats.js';

/** The sections, in the order they run and print. Adding one: a line here, a file in sections/. */
const SECTIONS: (() => Promise<{ default: BenchSection<unknown> }>)[] = [
  () => import('./sections/startup.js'),
  () => import('./sections/tools.js'),
  () => import('./sections/matching.js'),
  () => import('./sections/tokens.js'),
  () => import('./sections/memory.js'),
  () => import('./sections/playlist.js'),
  () => import('./sections/library.js'),
  () => import('./sections/http.js'),
  () => import('./sections/burst.js'),
];

export interface BenchResults {
  machine: { cpus: number; node: string; platform: string };
  options: BenchOptions;
  sections: Record<string, Section<unknown>>;
  targets: Target[];
}

async function measure<T>(
  section: BenchSection<T>,
  options: BenchOptions,
): Promise<{ result: Section<T>; printed: string; targets: Target[] }> {
  process.stderr.write(`bench: ${section.name}…\n`);
  try {
    const data = await section.run(options);
    return {
      result: { measured: true, data },
      printed: section.report(data, options),
      targets: section.targets(data, options),
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      result: { measured: false, reason },
      printed: `${section.name}: not measured: ${reason}`,
      targets: [
        { name: section.name, target: 'measured', actual: `not measured: ${reason}`, met: false },
      ],
    };
  }
}

export async function runBenchmark(
  options: BenchOptions,
  only?: readonly string[],
): Promise<{ results: BenchResults; printed: string[] }> {
  const results: BenchResults = {
    machine: {
      cpus: cpus().length,
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
    },
    options,
    sections: {},
    targets: [],
  };
  const printed = [
    `tidal-mcp benchmark — ${results.machine.cpus} CPUs, Node ${results.machine.node}, upstream latency ${options.latencyMs} ms${options.quick ? ' (quick)' : ''}`,
  ];
  for (const load of SECTIONS) {
    const section = (await load()).default;
    if (only && !only.includes(section.name)) continue;
    const m = await measure(section, options);
    results.sections[section.name] = m.result;
    results.targets.push(...m.targets);
    if (m.printed) printed.push(m.printed);
  }
  printed.push(
    table(
      ['target', 'wanted', 'measured', 'baseline (same run)', ''],
      results.targets.map((t) => [
        t.name,
        t.target,
        t.actual,
        t.baseline ?? '',
        t.met === undefined ? 'info' : t.met ? 'MET' : 'MISS',
      ]),
    ),
  );
  return { results, printed };
}

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const options: BenchOptions = {
    latencyMs: Number(argValue(args, '--latency') ?? 40),
    quick: args.includes('--quick'),
  };
  const out = resolve(argValue(args, '--out') ?? 'bench/results.json');
  const { results, printed } = await runBenchmark(options, argValue(args, '--only')?.split(','));
  console.log(printed.join('\n\n'));
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwrote ${out}`);
  // Child processes and sockets are closed; do not wait for idle keep-alive timers.
  process.exit(0);
}
