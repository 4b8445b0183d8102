/** Streamable HTTP throughput on a warm cache with 1, 8 and 32 concurrent clients. */
import { fakeEnv } from '../../test/e2e/harness.js';
import { connectHttpClient, spawnHttpServer } from '../../test/e2e/http-harness.js';
import { FIXTURES, startFakeTidal } from '../../test/fake-tidal/index.js';
import { defineSection } from '../section.js';
import { type BenchOptions, round, table } from '../stats.js';

export interface HttpLevel {
  clients: number;
  calls: number;
  callsPerSecond: number;
  errors: number;
}

async function run(options: BenchOptions): Promise<HttpLevel[]> {
  const fake = await startFakeTidal({ latencyMs: options.latencyMs });
  // Default log level: the harness waits for the "listening on" line, logged at info.
  const server = await spawnHttpServer(fakeEnv(fake));
  const args = { albumId: FIXTURES.multiVolumeAlbum };
  try {
    const warm = await connectHttpClient(server.url, 'modern');
    await warm.callTool({ name: 'get_album', arguments: args });
    await warm.close();
    const levels: HttpLevel[] = [];
    for (const clients of [1, 8, 32]) {
      const perClient = options.quick ? 3 : Math.max(10, Math.round(400 / clients));
      const connected = await Promise.all(
        Array.from({ length: clients }, () => connectHttpClient(server.url, 'modern')),
      );
      let errors = 0;
      const started = performance.now();
      await Promise.all(
        connected.map(async (client) => {
          for (let i = 0; i < perClient; i++) {
            const result = await client
              .callTool({ name: 'get_album', arguments: args })
              .catch(() => ({ isError: true }));
            if (result.isError === true) errors++;
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      await Promise.all(connected.map((c) => c.close()));
      levels.push({
        clients,
        calls: clients * perClient,
        callsPerSecond: round((clients * perClient) / seconds, 1),
        errors,
      });
    }
    return levels;
  } finally {
    await server.stop();
    await fake.close();
  }
}

function report(levels: HttpLevel[]): string {
  return table(
    ['HTTP clients (warm cache)', 'calls', 'calls/s', 'errors'],
    levels.map((h) => [h.clients, h.calls, h.callsPerSecond, h.errors]),
  );
}

export default defineSection({ name: 'http', run, report, targets: () => [] });
