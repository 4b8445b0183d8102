/**
 * Choosing among candidates (matchLine) and matching a list with injected lookups (matchAll):
 * version preference, covers and karaoke, durations and albums, songs that do not exist, and the
 * lookup discipline (ISRCs first, one search per distinct line, failures per line, cancellation).
 */
import { describe, expect, it } from 'vitest';

import {
  matchAll,
  matchLine,
  type MatchSource,
  parseTracklist,
  type TrackCandidate,
} from '../../src/matching/index.js';

let next = 1;
function track(
  title: string,
  artists: string[],
  more: Partial<Omit<TrackCandidate, 'artists'>> = {},
): TrackCandidate {
  const id = String(next++);
  return {
    id,
    title,
    artists: artists.map((name) => ({ id: `a-${name}`, name })),
    durationSeconds: 240,
    isrc: `QZTST${String(id).padStart(7, '0')}`,
    ...more,
  };
}

const line = (text: string) => parseTracklist(text).lines[0]!;
const pick = (text: string, candidates: TrackCandidate[]) => matchLine(line(text), candidates);

const studio = track('Hotel California', ['Eagles'], {
  album: { title: 'Hotel California' },
  durationSeconds: 391,
});
const live = track('Hotel California', ['Eagles'], {
  version: 'Live on MTV, 1994',
  album: { title: 'Hell Freezes Over' },
  durationSeconds: 432,
});
const karaoke = track('Hotel California (Karaoke Version)', ['Party Tyme Karaoke'], {
  durationSeconds: 392,
});
// TIDAL's order: the live version is the most popular.
const hotel = [live, studio, karaoke];

