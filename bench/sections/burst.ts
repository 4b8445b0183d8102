/**
 * 50 distinct catalog calls at once against a fake TIDAL that enforces a token bucket like
 * TIDAL's (4/s, burst 10). The client-side limiter (defaults) should keep 429s at zero.
 */
import { getCatalog, startFakeTidal } from '../../test/fake-tidal/index.js';
import { defineSection } from '../section.js';
import { startBenchServer } from '../server.js';
import { type BenchOptions, round, type Target } from '../stats.js';

export interface BurstResult {
  calls: number;
  upstreamRequests: number;
  tooManyRequests: number;
  errors: number;
  seconds: number;
  /** The fastest the bucket allows for these requests: burst at once, then the refill rate. */
  bucketMinimumSeconds: number;
}

async function run(options: BenchOptions): Promise<BurstResult> {
  const rate = { ratePerSecond: 4, burst: 10 };
  const fake = await startFakeTidal({ latencyMs: options.latencyMs, rateLimit: rate });
  const server = await startBenchServer(fake);
  try {
    await server.client.listTools();
    const albums = getCatalog().albums.filter((a) => a.unavailableIn.length === 0);
    const calls = options.quick ? 12 : 50;
    const started = performance.now();
    const results = await Promise.all(
      albums
        .slice(0, calls)
        .map((a) => server.client.callTool({ name: 'get_album', arguments: { albumId: a.id } })),
    );
    const seconds = (performance.now() - started) / 1000;
    const requests = fake.apiRequests();
    return {
      calls,
      upstreamRequests: requests.length,
      tooManyRequests: requests.filter((r) => r.status === 429).length,
      errors: results.filter((r) => r.isError === true).length,
      seconds: round(seconds),
      bucketMinimumSeconds: round(Math.max(0, requests.length - rate.burst) / rate.ratePerSecond),
    };
  } finally {
    await server.close();
    await fake.close();
  }
}

function report(b: BurstResult): string {
  return `burst: ${b.calls} calls, ${b.upstreamRequests} requests, ${b.tooManyRequests} × 429, ${b.errors} errors, ${b.seconds} s (bucket allows ≥ ${b.bucketMinimumSeconds} s)`;
}

function targets(b: BurstResult): Target[] {
  return [
    {
      name: `429s in a burst of ${b.calls} calls (bucket 4/s, burst 10)`,
      target: '0',
      actual: String(b.tooManyRequests),
      met: b.tooManyRequests === 0,
    },
  ];
}

export default defineSection({ name: 'burst', run, report, targets });
