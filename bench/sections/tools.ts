/**
 * Per tool and argument shape: upstream requests cold and warm, latency p50/p95 cold and warm,
 * the server's own overhead (call time minus time waiting on TIDAL and on the rate limiter), and
 * result size next to the raw TIDAL documents it was built from.
 */
import { getCatalog, startFakeTidal } from '../../test/fake-tidal/index.js';
import { measureCall, startBenchServer, type CallMeasure } from '../server.js';
import { percentile, round, type BenchOptions } from '../stats.js';

export interface ToolCaseResult {
  case: string;
  tool: string;
  requestsCold: number;
  requestsWarm: number;
  expectedRequests: number;
  coldP50Ms: number;
  coldP95Ms: number;
  warmP50Ms: number;
  warmP95Ms: number;
  overheadColdP50Ms: number;
  overheadWarmP50Ms: number;
  textBytes: number;
  textTokens: number;
  structuredBytes: number;
  rawBytes: number;
  sizeRatio: number;
  errors: number;
}

interface Case {
  name: string;
  tool: string;
  expected: number;
  args: (i: number) => Record<string, unknown>;
}

function cases(): Case[] {
  const c = getCatalog();
  const albums = c.albums.filter((a) => a.unavailableIn.length === 0);
  const tracks = c.tracks.filter((t) => c.isAvailable(c.album(t.albumId)!, 'US'));
  const isrcs = [...new Set(tracks.map((t) => t.isrc))];
  const artists = c.artists.filter((a) => a.similarIds.length > 0);
  return [
    {
      name: 'search (3 types)',
      tool: 'search_catalog',
      expected: 1,
      args: (i) => ({ query: albums[i]!.title }),
    },
    {
      name: 'album by id',
      tool: 'get_album',
      expected: 1,
      args: (i) => ({ albumId: albums[i]!.id }),
    },
    {
      name: 'album by barcode',
      tool: 'get_album',
      expected: 1,
      args: (i) => ({ barcode: albums[50 + i]!.barcodeId }),
    },
    { name: '1 ISRC', tool: 'tracks_by_isrc', expected: 1, args: (i) => ({ isrcs: [isrcs[i]!] }) },
    {
      name: '20 ISRCs',
      tool: 'tracks_by_isrc',
      expected: 1,
      args: (i) => ({ isrcs: isrcs.slice(100 + i * 20, 120 + i * 20) }),
    },
    {
      name: '100 ISRCs',
      tool: 'tracks_by_isrc',
      expected: 5,
      args: (i) => ({ isrcs: isrcs.slice(600 + i * 100, 700 + i * 100) }),
    },
    {
      name: 'similar by id',
      tool: 'similar_artists',
      expected: 1,
      args: (i) => ({ artistId: artists[i]!.id }),
    },
    {
      name: 'similar by name',
      tool: 'similar_artists',
      expected: 2,
      args: (i) => ({ artistName: artists[20 + i]!.name }),
    },
  ];
}

const overhead = (m: CallMeasure) => m.ms - m.upstreamMs - m.throttledMs;

export async function runToolSection(options: BenchOptions): Promise<ToolCaseResult[]> {
  const iterations = options.quick ? 2 : 8;
  const fake = await startFakeTidal({ latencyMs: options.latencyMs });
  // The limiter would otherwise add its own spacing; it is measured separately (burst section).
  const server = await startBenchServer(fake, { TIDAL_MCP_REQUESTS_PER_SECOND: '100' });
  try {
    await measureCall(server.client, 'get_album', { albumId: getCatalog().albums[200]!.id }); // token + connection warm-up
    const results: ToolCaseResult[] = [];
    for (const testCase of cases()) {
      const cold: CallMeasure[] = [];
      const warm: CallMeasure[] = [];
      let rawBytes = 0;
      for (let i = 0; i < iterations; i++) {
        fake.clearRequests();
        cold.push(await measureCall(server.client, testCase.tool, testCase.args(i)));
        rawBytes += fake.apiRequests().reduce((sum, r) => sum + (r.responseBytes ?? 0), 0);
      }
      for (let i = 0; i < iterations; i++)
        warm.push(await measureCall(server.client, testCase.tool, testCase.args(i)));
      const text = cold.reduce((s, m) => s + m.textBytes, 0) / iterations;
      const raw = rawBytes / iterations;
      results.push({
        case: testCase.name,
        tool: testCase.tool,
        requestsCold: Math.max(...cold.map((m) => m.upstreamRequests)),
        requestsWarm: Math.max(...warm.map((m) => m.upstreamRequests)),
        expectedRequests: testCase.expected,
        coldP50Ms: round(
          percentile(
            cold.map((m) => m.ms),
            50,
          ),
        ),
        coldP95Ms: round(
          percentile(
            cold.map((m) => m.ms),
            95,
          ),
        ),
        warmP50Ms: round(
          percentile(
            warm.map((m) => m.ms),
            50,
          ),
        ),
        warmP95Ms: round(
          percentile(
            warm.map((m) => m.ms),
            95,
          ),
        ),
        overheadColdP50Ms: round(percentile(cold.map(overhead), 50)),
        overheadWarmP50Ms: round(percentile(warm.map(overhead), 50)),
        textBytes: Math.round(text),
        textTokens: Math.round(text / 4),
        structuredBytes: Math.round(cold.reduce((s, m) => s + m.structuredBytes, 0) / iterations),
        rawBytes: Math.round(raw),
        sizeRatio: round(raw / Math.max(1, text), 1),
        errors: [...cold, ...warm].filter((m) => m.isError).length,
      });
    }
    return results;
  } finally {
    await server.close();
    await fake.close();
  }
}
