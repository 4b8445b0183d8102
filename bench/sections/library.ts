/**
 * The library tools' request counts, against the fake TIDAL with injected latency, in process
 * (a user token minted by the fake; the request path below the tools is the production one):
 * get_playlist and get_library cost one request per TIDAL page of 20 items, and adding 500
 * favorites costs 10 writes of 50 plus the ISRC lookups (20 per request). Reported as targets.
 */
import {
  ALL_USER_SCOPES,
  DEFAULT_USER,
  type FakeTidal,
  FIXTURES,
  getCatalog,
  startFakeTidal,
} from '../../test/fake-tidal/index.js';
import {
  FakeLoginSession,
  type InProcessServer,
  startInProcess,
} from '../../test/helpers/in-process.js';
import { defineSection } from '../section.js';
import type { BenchOptions, Target } from '../stats.js';

interface Case {
  name: string;
  wanted: string;
  call: (h: InProcessServer) => Promise<unknown>;
  check: (requests: { reads: number; writes: number; lookups: number }) => boolean;
}

const c = getCatalog();
const isrcs = [
  ...new Set(c.tracks.filter((t) => c.isAvailable(t, DEFAULT_USER.country)).map((t) => t.isrc)),
].slice(0, 500);

const CASES: Case[] = [
  {
    name: 'get_playlist, 20 items',
    wanted: '1 request',
    call: (h) => h.tool('get_playlist', { playlistId: FIXTURES.playlistWithManyItems, limit: 20 }),
    check: (r) => r.reads === 1,
  },
  {
    name: 'get_playlist, default 50 items',
    wanted: '3 requests (20 per page)',
    call: (h) => h.tool('get_playlist', { playlistId: FIXTURES.playlistWithManyItems }),
    check: (r) => r.reads === 3,
  },
  {
    name: 'get_library tracks, 20 items',
    wanted: '1 request',
    call: (h) => h.tool('get_library', { kind: 'tracks', limit: 20 }),
    check: (r) => r.reads === 1,
  },
  {
    name: 'get_library mixes',
    wanted: '3 requests (one per family)',
    call: (h) => h.tool('get_library', { kind: 'mixes' }),
    check: (r) => r.reads === 3,
  },
  {
    name: '500 favorites added by ISRC',
    wanted: '10 writes + 25 lookups',
    call: (h) => h.tool('manage_favorites', { action: 'add', kind: 'tracks', isrcs }),
    check: (r) => r.writes === 10 && r.lookups === 25 && r.reads === 0,
  },
];

async function measure(fake: FakeTidal, h: InProcessServer, test: Case): Promise<Target> {
  h.app.http.cache.invalidate(() => true);
  fake.clearRequests();
  const started = performance.now();
  await test.call(h);
  const ms = Math.round(performance.now() - started);
  const requests = fake.apiRequests();
  const lookups = requests.filter((r) => r.path === '/tracks').length;
  const writes = requests.filter((r) => r.method !== 'GET').length;
  const counted = { reads: requests.length - lookups - writes, writes, lookups };
  const actual = `${counted.writes} writes + ${counted.lookups} lookups + ${counted.reads} reads (cold: ${ms} ms)`;
  return { name: `requests: ${test.name}`, target: test.wanted, actual, met: test.check(counted) };
}

export async function libraryTargets(options: BenchOptions): Promise<Target[]> {
  process.stderr.write('bench: library…\n');
  let fake: FakeTidal | undefined;
  let h: InProcessServer | undefined;
  try {
    fake = await startFakeTidal({ latencyMs: options.latencyMs });
    const scopes = [...ALL_USER_SCOPES];
    const session = new FakeLoginSession(fake.issueUserToken({ scopes }), DEFAULT_USER, scopes);
    h = await startInProcess(fake, { session, requestsPerSecond: 100 });
    const targets: Target[] = [];
    for (const test of CASES) targets.push(await measure(fake, h, test));
    return targets;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [
      { name: 'library tools', target: 'measured', actual: `not measured: ${reason}`, met: false },
    ];
  } finally {
    await h?.close();
    await fake?.close();
  }
}

export default defineSection({
  name: 'library',
  run: (options: BenchOptions) => libraryTargets(options),
  report: (targets: Target[]) =>
    targets.map((t) => `${t.name}: ${t.actual} (wanted ${t.target})`).join('\n'),
  targets: (targets: Target[]) => targets,
});
