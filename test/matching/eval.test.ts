/**
 * The correctness targets of issue 13 on the evaluation set, through the real tool: a real MCP
 * client, the server, the TIDAL client and the fake TIDAL's search over the evaluation catalog.
 * Correctness is behaviour, so it is asserted here; speed is measured by `npm run bench` only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { evalDocs, figures, judge, type LineVerdict } from '../fake-tidal/eval/index.js';
import { type FakeTidal, getCatalog, startFakeTidal } from '../fake-tidal/index.js';
import { type InProcessServer, startInProcess } from '../helpers/in-process.js';

const catalog = getCatalog();
const docs = evalDocs();

describe('matching evaluation set', () => {
  let fake: FakeTidal;
  let server: InProcessServer;
  const verdicts: LineVerdict[] = [];
  const requests: { doc: string; searches: number; isrcRequests: number; isrcValues: number[] }[] =
    [];

  beforeAll(async () => {
    fake = await startFakeTidal();
    server = await startInProcess(fake);
    for (const doc of docs) {
      fake.clearRequests();
      const answers = [];
      let result = await server.tool('match_tracks', { text: doc.text, country: 'US', limit: 100 });
      for (;;) {
        expect(result.isError, `${doc.name}: ${result.text}`).toBe(false);
        answers.push(...result.structured.lines);
        if (!result.structured.nextCursor) break;
        result = await server.tool('match_tracks', {
          cursor: result.structured.nextCursor,
          limit: 100,
        });
      }
      verdicts.push(...judge(catalog, doc, answers));
      const api = fake.apiRequests();
      requests.push({
        doc: doc.name,
        searches: api.filter((r) => r.path === '/searchResults').length,
        isrcRequests: api.filter((r) => r.path === '/tracks').length,
        isrcValues: api
          .filter((r) => r.path === '/tracks')
          .map((r) => r.query['filter[isrc]']!.length),
      });
    }
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await fake.close();
  });

  const f = () => figures(verdicts);
  const show = (v: LineVerdict[]) =>
    v
      .map(
        (x) =>
          `${x.doc} | ${x.input} | want ${String(x.expect)} | got ${x.confidence} ${x.got ?? ''}`,
      )
      .join('\n');

  it('has at least 200 lines, existing songs and missing ones', () => {
    expect(f().lines).toBeGreaterThanOrEqual(200);
    expect(f().missing).toBeGreaterThanOrEqual(25);
  });

  it('picks the right track for at least 95 % of the songs TIDAL has', () => {
    expect(f().precision, show(f().wrong)).toBeGreaterThanOrEqual(0.95);
  });

  it('never calls a wrong track high or exact', () => {
    expect(f().falseHigh, show(f().wrong)).toBe(0);
  });

  it('never matches a song TIDAL does not have above low', () => {
    expect(f().invented, show(f().wrong)).toBe(0);
  });

  it('sends at most one search per line without a known ISRC, and ISRCs 20 per request', () => {
    for (const [i, doc] of docs.entries()) {
      const r = requests[i]!;
      const byIsrc = verdicts.filter((v) => v.doc === doc.name && v.confidence === 'exact');
      expect(r.searches, doc.name).toBeLessThanOrEqual(doc.lines.length - byIsrc.length);
      expect(
        r.isrcValues.every((n) => n <= 20),
        doc.name,
      ).toBe(true);
    }
    const isrcDoc = requests.find((r) => r.doc === 'ISRCs')!;
    expect(isrcDoc.isrcValues).toEqual([20, 3]);
  });
});
