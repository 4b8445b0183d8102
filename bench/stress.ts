/**
 * `npm run stress` (or `npx tsx bench/stress.ts` after `npm run build`): the built server under
 * load against the fake TIDAL, printed as a regression table and written to
 * bench/stress-results.md. Exit code 1 when a check fails.
 *
 * - 200 Streamable HTTP clients (both eras, bearer token) x 5 calls: every call answered.
 * - 2,000 JSON-RPC requests written to stdin at once: every one answered.
 * - 15,000 varied calls through one stdio server: the response cache stays within its budget.
 * - Every output of the run (stderr at debug level, stdout, tool results, the login CLI and
 *   page) is searched for every secret that crossed the wire: none may appear.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';

import { format, resolveConfig } from 'prettier';

import { ROOT, SERVER_ENTRY } from '../test/e2e/harness.js';
import { spawnHttpServer } from '../test/e2e/http-harness.js';
import { DEFAULT_USER, startFakeTidal } from '../test/fake-tidal/index.js';
import { loginEnv, loginForTests } from '../test/helpers/login.js';
import { round } from './stats.js';
import { runHttpClients } from './stress/http-clients.js';
import { OutputScan } from './stress/secrets.js';
import { runStdioPipeline } from './stress/stdio-pipeline.js';
import { startTokenRecorder } from './stress/token-recorder.js';
import { CACHE_BUDGET_BYTES, runVariedCalls } from './stress/varied-calls.js';

interface Row {
  check: string;
  target: string;
  result: string;
  pass: boolean;
}

const MiB = 1024 * 1024;
/** Noise allowed in the live heap once the cache is full (other caches, V8 bookkeeping). */
const HEAP_SLACK_MIB = 8;
const mib = (value: number | undefined) => (value === undefined ? 'n/a' : `${round(value, 1)} MiB`);

function table(rows: Row[]): string {
  const lines = ['| Check | Target | Result | Pass |', '| --- | --- | --- | --- |'];
  for (const r of rows)
    lines.push(`| ${r.check} | ${r.target} | ${r.result} | ${r.pass ? 'yes' : '**NO**'} |`);
  return lines.join('\n');
}

