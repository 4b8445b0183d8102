/**
 * tracks_by_isrc in process: batches of 20 go out side by side, a failed batch is reported per
 * ISRC without losing the others, and a call where nothing answered is an error.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { type FakeTidal, getCatalog, startFakeTidal } from '../fake-tidal/index.js';
import { type InProcessServer, startInProcess } from '../helpers/in-process.js';

const catalog = getCatalog();
const available = [
  ...new Set(catalog.tracks.filter((t) => catalog.isAvailable(t, 'US')).map((t) => t.isrc)),
];

describe('tracks_by_isrc batches', () => {
  let fake: FakeTidal;
  let server: InProcessServer;
  beforeAll(async () => {
    fake = await startFakeTidal();
    server = await startInProcess(fake);
  });
  afterAll(async () => {
    await server.close();
    await fake.close();
  });
  beforeEach(() => {
    fake.clearRequests();
    fake.clearFaults();
  });

  it('sends the batches side by side, in order, and reports progress per batch', async () => {
    const isrcs = available.slice(200, 300); // 5 batches, none cached by other tests
    fake.inject({ kind: 'latency', ms: 600, count: 5, path: '/tracks' });
    const progress: string[] = [];
    server.client.setNotificationHandler('notifications/progress', (n) => {
      progress.push(`${n.params.progress}/${n.params.total}`);
    });
    const result = await server.tool('tracks_by_isrc', { isrcs }, { progressToken: 'p' });
    expect(result.structured).toMatchObject({ found: 100, notFound: 0, failed: 0 });
    const arrivals = fake.apiRequests().map((r) => r.at);
    expect(arrivals).toHaveLength(5);
    // Four were on the wire before the first answer (0.6 s upstream) could have come back:
    // sent one after another, the fourth would arrive 1.8 s after the first.
    expect(arrivals[3]! - arrivals[0]!).toBeLessThan(600);
    expect(progress).toEqual(['1/5', '2/5', '3/5', '4/5', '5/5']);
    // Results keep the order of the input.
    expect((result.structured.results as { isrc: string }[]).map((r) => r.isrc)).toEqual(isrcs);
  });

  it('reports a failed batch per ISRC and keeps the others', async () => {
    const isrcs = available.slice(300, 340); // 2 batches
    fake.inject({ kind: 'status', status: 400, count: 1, path: '/tracks' });
    const result = await server.tool('tracks_by_isrc', { isrcs });
    expect(result.isError).toBe(false);
    expect(result.structured).toMatchObject({ found: 20, failed: 20 });
    const failed = (result.structured.results as { status: string; message?: string }[]).filter(
      (r) => r.status === 'failed',
    );
    expect(failed[0]?.message).toMatch(
      /^TIDAL rejected the request for tracks for 20 ISRCs \(HTTP 400\)/,
    );
    expect(result.text).toMatch(
      /^ISRC lookup \(US\): 20 found, 0 not found, 0 invalid, 20 failed \(call again for them\)$/m,
    );
  });

  it('is an error when no batch answered', async () => {
    fake.inject({ kind: 'status', status: 400, count: 2, path: '/tracks' });
    const result = await server.tool('tracks_by_isrc', { isrcs: available.slice(340, 380) });
    expect(result.isError).toBe(true);
    expect(result.text).toMatch(/^TIDAL rejected the request for tracks for 20 ISRCs \(HTTP 400\)/);
  });
});
