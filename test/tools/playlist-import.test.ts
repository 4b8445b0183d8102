/**
 * manage_playlist import end to end in process: a real MCP client -> the server -> src/matching
 * over the fake TIDAL's evaluation catalog -> the add pipeline -> the fake's playlist endpoints.
 * Asserts what the fake holds afterwards, the requests made, that a preview writes nothing, that a
 * lost write answer never adds twice, and that 500 lines stay inside the central bounds.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { MAX_STRUCTURED_CHARS, MAX_TEXT_CHARS } from '../../src/tools/shared/bounds.js';
import { evalIsrc, evalTrackId as id } from '../fake-tidal/eval/ids.js';
import {
  BY_LINES,
  EXPORTIFY_HEADER,
  isrcLines,
  LIST_LINES,
  MISSING_LINES,
} from '../fake-tidal/eval/lines-other.js';
import { PLAIN_LINES } from '../fake-tidal/eval/lines-plain.js';
import { DEFAULT_USER, type FakeTidal, startFakeTidal } from '../fake-tidal/index.js';
import {
  FakeLoginSession,
  type PlaylistHarness,
  startPlaylistHarness,
} from '../helpers/in-process.js';

/** The README's worked example. */
const TEN = [
  '1. Adele - Hello',
  '2. Beyoncé feat. JAY-Z – Crazy in Love',
  '3. Hallelujah by Jeff Buckley',
  '4. Eagles - Hotel California',
  '5. Eagles - Hotel California (Live)',
  '6. Queen - Bohemian Rhapsody 5:55',
  '7. Sigur Ros - Hoppipolla',
  '8. Nirvana - The Man Who Sold the World',
  '9. Radiohead - Creep',
  '10. Adele - Hello Again',
].join('\n');
const TEN_ADDED = [
  'adele-hello',
  'crazy-in-love',
  'hallelujah-buckley',
  'hotel-california',
  'hotel-live',
  'bohemian',
  'hoppipolla',
].map(id);

type Result = { line: number; status: string; trackId?: string; reason?: string };

