/**
 * `npm run bench` — how many TIDAL requests each tool call costs, how long it takes beyond
 * TIDAL's own latency, how many tokens the answer costs, start-up, HTTP throughput and burst
 * behaviour against a rate-limited TIDAL. All against the fake TIDAL with injected latency.
 *
 *   npm run bench                       # full run, writes bench/results.json
 *   npm run bench -- --latency 80       # another upstream round-trip time (ms)
 *   npm run bench -- --quick --out x.json
 */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { printReport } from './report.js';
import { runBurstSection } from './sections/burst.js';
import { runDiscoverySection } from './sections/discovery.js';
import { runHttpSection, type HttpLevel } from './sections/http.js';
import { libraryTargets } from './sections/library.js';
import { runPlaylistSection } from './sections/playlist.js';
import { runStartupSection } from './sections/startup.js';
import { runToolSection } from './sections/tools.js';
import type { BenchOptions, Section, Target } from './stats.js';
import { checkTargets, type Measured } from './targets.js';

export interface BenchResults extends Measured {
  machine: { cpus: number; node: string; platform: string };
  options: BenchOptions;
  tokenEstimate: string;
  http: Section<HttpLevel[]>;
  targets: Target[];
}

async function section<T>(name: string, run: () => Promise<T>): Promise<Section<T>> {
  process.stderr.write(`bench: ${name}…\n`);
  try {
    return { measured: true, data: await run() };
  } catch (error) {
    return { measured: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

export async function runBenchmark(options: BenchOptions): Promise<BenchResults> {
  const measured: Measured & { http: Section<HttpLevel[]> } = {
    tools: await section('tools', async () => [
      ...(await runToolSection(options)),
      ...(await runDiscoverySection(options)),
    ]),
    playlist: await section('playlist', () => runPlaylistSection(options)),
    startup: await section('startup', () => runStartupSection(options)),
    http: await section('http', () => runHttpSection(options)),
    burst: await section('burst', () => runBurstSection(options)),
    ...(await import('./sections/matching.js').then((m) => m.matchingSection(section, options))),
  };
  return {
    machine: {
      cpus: cpus().length,
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
    },
    options,
    tokenEstimate: 'tokens ≈ bytes / 4 of the text content the model reads',
    ...measured,
    targets: [...checkTargets(measured), ...(await libraryTargets(options))],
  };
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
  const results = await runBenchmark(options);
  printReport(results);
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwrote ${out}`);
  // Child processes and sockets are closed; do not wait for idle keep-alive timers.
  process.exit(0);
}
