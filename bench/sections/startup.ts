/** Start-up (spawn to the first tools/list answer, median of several runs) and memory. */
import { getCatalog, startFakeTidal } from '../../test/fake-tidal/index.js';
import { rssMiB, startBenchServer } from '../server.js';
import { median, round, type BenchOptions } from '../stats.js';

export interface StartupResult {
  runs: number;
  medianMs: number;
  idleRssMiB?: number;
  loadedRssMiB?: number;
}

export async function runStartupSection(options: BenchOptions): Promise<StartupResult> {
  const fake = await startFakeTidal({ latencyMs: options.latencyMs });
  try {
    const runs = options.quick ? 2 : 7;
    const times: number[] = [];
    let idle: number | undefined;
    let loaded: number | undefined;
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const server = await startBenchServer(fake);
      await server.client.listTools();
      times.push(performance.now() - started);
      if (i === runs - 1) {
        idle = rssMiB(server.pid);
        const c = getCatalog();
        for (const album of c.albums.slice(0, options.quick ? 10 : 100)) {
          await server.client.callTool({
            name: 'get_album',
            arguments: { albumId: album.id, country: 'NO' },
          });
        }
        loaded = rssMiB(server.pid);
      }
      await server.close();
    }
    return {
      runs,
      medianMs: round(median(times)),
      ...(idle !== undefined && { idleRssMiB: round(idle, 1) }),
      ...(loaded !== undefined && { loadedRssMiB: round(loaded, 1) }),
    };
  } finally {
    await fake.close();
  }
}
