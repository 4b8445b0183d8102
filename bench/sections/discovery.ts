/**
 * Discovery rows (issue 12), in the same shape as the tool rows: get_artist by id and by name,
 * get_artist for an artist with more releases than one TIDAL page, similar_tracks, and a
 * 3-country availability check of 20 ISRCs. Upstream requests cold and warm, latency, the
 * server's own overhead, and the result text next to the raw TIDAL documents it was built from.
 * The availability row's "overhead" comes out negative: its per-country requests run
 * concurrently, and the time waited on TIDAL is summed over them.
 */
import { DISCOVERY } from '../../test/fake-tidal/catalog/generate-discovery.js';
import { getCatalog, startFakeTidal } from '../../test/fake-tidal/index.js';
import { measureCall, startBenchServer, type CallMeasure } from '../server.js';
import { percentile, round, type BenchOptions } from '../stats.js';
import type { ToolCaseResult } from './tools.js';

interface Case {
  name: string;
  tool: string;
  expected: number;
  args: (i: number) => Record<string, unknown>;
}

/** Countries make repeated calls for the one 33-release artist cold (the cache is per country). */
const COUNTRIES = ['US', 'GB', 'DE', 'SE', 'NO', 'FR', 'NL', 'JP'];

function cases(): Case[] {
  const c = getCatalog();
  // Regular artists: at most 20 releases each, so the default sections fit one request.
  const artists = c.artists.filter((a) => a.id.startsWith('35') && a.albumIds.length <= 20);
  const tracks = c.tracks.filter((t) => c.isAvailable(t, 'US') && t.id.startsWith('200'));
  const singles = tracks.filter((t) => c.tracksByIsrc(t.isrc).length === 1);
  return [
    {
      name: 'artist by id',
      tool: 'get_artist',
      expected: 1,
      args: (i) => ({ artistId: artists[i]!.id }),
    },
    {
      name: 'artist by name',
      tool: 'get_artist',
      expected: 2,
      args: (i) => ({ artistName: artists[20 + i]!.name }),
    },
    {
      name: 'artist, 33 releases',
      tool: 'get_artist',
      expected: 2,
      args: (i) => ({
        artistId: DISCOVERY.artist,
        include: ['albums', 'singles'],
        country: COUNTRIES[i],
      }),
    },
    {
      name: 'similar tracks',
      tool: 'similar_tracks',
      expected: 1,
      args: (i) => ({ trackId: tracks[i * 7]!.id }),
    },
    {
      name: '20 ISRCs in 3 countries',
      tool: 'tracks_by_isrc',
      expected: 3,
      args: (i) => ({
        isrcs: singles.slice(300 + i * 20, 320 + i * 20).map((t) => t.isrc),
        countries: ['US', 'SE', 'JP'],
      }),
    },
  ];
}

const overhead = (m: CallMeasure) => m.ms - m.upstreamMs - m.throttledMs;
const p = (values: number[], q: number) => round(percentile(values, q));

function row(
  testCase: Case,
  cold: CallMeasure[],
  warm: CallMeasure[],
  raw: number,
): ToolCaseResult {
  const n = cold.length;
  const text = cold.reduce((s, m) => s + m.textBytes, 0) / n;
  return {
    case: testCase.name,
    tool: testCase.tool,
    requestsCold: Math.max(...cold.map((m) => m.upstreamRequests)),
    requestsWarm: Math.max(...warm.map((m) => m.upstreamRequests)),
    expectedRequests: testCase.expected,
    coldP50Ms: p(
      cold.map((m) => m.ms),
      50,
    ),
    coldP95Ms: p(
      cold.map((m) => m.ms),
      95,
    ),
    warmP50Ms: p(
      warm.map((m) => m.ms),
      50,
    ),
    warmP95Ms: p(
      warm.map((m) => m.ms),
      95,
    ),
    overheadColdP50Ms: p(cold.map(overhead), 50),
    overheadWarmP50Ms: p(warm.map(overhead), 50),
    textBytes: Math.round(text),
    textTokens: Math.round(text / 4),
    structuredBytes: Math.round(cold.reduce((s, m) => s + m.structuredBytes, 0) / n),
    rawBytes: Math.round(raw / n),
    sizeRatio: round(raw / n / Math.max(1, text), 1),
    errors: [...cold, ...warm].filter((m) => m.isError).length,
  };
}

export async function runDiscoverySection(options: BenchOptions): Promise<ToolCaseResult[]> {
  const iterations = options.quick ? 2 : 8;
  const fake = await startFakeTidal({ latencyMs: options.latencyMs });
  const server = await startBenchServer(fake, { TIDAL_MCP_REQUESTS_PER_SECOND: '100' });
  try {
    await measureCall(server.client, 'get_album', { albumId: DISCOVERY.explicitAlbum }); // warm-up
    const results: ToolCaseResult[] = [];
    for (const testCase of cases()) {
      const cold: CallMeasure[] = [];
      const warm: CallMeasure[] = [];
      let raw = 0;
      for (let i = 0; i < iterations; i++) {
        fake.clearRequests();
        cold.push(await measureCall(server.client, testCase.tool, testCase.args(i)));
        raw += fake.apiRequests().reduce((sum, r) => sum + (r.responseBytes ?? 0), 0);
      }
      for (let i = 0; i < iterations; i++)
        warm.push(await measureCall(server.client, testCase.tool, testCase.args(i)));
      results.push(row(testCase, cold, warm, raw));
    }
    return results;
  } finally {
    await server.close();
    await fake.close();
  }
}
