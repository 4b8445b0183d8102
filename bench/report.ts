/** The printed table (also pasted into the README's Performance section). */
import type { BenchResults } from './run.js';

function table(headers: string[], rows: (string | number)[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells: (string | number)[]) =>
    `| ${cells.map((c, i) => String(c).padEnd(widths[i]!)).join(' | ')} |`;
  return [
    line(headers),
    `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`,
    ...rows.map(line),
  ].join('\n');
}

export function printReport(r: BenchResults): void {
  console.log(
    `tidal-mcp benchmark — ${r.machine.cpus} CPUs, Node ${r.machine.node}, upstream latency ${r.options.latencyMs} ms${r.options.quick ? ' (quick)' : ''}\n`,
  );
  if (r.tools.measured) {
    console.log(
      table(
        [
          'call',
          'requests cold/warm',
          'p50 cold ms',
          'p95 cold ms',
          'p50 warm ms',
          'overhead p50 cold/warm ms',
          'result bytes (≈tokens)',
          'raw TIDAL bytes',
          'ratio',
        ],
        r.tools.data.map((t) => [
          t.case,
          `${t.requestsCold}/${t.requestsWarm}`,
          t.coldP50Ms,
          t.coldP95Ms,
          t.warmP50Ms,
          `${t.overheadColdP50Ms}/${t.overheadWarmP50Ms}`,
          `${t.textBytes} (${t.textTokens})`,
          t.rawBytes,
          `${t.sizeRatio}x`,
        ]),
      ),
    );
  } else console.log(`tools: not measured: ${r.tools.reason}`);
  if (r.http.measured) {
    console.log(
      `\n${table(
        ['HTTP clients', 'calls', 'calls/s', 'errors'],
        r.http.data.map((h) => [h.clients, h.calls, h.callsPerSecond, h.errors]),
      )}`,
    );
  } else console.log(`\nHTTP: not measured: ${r.http.reason}`);
  if (r.startup.measured) {
    const s = r.startup.data;
    console.log(
      `\nstart-up median ${s.medianMs} ms over ${s.runs} runs; RSS idle ${s.idleRssMiB ?? 'n/a'} MiB, loaded ${s.loadedRssMiB ?? 'n/a'} MiB`,
    );
  } else console.log(`\nstart-up: not measured: ${r.startup.reason}`);
  if (r.burst.measured) {
    const b = r.burst.data;
    console.log(
      `burst: ${b.calls} calls, ${b.upstreamRequests} requests, ${b.tooManyRequests} × 429, ${b.errors} errors, ${b.seconds} s (bucket allows ≥ ${b.bucketMinimumSeconds} s)`,
    );
  } else console.log(`burst: not measured: ${r.burst.reason}`);
  if (!r.playlist.measured) console.log(`playlist: not measured: ${r.playlist.reason}`);
  console.log(
    `\n${table(
      ['target', 'wanted', 'measured', ''],
      r.targets.map((t) => [t.name, t.target, t.actual, t.met ? 'MET' : 'MISS']),
    )}`,
  );
}