async function main(): Promise<number> {
  if (!existsSync(SERVER_ENTRY)) throw new Error('dist/index.js is missing: run `npm run build`');
  const fake = await startFakeTidal();
  const recorder = await startTokenRecorder(fake.tokenUrl);
  const scan = new OutputScan();
  const httpToken = randomBytes(32).toString('hex');
  scan.addSecret(fake.clientSecret);
  scan.addSecret(httpToken);
  const config = mkdtempSync(join(tmpdir(), 'tidal-mcp-stress-'));
  const env = await loginEnv(fake, {
    TIDAL_TOKEN_URL: recorder.url,
    TIDAL_MCP_TOKEN_STORE: 'file',
    XDG_CONFIG_HOME: config,
    TIDAL_MCP_LOG_LEVEL: 'debug',
    TIDAL_MCP_REQUESTS_PER_SECOND: '100',
  });
  const rows: Row[] = [];
  try {
    process.stderr.write('stress: login…\n');
    const login = await loginForTests(fake, env);
    scan.record('login CLI', login.stdout + login.stderr + (login.page?.body ?? ''));
    if (login.code !== 0) throw new Error(`login failed: ${login.stderr}`);
    // The next user call meets a 401 and refreshes: the refresh path runs under load too.
    fake.expireUserTokens(DEFAULT_USER.id);

    process.stderr.write('stress: 200 HTTP clients x 5 calls…\n');
    const server = await spawnHttpServer({ ...env, TIDAL_MCP_HTTP_TOKEN: httpToken });
    const http = await runHttpClients(server, httpToken, scan).finally(async () => {
      await server.stop();
      scan.record('http server stderr', server.stderr());
    });
    const httpCalls = http.clients * http.callsPerClient;
    rows.push({
      check: `HTTP: ${http.clients} clients x ${http.callsPerClient} calls`,
      target: `${httpCalls} answered, 0 errors`,
      result: `${http.answered} answered, ${http.toolErrors} tool errors, ${http.failures.length - http.toolErrors} client failures; ${round(http.answered / http.seconds, 0)} calls/s; server RSS ${mib(http.rssMiB)}`,
      pass: http.answered === httpCalls && http.failures.length === 0,
    });

    process.stderr.write('stress: 2,000 pipelined stdio requests…\n');
    const pipe = await runStdioPipeline(env, scan);
    rows.push({
      check: `stdio: ${pipe.requests} requests written at once`,
      target: `${pipe.requests} answered, 0 errors, exit 0 on EOF`,
      result: `${pipe.answered} answered, ${pipe.errors} errors in ${round(pipe.seconds, 1)} s; exit ${pipe.exitCode}`,
      pass: pipe.answered === pipe.requests && pipe.errors === 0 && pipe.exitCode === 0,
    });

    process.stderr.write('stress: 15,000 varied calls over stdio (about a minute)…\n');
    const varied = await runVariedCalls(fake, env, scan);
    rows.push({
      check: `stdio: ${varied.calls - 40} varied calls + 40 cache probes (${varied.distinct} distinct), 32 in flight`,
      target: 'all answered, 0 transport errors',
      result: `${varied.answered} answered (${varied.toolErrors} tool-level errors), ${varied.transportErrors} transport errors in ${round(varied.seconds, 1)} s`,
      pass: varied.transportErrors === 0 && varied.answered === varied.calls,
    });
    rows.push({
      check: 'response cache: bounded (behaviour, from per-call stats)',
      target: `offered > ${CACHE_BUDGET_BYTES / MiB} MiB; oldest 20 distinct refetched, newest 20 cached`,
      result: `offered ${mib(varied.offeredBytes / MiB)}; oldest refetched ${varied.oldestRefetched}/20, newest cached ${varied.newestCached}/20`,
      pass:
        varied.offeredBytes > CACHE_BUDGET_BYTES &&
        varied.oldestRefetched === 20 &&
        varied.newestCached === 20,
    });
    const before = varied.heapBeforeMiB ?? Number.NaN;
    const atBudget = varied.heapAtBudgetMiB ?? Number.NaN;
    const after = varied.heapAfterMiB ?? Number.NaN;
    rows.push({
      check: 'response cache: bounded (live heap after GC; the server exposes no cache size)',
      target: `heap grows < ${HEAP_SLACK_MIB} MiB once ${CACHE_BUDGET_BYTES / MiB} MiB were offered`,
      result: `${mib(before)} → ${mib(atBudget)} at ${CACHE_BUDGET_BYTES / MiB} MiB offered → ${mib(after)} at ${mib(varied.offeredBytes / MiB)} offered (RSS ${mib(varied.rssBeforeMiB)} → ${mib(varied.rssAfterMiB)}, peak ${mib(varied.peakRssMiB)})`,
      pass: after - atBudget < HEAP_SLACK_MIB,
    });

    const { secrets, hits } = scan.findings(recorder.secrets());
    const outputBytes = Object.values(scan.sizes()).reduce((a, b) => a + b, 0);
    // Positive control: the credentials file must hold tokens, and the scan must find them.
    const stored = readFileSync(join(config, 'tidal-mcp', 'credentials.json'), 'utf8');
    const control = scan.countIn(stored, recorder.secrets());
    rows.push({
      check: 'secrets in any output (debug log level)',
      target: '0 (and the scan finds the tokens in the credentials file)',
      result: `${hits.length} hits for ${secrets} secrets (${recorder.issued()} tokens issued) in ${mib(outputBytes / MiB)} of output; control: ${control} found in the credentials file${hits.length ? `; hits: ${hits.slice(0, 5).join(', ')}` : ''}`,
      pass: hits.length === 0 && control >= 2 && recorder.issued() > 1,
    });
  } finally {
    await recorder.close();
    await fake.close();
    rmSync(config, { recursive: true, force: true });
  }
  // What each check means is in CONTRIBUTING.md "Stress test"; this file holds the latest table.
  const report = [
    '# Stress test: latest run',
    '',
    'Written by `npm run stress`; what each check means: CONTRIBUTING.md, "Stress test".',
    '',
    `Latest run (${new Date().toISOString().slice(0, 10)}; Node ${process.version}, ${process.platform}-${process.arch}, ${cpus().length} CPUs):`,
    '',
    table(rows),
    '',
  ].join('\n');
  console.log(`\n${table(rows)}\n`);
  // Formatted as `npm run lint` expects (prettier --check .).
  const file = join(ROOT, 'bench', 'stress-results.md');
  const options = (await resolveConfig(file)) ?? {};
  writeFileSync(file, await format(report, { ...options, filepath: file }));
  console.log('wrote bench/stress-results.md');
  return rows.every((r) => r.pass) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
