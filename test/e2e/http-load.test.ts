/**
 * Bounded load on loopback: 20 concurrent MCP clients (half per protocol era) x 10 tool calls
 * against one server process. Asserts zero errors and that the process shares one TIDAL token
 * and its cache across all of them. No timing assertions: speed belongs to the benchmark.
 */
import type { Client } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type FakeTidal, FIXTURES, startFakeTidal } from '../fake-tidal/index.js';
import { fakeEnv } from './harness.js';
import { connectHttpClient, type HttpServerProcess, spawnHttpServer } from './http-harness.js';

const CLIENTS = 20;
const CALLS_PER_CLIENT = 10;

const CALLS: { name: string; arguments: Record<string, unknown> }[] = [
  { name: 'search_catalog', arguments: { query: FIXTURES.searchTermWithManyResults } },
  { name: 'get_album', arguments: { albumId: FIXTURES.albumWithManyTracks } },
  { name: 'get_album', arguments: { barcode: FIXTURES.eanAlbumBarcode } },
  { name: 'tracks_by_isrc', arguments: { isrcs: [FIXTURES.multiTrackIsrc] } },
  { name: 'similar_artists', arguments: { artistId: FIXTURES.artistWithManySimilar } },
];

describe('load over HTTP', () => {
  let fake: FakeTidal;
  let server: HttpServerProcess;

  beforeAll(async () => {
    fake = await startFakeTidal();
    server = await spawnHttpServer(fakeEnv(fake, { TIDAL_MCP_REQUESTS_PER_SECOND: '50' }));
  });
  afterAll(async () => {
    await server?.stop();
    await fake?.close();
  });

  it(`${CLIENTS} concurrent clients x ${CALLS_PER_CLIENT} calls: zero errors`, async () => {
    const clients: Client[] = await Promise.all(
      Array.from({ length: CLIENTS }, (_, i) =>
        connectHttpClient(server.url, i % 2 === 0 ? 'legacy' : 'modern'),
      ),
    );
    const failures: string[] = [];
    await Promise.all(
      clients.map(async (client, c) => {
        for (let k = 0; k < CALLS_PER_CLIENT; k += 1) {
          const call = CALLS[(c + k) % CALLS.length]!;
          try {
            const result = await client.callTool(call);
            if (result.isError) failures.push(`${call.name}: ${JSON.stringify(result.content)}`);
          } catch (error) {
            failures.push(`${call.name}: ${String(error)}`);
          }
        }
      }),
    );
    await Promise.all(clients.map((c) => c.close()));
    expect(failures).toEqual([]);
    // Shared per process: one token; each distinct upstream request made once (cache + single flight).
    expect(fake.issuedTokenCount()).toBe(1);
    const distinct = new Set(fake.apiRequests().map((r) => `${r.path}?${JSON.stringify(r.query)}`));
    expect(fake.apiRequests()).toHaveLength(distinct.size);
    expect(server.stderr()).not.toContain('error:');
  });
});
