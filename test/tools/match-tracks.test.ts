/**
 * match_tracks end to end in process: a real MCP client -> the server -> the tool -> src/matching
 * -> the TIDAL client -> the fake TIDAL's search and ISRC endpoints over the evaluation catalog.
 * Asserts the answers, the upstream requests, progress, cancellation and the field errors.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { evalIsrc, evalTrackId as id } from '../fake-tidal/eval/ids.js';
import { EXPORTIFY_HEADER } from '../fake-tidal/eval/lines-other.js';
import { type FakeTidal, startFakeTidal } from '../fake-tidal/index.js';
import { type InProcessServer, startInProcess } from '../helpers/in-process.js';

type Line = {
  line: number;
  confidence: string;
  reason: string;
  track?: { id: string };
  alternatives?: { track: { id: string }; confidence: string }[];
};

describe('match_tracks', () => {
  let fake: FakeTidal;
  let server: InProcessServer;
  const call = (args: Record<string, unknown>, meta?: Record<string, unknown>) =>
    server.tool('match_tracks', { country: 'US', ...args }, meta);
  const searches = () => fake.apiRequests().filter((r) => r.path === '/searchResults');
  const picks = (lines: Line[]) => lines.map((l) => [l.confidence, l.track?.id]);

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

  it('matches "Artist - Title" lines with one search per distinct line', async () => {
    const result = await call({
      text: '1. Adele - Hello\n2. adele – hello\n\n3. Eagles - Hotel California\n4. Adele - Hello Again',
    });
    expect(result.isError, result.text).toBe(false);
    const lines = result.structured.lines as Line[];
    expect(lines.map((l) => l.line)).toEqual([1, 2, 4, 5]);
    expect(picks(lines)).toEqual([
      ['high', id('adele-hello')],
      ['high', id('adele-hello')],
      ['high', id('hotel-california')],
      ['none', undefined],
    ]);
    expect(lines[3]).toMatchObject({
      reason: 'no track with this title found',
      alternatives: [{ track: { id: id('adele-hello') }, confidence: 'low' }],
    });
    expect(result.structured).toMatchObject({
      country: 'US',
      format: 'lines',
      counts: { exact: 0, high: 3, medium: 0, low: 0, none: 1 },
      lookups: { searches: 3, isrcs: 0 },
    });
    expect(
      searches()
        .map((r) => r.query['filter[query]']![0])
        .sort(),
    ).toEqual(['adele hello', 'adele hello again', 'eagles hotel california']);
    expect(searches()[0]!.query).toMatchObject({
      countryCode: ['US'],
      include: ['tracks,tracks.artists,tracks.albums'],
    });
    const text = result.text.split('\n');
    expect(text[0]).toBe(
      'Matched 4 lines (US): 0 exact, 3 high, 0 medium, 0 low, 1 none · 3 searches',
    );
    expect(text[1]).toBe(
      `1. high · Hello — Adele (id 3800001) · album "25" (id 130000001) · 4:55 · id ${id('adele-hello')} · https://tidal.com/browse/track/${id('adele-hello')} · title and artist match`,
    );
    expect(text[4]).toBe('5. none · "Adele - Hello Again" · no track with this title found');
    expect(text.at(-1)).toBe(
      'Lines below high need a look: check the pick or choose an alternative. Track ids feed manage_playlist.',
    );
    expect(text[5]).toMatch(
      /^ {3}or low · Hello — Adele \(id 3800001\) · .* · only a partly matching title found$/,
    );
  });

  it('answers a repeated list from the cache', async () => {
    await call({ text: 'Lorde - Royals\nLorde - Team' });
    fake.clearRequests();
    const again = await call({ text: 'Lorde - Royals\nLorde - Team' });
    expect(picks(again.structured.lines)).toEqual([
      ['high', id('royals')],
      ['high', id('team')],
    ]);
    expect(fake.apiRequests()).toHaveLength(0);
    expect(again.text.split('\n').at(-1)).toBe('Track ids feed manage_playlist.');
  });

  it('takes lines as an array', async () => {
    const result = await call({
      lines: ['Hallelujah by Jeff Buckley', '', 'Sigur Ros - Hoppipolla'],
    });
    expect(result.structured.format).toBe('lines');
    expect(result.structured.lines.map((l: Line) => [l.line, l.track?.id])).toEqual([
      [1, id('hallelujah-buckley')],
      [3, id('hoppipolla')],
    ]);
  });

  it('reads an Exportify CSV export', async () => {
    const text = [
      EXPORTIFY_HEADER,
      '"spotify:track:1","Bohemian Rhapsody - Remastered 2011","Queen","A Night At The Opera","2000","354320","70",""',
      '"spotify:track:2","September","Earth, Wind & Fire","The Best Of","1978","215093","70",""',
      `"spotify:track:3","Hallelujah","Jeff Buckley","Grace","1994","413000","70","${evalIsrc('hallelujah-buckley')}"`,
    ].join('\n');
    const result = await call({ text });
    expect(result.structured.format).toBe('csv');
    expect(
      result.structured.lines.map((l: Line) => [l.line, l.confidence, l.track?.id, l.reason]),
    ).toEqual([
      [2, 'high', id('bohemian'), 'title and artist match; album matches; duration matches'],
      [3, 'high', id('september'), 'title and artist match; duration matches'],
      [4, 'exact', id('hallelujah-buckley'), 'ISRC'],
    ]);
    expect(searches()).toHaveLength(2);
  });

  it('reads artist,title and tab-separated lists', async () => {
    const csv = await call({ text: 'artist,title\nMetallica,One\nU2,One\nJohnny Cash,One' });
    expect(picks(csv.structured.lines)).toEqual([
      ['high', id('metallica-one')],
      ['high', id('u2-one')],
      ['high', id('cash-one')],
    ]);
    const tsv = await call({
      text: 'Song\tArtist\tAlbum\nFolsom Prison Blues\tJohnny Cash\tAt Folsom Prison',
    });
    expect(picks(tsv.structured.lines)).toEqual([['high', id('folsom-live')]]);
  });

  it('resolves ISRCs first, 20 per request, and searches only for the rest', async () => {
    const keys = [
      'adele-hello',
      'bohemian',
      'wonderwall',
      'hotel-live',
      'dreams-2004',
      'crazy-in-love',
      'hurt-nin',
      'september',
      'teen-spirit',
      'levitating',
      'brightside',
      'despecha',
      'royals',
      'team',
      'yellow',
      'viva',
      'fix-you',
      'trouble',
      'jolene',
      'halo',
      'closer',
      'one-kiss',
      'summer',
      'lithium',
    ];
    const text = [...keys.map(evalIsrc), 'GBAYE0000001', 'Coldplay - Yellow GBAYE0000002'].join(
      '\n',
    );
    const result = await call({ text });
    const lines = result.structured.lines as Line[];
    expect(picks(lines.slice(0, keys.length))).toEqual(keys.map((k) => ['exact', id(k)]));
    expect(lines.slice(keys.length).map((l) => [l.confidence, l.reason, l.track?.id])).toEqual([
      ['none', 'ISRC not found', undefined],
      ['high', 'title and artist match', id('yellow')],
    ]);
    const isrcRequests = fake.apiRequests().filter((r) => r.path === '/tracks');
    expect(isrcRequests.map((r) => r.query['filter[isrc]']!.length)).toEqual([20, 6]);
    expect(searches().map((r) => r.query['filter[query]']![0])).toEqual(['coldplay yellow']);
    expect(fake.apiRequests().findIndex((r) => r.path === '/searchResults')).toBe(2);
  });

  it('prefers the original recording unless the line names a version', async () => {
    const result = await call({
      text: [
        'Eagles - Hotel California',
        'Eagles - Hotel California (Live)',
        'Fleetwood Mac - Dreams',
        'Fleetwood Mac - Dreams - 2004 Remaster',
        'Queen - Love of My Life',
        'Queen - Love of My Life (Live at Rock in Rio)',
        'Taylor Swift - Love Story',
        "Taylor Swift - Love Story (Taylor's Version)",
        'Nirvana - The Man Who Sold the World',
        'Radiohead - Creep',
      ].join('\n'),
    });
    const lines = result.structured.lines as Line[];
    expect(lines.map((l) => [l.confidence, l.track?.id, l.reason])).toEqual([
      ['high', id('hotel-california'), 'title and artist match'],
      ['high', id('hotel-live'), 'title and artist match'],
      ['high', id('dreams'), 'title and artist match'],
      ['high', id('dreams-2004'), 'title and artist match'],
      ['high', id('love-of-my-life'), 'title and artist match; remastered release'],
      ['high', id('lomf-rio'), 'title and artist match'],
      ['high', id('love-story'), 'title and artist match'],
      ['high', id('love-story-tv'), 'title and artist match'],
      ['medium', id('man-who-sold-nirvana'), 'only a live version found'],
      ['low', id('sk-creep'), 'only a karaoke version found'],
    ]);
    expect(lines[8]!.alternatives?.map((a) => [a.track.id, a.confidence])).toEqual([
      [id('man-who-sold-bowie'), 'low'],
    ]);
  });

  it('lists up to `candidates` alternatives for lines that are not sure', async () => {
    const none = await call({ text: 'Hallelujah', candidates: 0 });
    expect(none.structured.lines[0]).toMatchObject({
      confidence: 'low',
      track: { id: id('hallelujah-buckley') },
    });
    expect(none.structured.lines[0].alternatives).toBeUndefined();
    const many = await call({ text: 'Hallelujah', candidates: 5 });
    expect(
      many.structured.lines[0].alternatives.map((a: { track: { id: string } }) => a.track.id),
    ).toEqual([id('hallelujah-cohen'), id('hallelujah-ptx'), id('hallelujah-cohen-live')]);
    expect(many.text).toContain('   or low · Hallelujah — Leonard Cohen');
  });

  it('reports progress while it looks lines up', async () => {
    const progress: { progress: number; total: number }[] = [];
    server.client.setNotificationHandler?.(
      'notifications/progress' as never,
      ((n: { params: { progress: number; total: number } }) => {
        progress.push(n.params);
      }) as never,
    );
    const result = await call(
      { text: `${evalIsrc('royals')}\nLorde - Team\nOasis - Wonderwall\nBlur - Song 2` },
      { progressToken: 'm-1' },
    );
    expect(result.isError).toBe(false);
    expect(progress.map((p) => p.progress)).toEqual([1, 2, 3, 4]);
    expect(progress.every((p) => p.total === 4)).toBe(true);
  });

  it('fails only the line whose search failed', async () => {
    fake.inject({ kind: 'status', status: 400, path: '/searchResults', count: 1 });
    const result = await call({ text: 'Björk - Army of Me' });
    expect(result.isError).toBe(false);
    expect(result.structured.lines[0]).toMatchObject({ confidence: 'none' });
    expect(result.structured.lines[0].reason).toMatch(/^lookup failed: TIDAL /);
    // Not cached: the next call asks again.
    const next = await call({ text: 'Björk - Army of Me\nLorde - Team' });
    expect(picks(next.structured.lines)).toEqual([
      ['high', id('army-of-me')],
      ['high', id('team')],
    ]);
  });

  it('stops looking lines up when the call is cancelled', async () => {
    // Each search takes 200 ms: left running, 30 lines would send ~15 more within the wait.
    fake.inject({ kind: 'latency', ms: 200, count: 50, path: '/searchResults' });
    const controller = new AbortController();
    const text = Array.from({ length: 30 }, (_, i) => `Band ${i} - Song ${i}`).join('\n');
    const pending = server.client.callTool(
      { name: 'match_tracks', arguments: { text } },
      { signal: controller.signal },
    );
    while (searches().length === 0) await new Promise((r) => setTimeout(r, 10));
    controller.abort();
    await expect(pending).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 800));
    expect(searches().length).toBeLessThanOrEqual(4);
    fake.clearFaults();
  });

  describe('bad input', () => {
    const many = Array.from({ length: 501 }, (_, i) => `A${i} - T${i}`);
    it.each([
      ['empty text', { text: '' }, 'text: expected at least one line naming a song'],
      ['blank text', { text: ' \n \n' }, 'text: expected at least one line naming a song'],
      ['no lines', { lines: [] }, 'lines: expected at least one line naming a song'],
      [
        '501 lines of text',
        { text: many.join('\n') },
        'text: expected at most 500 songs per call, got 501',
      ],
      ['501 lines', { lines: many }, 'lines: expected at most 500 lines per call'],
      [
        'text and lines',
        { text: 'Adele - Hello', lines: ['Adele - Hello'] },
        'text: give either text or lines, not both',
      ],
      ['neither', {}, 'text: expected the tracklist as text'],
      [
        'CSV without title',
        { text: 'artist,isrc\nAdele,GBBKS1500214' },
        'text: the CSV header (artist, isrc) has no title column',
      ],
      ['unknown field', { text: 'Adele - Hello', size: 3 }, 'Unrecognized key: "size"'],
      ['limit 101', { text: 'Adele - Hello', limit: 101 }, 'limit: expected at most 100'],
      [
        'a cursor with the list',
        { text: 'Adele - Hello', cursor: 'x' },
        'cursor: send the cursor alone; the list was already matched',
      ],
      ['6 candidates', { text: 'Adele - Hello', candidates: 6 }, 'candidates: expected 0 to 5'],
      [
        'bad country',
        { text: 'Adele - Hello', country: 'Norway' },
        'country: expected a two-letter',
      ],
    ])('rejects %s naming the field', async (_name, args, message) => {
      const result = await server.tool('match_tracks', args);
      expect(result.isError).toBe(true);
      expect(result.text).toContain(message);
      expect(fake.apiRequests()).toHaveLength(0);
    });
  });

  describe('long lists', () => {
    it('pages the results without looking anything up again', async () => {
      const text = Array.from({ length: 12 }, (_, i) => `Nobody Knows - Song Number ${i + 1}`).join(
        '\n',
      );
      const first = await server.tool('match_tracks', { text, limit: 5 });
      expect(first.structured.total).toBe(12);
      expect(first.structured.lines.map((l: { line: number }) => l.line)).toEqual([1, 2, 3, 4, 5]);
      expect(first.text.split('\n')[0]).toMatch(/^Matched 12 lines \(US\): .* · lines 1–5 shown$/);
      fake.clearRequests();
      const second = await server.tool('match_tracks', {
        cursor: first.structured.nextCursor,
        limit: 5,
      });
      const third = await server.tool('match_tracks', { cursor: second.structured.nextCursor });
      expect(second.structured.lines.map((l: { line: number }) => l.line)).toEqual([
        6, 7, 8, 9, 10,
      ]);
      expect(third.structured.lines.map((l: { line: number }) => l.line)).toEqual([11, 12]);
      expect(third.structured.nextCursor).toBeUndefined();
      expect(third.structured.counts).toEqual(first.structured.counts);
      expect(fake.apiRequests()).toHaveLength(0);
    });

    it('says to repeat the call when a cursor’s results are gone', async () => {
      const stale = Buffer.from(
        JSON.stringify({ k: 'matches', h: '00000000-0000-4000-8000-000000000000', o: 5 }),
      ).toString('base64url');
      const result = await server.tool('match_tracks', { cursor: stale });
      expect(result.isError).toBe(true);
      expect(result.text).toBe(
        'Invalid arguments for match_tracks: cursor: its results are no longer kept (they last 30 minutes); repeat the call with the list, without cursor',
      );
    });
  });
});