describe('matchLine', () => {
  it('answers a repeated line from its remembered ranking, with the tracks it was given', () => {
    const copies = hotel.map((t) => ({ ...t }));
    const first = pick('Eagles - Hotel California (3:45)', hotel);
    const again = pick('Eagles - Hotel California (3:45)', copies);
    expect(again).toEqual(first);
    expect(again.track).toBe(copies[1]);
    // A field scoring reads makes another ranking: the same list, the studio take now 7:12.
    const longer = copies.map((t) => (t === copies[1] ? { ...t, durationSeconds: 432 } : t));
    const other = pick('Eagles - Hotel California (3:45)', longer);
    expect(other.track).toBe(longer[1]);
    expect(first.reason).toBe('duration off by 166 s');
    expect(other.reason).toBe('duration off by 207 s');
  });

  it('prefers the studio recording over a more popular live version', () => {
    const m = pick('Eagles - Hotel California', hotel);
    expect(m).toMatchObject({
      confidence: 'high',
      reason: 'title and artist match',
      alternatives: [],
    });
    expect(m.track).toBe(studio);
  });

  it('takes the version the line names, with a high confidence', () => {
    expect(pick('Eagles - Hotel California (Live)', hotel).track).toBe(live);
    expect(pick('Eagles - Hotel California live', hotel).track).toBe(live);
  });

  it('says so when only another version exists', () => {
    const m = pick('Eagles - Hotel California', [live, karaoke]);
    expect(m).toMatchObject({ confidence: 'medium', reason: 'only a live version found' });
    expect(m.track).toBe(live);
    expect(m.alternatives.map((a) => [a.track, a.confidence, a.reason])).toEqual([
      [karaoke, 'low', 'only a karaoke version found'],
    ]);
    expect(pick('Eagles - Hotel California', [karaoke])).toMatchObject({ confidence: 'low' });
  });

  it('lets a duration choose between versions, and says when it is off', () => {
    const m = pick('Eagles - Hotel California 7:12', hotel);
    expect(m.track).toBe(live);
    expect(m).toMatchObject({
      confidence: 'medium',
      reason: 'live version, closer in duration or album than the original',
    });
    expect(pick('Eagles - Hotel California 6:31', hotel)).toMatchObject({
      confidence: 'high',
      reason: 'title and artist match; duration matches',
    });
    expect(pick('Eagles - Hotel California 7:10', [studio])).toMatchObject({
      confidence: 'medium',
      reason: 'duration off by 39 s',
    });
  });

  it('lets the album choose the version on it', () => {
    const csv = parseTracklist('title,artist,album\nHotel California,Eagles,Hell Freezes Over');
    const m = matchLine(csv.lines[0]!, hotel);
    expect(m.track).toBe(live);
    expect(m).toMatchObject({
      confidence: 'high',
      reason: 'title and artist match; album matches',
    });
  });

  it('never calls a cover or a same-titled song by someone else high', () => {
    const adele = track('Hello', ['Adele']);
    const lionel = track('Hello', ['Lionel Richie']);
    expect(pick('Lionel Richie - Hello', [adele, lionel]).track).toBe(lionel);
    const cover = pick('Lionel Richie - Hello', [adele]);
    expect(cover).toMatchObject({ confidence: 'low', reason: 'only a version by Adele found' });
  });

  it('answers none, not the nearest track, for a song that does not exist', () => {
    const hello = track('Hello', ['Adele']);
    const m = pick('Adele - Hello Again', [hello]);
    expect(m).toMatchObject({ confidence: 'none', reason: 'no track with this title found' });
    expect(m.track).toBeUndefined();
    expect(m.alternatives).toEqual([
      { track: hello, confidence: 'low', reason: 'only a partly matching title found' },
    ]);
    expect(pick('Adele - Hello', [])).toMatchObject({ confidence: 'none', reason: 'not found' });
    expect(pick('Metallica - Two', [track('One', ['Metallica'])])).toMatchObject({
      confidence: 'none',
      alternatives: [],
    });
  });

  it('matches credits and diacritics however they are written', () => {
    const crazy = track('Crazy in Love (feat. JAY-Z)', ['Beyoncé', 'JAY-Z']);
    for (const text of [
      'Beyonce - Crazy In Love',
      'Beyoncé feat. Jay Z - Crazy in Love',
      'Crazy in Love by Beyoncé ft. JAY Z',
      'JAY-Z - Crazy in Love',
    ]) {
      expect(pick(text, [crazy]), text).toMatchObject({ confidence: 'high', track: crazy });
    }
  });

  it('prefers the release whose credits the line names', () => {
    const solo = track('Cheap Thrills', ['Sia']);
    const feat = track('Cheap Thrills (feat. Sean Paul)', ['Sia', 'Sean Paul']);
    expect(pick('Sia - Cheap Thrills', [feat, solo]).track).toBe(solo);
    expect(pick('Sia feat. Sean Paul - Cheap Thrills', [solo, feat]).track).toBe(feat);
    expect(pick('Sia ft. Sean Paul - Cheap Thrills', [solo])).toMatchObject({
      confidence: 'medium',
      reason: 'an artist the line credits is not credited',
    });
  });

  it('keeps a title-only line low when several artists have that song', () => {
    const buckley = track('Hallelujah', ['Jeff Buckley']);
    const cohen = track('Hallelujah', ['Leonard Cohen']);
    const m = matchLine(line('Hallelujah'), [buckley, cohen]);
    expect(m).toMatchObject({
      confidence: 'low',
      reason: '2 artists have a song with this title; no artist given',
      track: buckley,
    });
    expect(m.alternatives).toEqual([
      {
        track: cohen,
        confidence: 'low',
        reason: '2 artists have a song with this title; no artist given',
      },
    ]);
    expect(matchLine(line('Hallelujah'), [cohen])).toMatchObject({
      confidence: 'medium',
      reason: 'title matches; no artist given',
    });
  });

  it('lists at most the asked number of alternatives, skipping the same recording', () => {
    const versions = [
      track('Wonderwall', ['Oasis'], { version: 'Live' }),
      track('Wonderwall', ['Oasis'], { version: 'Live at Wembley' }),
      track('Wonderwall', ['Ryan Adams']),
      track('Wonderwall (Karaoke Version)', ['Sing King']),
    ];
    const copy = { ...versions[0]!, id: 'copy' };
    const m = matchLine(line('Oasis - Wonderwall'), [versions[0]!, copy, ...versions.slice(1)], {
      alternatives: 3,
    });
    expect(m.track).toBe(versions[0]);
    expect(m.alternatives.map((a) => a.track)).toEqual([versions[1], versions[2], versions[3]]);
    expect(
      matchLine(line('Oasis - Wonderwall'), versions, { alternatives: 0 }).alternatives,
    ).toEqual([]);
  });

  it('is deterministic: the same answer whatever order ties arrive in', () => {
    const a = track('Yellow', ['Coldplay'], { version: 'Remastered' });
    const b = track('Yellow', ['Coldplay']);
    expect(pick('Coldplay - Yellow', [a, b]).track).toBe(b);
    expect(pick('Coldplay - Yellow', [b, a]).track).toBe(b);
  });
});