describe('manage_playlist import', () => {
  let fake: FakeTidal;
  let h: PlaylistHarness;
  const writes = () => fake.apiRequests().filter((r) => r.method !== 'GET');
  const searches = () => fake.apiRequests().filter((r) => r.path === '/searchResults');
  const items = (playlistId: string) => fake.userPlaylists.get(playlistId)!.items.map((i) => i.id);
  const create = async (name: string, extra: Record<string, unknown> = {}) => {
    const result = await h.call({ action: 'create', name, ...extra });
    expect(result.isError, result.text).toBe(false);
    return result.structured.playlist.id as string;
  };

  beforeAll(async () => {
    fake = await startFakeTidal();
    h = await startPlaylistHarness(fake, new FakeLoginSession(fake.issueUserToken()));
  });
  afterAll(async () => {
    await h.close();
    await fake.close();
  });
  beforeEach(() => fake.clearRequests());
  afterEach(() => fake.clearFaults());

  it('previews an import into a new playlist: nothing is written, not even the playlist', async () => {
    const playlists = fake.userPlaylists.ownedBy(DEFAULT_USER.id).length;
    const result = await h.call({ action: 'import', name: 'Road trip', text: TEN });
    expect(result.isError, result.text).toBe(false);
    expect(writes()).toEqual([]);
    expect(fake.userPlaylists.ownedBy(DEFAULT_USER.id).length).toBe(playlists);
    expect(searches()).toHaveLength(10);
    expect(result.structured).toMatchObject({
      action: 'import',
      changed: false,
      preview: true,
      matched: { exact: 0, high: 7, medium: 1, low: 1, none: 1 },
      counts: { would_add: 7, not_matched: 3 },
    });
    expect(result.structured.playlist).toBeUndefined();
    expect(result.structured.moreLines).toBeUndefined();
    const results = result.structured.results as Result[];
    expect(results.filter((r) => r.status === 'would_add').map((r) => r.trackId)).toEqual(
      TEN_ADDED,
    );
    expect(results[7]).toEqual({
      line: 8,
      input: 'Nirvana - The Man Who Sold the World',
      confidence: 'medium',
      trackId: id('man-who-sold-nirvana'),
      title: 'The Man Who Sold The World (Live) — Nirvana',
      status: 'not_matched',
      reason: 'only a live version found (below high)',
      alternatives: [
        {
          trackId: id('man-who-sold-bowie'),
          title: 'The Man Who Sold the World (2015 Remaster) — David Bowie',
          confidence: 'low',
          reason: 'only a version by David Bowie found',
        },
      ],
    });
    expect(result.text.split('\n')).toEqual([
      'Preview, nothing written yet: 7 of 10 lines would be added to the new playlist "Road trip" (created on confirm), at minConfidence high. Matches: 0 exact, 7 high, 1 medium, 1 low, 1 none. Confirm with the user, then repeat the call with the same list and confirm: true.',
      'Would add (7):',
      `1. high · Hello — Adele · id ${id('adele-hello')}`,
      `2. high · Crazy in Love (feat. JAY-Z) — Beyoncé, JAY-Z · id ${id('crazy-in-love')}`,
      `3. high · Hallelujah — Jeff Buckley · id ${id('hallelujah-buckley')}`,
      `4. high · Hotel California — Eagles · id ${id('hotel-california')}`,
      `5. high · Hotel California (Live on MTV, 1994) — Eagles · id ${id('hotel-live')}`,
      `6. high · Bohemian Rhapsody (Remastered 2011) — Queen · id ${id('bohemian')}`,
      `7. high · Hoppípolla — Sigur Rós · id ${id('hoppipolla')}`,
      'Not matched well enough (3):',
      `8. medium · "Nirvana - The Man Who Sold the World" → The Man Who Sold The World (Live) — Nirvana · id ${id('man-who-sold-nirvana')} · only a live version found (below high)`,
      `   or low · The Man Who Sold the World (2015 Remaster) — David Bowie · id ${id('man-who-sold-bowie')} · only a version by David Bowie found`,
      `9. low · "Radiohead - Creep" → Creep (Originally Performed by Radiohead) [Karaoke Version] — Sing King · id ${id('sk-creep')} · only a karaoke version found (below high)`,
      '10. none · "Adele - Hello Again" · no track with this title found',
      `   or low · Hello — Adele · id ${id('adele-hello')} · only a partly matching title found`,
    ]);
  });

  it('with confirm creates the playlist and adds exactly the matched lines, in list order', async () => {
    await h.call({ action: 'import', name: 'Confirmed', text: TEN });
    fake.clearRequests();
    const result = await h.call({ action: 'import', name: 'Confirmed', text: TEN, confirm: true });
    expect(result.isError, result.text).toBe(false);
    const playlistId = result.structured.playlist.id as string;
    expect(items(playlistId)).toEqual(TEN_ADDED);
    // The preview's lookups are cached: confirming costs the two writes only.
    expect(fake.apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /playlists',
      `POST /playlists/${playlistId}/relationships/items`,
    ]);
    expect(result.structured).toMatchObject({
      action: 'import',
      changed: true,
      playlist: { name: 'Confirmed', accessType: 'UNLISTED', numberOfItems: 7 },
      counts: { added: 7, not_matched: 3 },
    });
    expect(result.structured.preview).toBeUndefined();
    expect(result.text.split('\n').slice(0, 4)).toEqual([
      'Created playlist "Confirmed". Added 7 of 10 lines to "Confirmed"; 3 not matched well enough. Matches: 0 exact, 7 high, 1 medium, 1 low, 1 none.',
      `Playlist: Confirmed · 7 items · user · id ${playlistId} · https://tidal.com/browse/playlist/${playlistId}`,
      'Added (7):',
      `1. high · Hello — Adele · id ${id('adele-hello')}`,
    ]);
  });

  it('imports lines into an existing playlist: skips tracks already there and repeated lines; minConfidence medium', async () => {
    const playlistId = await create('Existing', { trackIds: [id('adele-hello')] });
    fake.clearRequests();
    const lines = [
      'Adele - Hello',
      'Queen - Bohemian Rhapsody',
      'queen – bohemian rhapsody',
      'Nirvana - The Man Who Sold the World',
      'Radiohead - Creep',
    ];
    const args = { action: 'import', playlistId, lines, minConfidence: 'medium' };
    const preview = await h.call(args);
    expect(preview.structured.counts).toEqual({ would_add: 2, skipped: 2, not_matched: 1 });
    expect(writes()).toEqual([]);
    expect(items(playlistId)).toEqual([id('adele-hello')]);

    const done = await h.call({ ...args, confirm: true });
    expect(done.isError, done.text).toBe(false);
    expect(items(playlistId)).toEqual([
      id('adele-hello'),
      id('bohemian'),
      id('man-who-sold-nirvana'),
    ]);
    const results = done.structured.results as Result[];
    expect(results.map((r) => [r.line, r.status, r.trackId, r.reason])).toEqual([
      [1, 'skipped', id('adele-hello'), 'already in the playlist'],
      [2, 'added', id('bohemian'), 'title and artist match; remastered release'],
      [3, 'skipped', id('bohemian'), 'listed more than once in this request'],
      [4, 'added', id('man-who-sold-nirvana'), 'only a live version found'],
      [5, 'not_matched', id('sk-creep'), 'only a karaoke version found (below medium)'],
    ]);
    expect(done.structured.playlist).toMatchObject({ id: playlistId, numberOfItems: 3 });
    expect(done.text).toContain(
      `Added 2 of 5 lines to "Existing"; 2 skipped; 1 not matched well enough.`,
    );
  });

  it('reads an Exportify CSV: an ISRC on the line is an exact match', async () => {
    const text = [
      EXPORTIFY_HEADER,
      `"spotify:track:3","Hallelujah","Jeff Buckley","Grace","1994","413000","70","${evalIsrc('hallelujah-buckley')}"`,
      '"spotify:track:2","September","Earth, Wind & Fire","The Best Of","1978","215093","70",""',
    ].join('\n');
    const result = await h.call({
      action: 'import',
      name: 'From Spotify',
      description: 'my Spotify favourites',
      visibility: 'public',
      text,
      minConfidence: 'exact',
      confirm: true,
    });
    expect(result.isError, result.text).toBe(false);
    expect(fake.userPlaylists.get(result.structured.playlist.id)).toMatchObject({
      name: 'From Spotify',
      description: 'my Spotify favourites',
      accessType: 'PUBLIC',
    });
    expect(result.structured.matched).toEqual({ exact: 1, high: 1, medium: 0, low: 0, none: 0 });
    expect(items(result.structured.playlist.id)).toEqual([id('hallelujah-buckley')]);
    expect((result.structured.results as Result[]).map((r) => [r.line, r.status])).toEqual([
      [2, 'added'],
      [3, 'not_matched'],
    ]);
    expect(fake.apiRequests().filter((r) => r.path === '/tracks')).toHaveLength(1);
  });

  it('adds exactly the matched tracks once when a write answer is lost and retried', async () => {
    const lines = [...PLAIN_LINES, ...BY_LINES].map(([text]) => text);
    // What match_tracks picks at high or better, each track once, in list order.
    const picks: { confidence: string; track?: { id: string } }[] = [];
    let page = await h.tool('match_tracks', { lines, limit: 100 });
    picks.push(...page.structured.lines);
    while (page.structured.nextCursor) {
      page = await h.tool('match_tracks', { cursor: page.structured.nextCursor, limit: 100 });
      picks.push(...page.structured.lines);
    }
    const expected = [
      ...new Set(
        picks
          .filter((l) => l.confidence === 'exact' || l.confidence === 'high')
          .map((l) => l.track!.id),
      ),
    ];
    expect(expected.length).toBeGreaterThan(50); // two batches
    const playlistsBefore = fake.userPlaylists.ownedBy(DEFAULT_USER.id).length;
    const replays = fake.idempotentReplays();
    fake.inject({
      kind: 'status',
      status: 503,
      method: 'POST',
      path: /relationships\/items$/,
      skip: 1,
      afterApply: true,
    });
    const progress: number[] = [];
    h.client.setNotificationHandler?.(
      'notifications/progress' as never,
      ((n: { params: { progress: number } }) => {
        progress.push(n.params.progress);
      }) as never,
    );
    const done = await h.call(
      { action: 'import', name: 'Replayed', lines, confirm: true },
      { progressToken: 'import-1' },
    );
    expect(done.isError, done.text).toBe(false);
    expect(fake.userPlaylists.ownedBy(DEFAULT_USER.id).length).toBe(playlistsBefore + 1);
    expect(items(done.structured.playlist.id)).toEqual(expected);
    expect(done.structured.counts.added).toBe(expected.length);
    expect(fake.idempotentReplays()).toBe(replays + 1);
    // Matching first, then the two write batches, counted on from there: progress only grows.
    expect(progress.length).toBeGreaterThan(2);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(new Set(progress).size).toBe(progress.length);
  });

  it('keeps a 500-line answer inside the central bounds: 50 of each list, the rest by line', async () => {
    const songs = [...PLAIN_LINES, ...BY_LINES, ...LIST_LINES, ...isrcLines(), ...MISSING_LINES];
    const lines = Array.from({ length: 500 }, (_, i) => songs[i % songs.length]![0]);
    const result = await h.call({ action: 'import', name: 'Big', lines });
    expect(result.isError, result.text).toBe(false);
    expect(result.text.length).toBeLessThan(MAX_TEXT_CHARS);
    expect(result.text).not.toContain('cut to keep this result small');
    expect(JSON.stringify(result.structured).length).toBeLessThan(MAX_STRUCTURED_CHARS);
    const { results, moreLines, counts } = result.structured as {
      results: Result[];
      moreLines: Record<string, number[]>;
      counts: Record<string, number>;
    };
    expect(results.filter((r) => r.status === 'would_add')).toHaveLength(50);
    expect(results.filter((r) => r.status !== 'would_add')).toHaveLength(50);
    // Every line is accounted for exactly once, listed or by number.
    const all = [...results.map((r) => r.line), ...Object.values(moreLines).flat()];
    expect(all.sort((a, b) => a - b)).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
    for (const [status, numbers] of Object.entries(moreLines)) {
      expect(numbers.length + results.filter((r) => r.status === status).length).toBe(
        counts[status],
      );
    }
    expect(result.text).toContain(
      'The first 50 of each list are shown; the others by line number.',
    );
    expect(result.text).toMatch(/^ {3}and lines \d+(–\d+)?(, \d+(–\d+)?)*$/m);
  });

  describe('refusals change nothing', () => {
    const many = Array.from({ length: 501 }, (_, i) => `A${i} - T${i}`);
    it.each([
      [
        'empty text',
        { action: 'import', name: 'x', text: '' },
        'text: expected at least one line naming a song',
      ],
      [
        '501 lines of text',
        { action: 'import', name: 'x', text: many.join('\n') },
        'text: expected at most 500 songs per call, got 501',
      ],
      [
        '501 lines',
        { action: 'import', name: 'x', lines: many },
        'lines: expected at most 500 lines per call',
      ],
      [
        'CSV without a title column',
        { action: 'import', name: 'x', text: 'artist,isrc\nAdele,GBBKS1500214' },
        'text: the CSV header (artist, isrc) has no title column',
      ],
      [
        'text and lines',
        { action: 'import', name: 'x', text: 'Adele - Hello', lines: ['Adele - Hello'] },
        'text: give either text or lines, not both',
      ],
      ['no list', { action: 'import', name: 'x' }, 'text: expected the tracklist as text'],
      [
        'unknown minConfidence',
        { action: 'import', name: 'x', text: 'Adele - Hello', minConfidence: 'certain' },
        'minConfidence: Invalid option: expected one of "exact"|"high"|"medium"|"low"',
      ],
      [
        'minConfidence none',
        { action: 'import', name: 'x', text: 'Adele - Hello', minConfidence: 'none' },
        'minConfidence: Invalid option',
      ],
      [
        'playlistId and name',
        { action: 'import', playlistId: 'p', name: 'x', text: 'Adele - Hello' },
        'name: import takes playlistId (an existing playlist) or name (a new one), not both',
      ],
      [
        'no playlist',
        { action: 'import', text: 'Adele - Hello' },
        'playlistId: is required for action import: the playlist to add to, or give name',
      ],
      [
        'visibility without name',
        { action: 'import', playlistId: 'p', text: 'Adele - Hello', visibility: 'public' },
        'visibility: is used by import only with name, for the new playlist',
      ],
      [
        'trackIds on import',
        { action: 'import', name: 'x', text: 'Adele - Hello', trackIds: ['1'] },
        'trackIds: is not used by action import (it takes playlistId, name, description, visibility, text, lines, minConfidence, confirm)',
      ],
      [
        'minConfidence on add_tracks',
        { action: 'add_tracks', playlistId: 'p', trackIds: ['1'], minConfidence: 'high' },
        'minConfidence: is not used by action add_tracks',
      ],
      [
        'text on create',
        { action: 'create', name: 'x', text: 'Adele - Hello' },
        'text: is not used by action create',
      ],
    ])('%s', async (_label, args, message) => {
      const result = await h.call(args);
      expect(result.isError).toBe(true);
      expect(result.text).toContain(message);
      expect(fake.apiRequests()).toEqual([]);
    });
  });
});