interface Calls {
  isrcs: string[][];
  searches: string[];
}

function source(
  byQuery: Record<string, TrackCandidate[]>,
  byIsrc: Record<string, TrackCandidate[]> = {},
  fail: Set<string> = new Set(),
): MatchSource<TrackCandidate> & { calls: Calls } {
  const calls: Calls = { isrcs: [], searches: [] };
  return {
    calls,
    byIsrcs(isrcs) {
      calls.isrcs.push([...isrcs]);
      return Promise.resolve(new Map(isrcs.flatMap((i) => (byIsrc[i] ? [[i, byIsrc[i]]] : []))));
    },
    search(query) {
      calls.searches.push(query);
      if (fail.has(query)) return Promise.reject(new Error('boom'));
      return Promise.resolve(byQuery[query] ?? []);
    },
  };
}

describe('matchAll', () => {
  const hello = track('Hello', ['Adele']);
  const royals = track('Royals', ['Lorde']);

  it('looks ISRCs up first in one call, searches each distinct line once', async () => {
    const src = source(
      { 'adele hello': [hello], 'lorde royals': [royals] },
      { [royals.isrc!]: [royals] },
    );
    const text = [
      'Adele - Hello',
      'adele - hello',
      royals.isrc!,
      'Lorde - Royals',
      'GBAYE0000001',
    ].join('\n');
    const progress: [number, number][] = [];
    const report = await matchAll(parseTracklist(text).lines, src, {
      onProgress: (d, t) => void progress.push([d, t]),
    });
    expect(src.calls.isrcs).toEqual([[royals.isrc, 'GBAYE0000001']]);
    expect(src.calls.searches.sort()).toEqual(['adele hello', 'lorde royals']);
    expect(report.matches.map((m) => [m.confidence, m.track?.id, m.via])).toEqual([
      ['high', hello.id, 'search'],
      ['high', hello.id, 'search'],
      ['exact', royals.id, 'isrc'],
      ['high', royals.id, 'search'],
      ['none', undefined, 'none'],
    ]);
    expect(report.matches[4]!.reason).toBe('ISRC not found');
    expect(report).toMatchObject({
      counts: { exact: 1, high: 3, medium: 0, low: 0, none: 1 },
      searches: 2,
      isrcs: 2,
    });
    expect(progress).toEqual([
      [2, 4],
      [3, 4],
      [4, 4],
    ]);
  });

  it('falls back to the text when TIDAL does not know a line’s ISRC', async () => {
    const src = source({ 'adele hello': [hello] });
    const report = await matchAll(parseTracklist('Adele - Hello GBAYE0000001').lines, src);
    expect(report.matches[0]).toMatchObject({ confidence: 'high', via: 'search' });
    expect(src.calls.searches).toEqual(['adele hello']);
  });

  it('fails only the lines whose lookup failed', async () => {
    const src = source({ 'adele hello': [hello] }, {}, new Set(['lorde royals']));
    const report = await matchAll(parseTracklist('Adele - Hello\nLorde - Royals').lines, src, {
      describeError: () => 'TIDAL answered 503',
    });
    expect(report.matches.map((m) => [m.confidence, m.reason, m.via])).toEqual([
      ['high', 'title and artist match', 'search'],
      ['none', 'lookup failed: TIDAL answered 503', 'failed'],
    ]);
  });

  it('stops at cancellation and reports it as such', async () => {
    const controller = new AbortController();
    const src = source({});
    src.search = (query) => {
      src.calls.searches.push(query);
      controller.abort();
      return Promise.reject(Object.assign(new Error('aborted'), { name: 'AbortError' }));
    };
    const lines = parseTracklist(
      Array.from({ length: 30 }, (_, i) => `A${i} - T${i}`).join('\n'),
    ).lines;
    await expect(
      matchAll(lines, src, { signal: controller.signal, concurrency: 1 }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(src.calls.searches).toHaveLength(1);
  });
});
