/**
 * The matching evaluation catalog (eval/) and the fake's word search that serves it: ids in their
 * own ranges, every key resolvable, shared ISRCs where a release repeats a recording, and search
 * returning every version of a song for an "artist title" query, most popular first.
 */
import { describe, expect, it } from 'vitest';

import { getCatalog, ISRC_PATTERN } from './catalog.js';
import { EVAL_ALBUMS } from './eval/albums.js';
import { evalIds, evalIsrc, evalTrackId as id, inEvalRange } from './eval/ids.js';
import { evalDocs } from './eval/index.js';

const c = getCatalog();
const titles = (query: string, country = 'US') =>
  c.search(query, country).tracks.map((t) => (t.version ? `${t.title} / ${t.version}` : t.title));

describe('evaluation catalog', () => {
  it('lives in its own id ranges with valid, mostly unique ISRCs', () => {
    const ids = evalIds();
    expect(ids.tracks.size).toBe(EVAL_ALBUMS.flatMap((a) => a.tracks).length);
    for (const trackId of ids.tracks.values()) {
      const track = c.track(trackId)!;
      expect(inEvalRange('tracks', track.id)).toBe(true);
      expect(inEvalRange('albums', track.albumId)).toBe(true);
      expect(track.isrc).toMatch(ISRC_PATTERN);
      for (const a of track.artistIds) expect(inEvalRange('artists', a)).toBe(true);
    }
    expect(evalIsrc('shape-single')).toBe(evalIsrc('shape-of-you'));
    expect(
      c
        .tracksByIsrc(evalIsrc('three-little-birds'))
        .map((t) => t.id)
        .sort(),
    ).toEqual([id('three-little-birds'), id('three-birds-legend')].sort());
    expect(c.track(id('crazy-in-love'))!.artistIds.map((a) => c.artist(a)!.name)).toEqual([
      'Beyoncé',
      'JAY-Z',
    ]);
  });

  it('has at least 200 evaluation lines whose expected keys all exist', () => {
    const docs = evalDocs();
    expect(docs.reduce((n, d) => n + d.expects.length, 0)).toBeGreaterThanOrEqual(200);
    for (const expect_ of docs.flatMap((d) => d.expects)) {
      for (const key of [expect_ ?? []].flat()) expect(() => id(key)).not.toThrow();
    }
  });
});

describe('fake search: words across title, version and artists', () => {
  it('returns every version of a song for "artist title", most popular first', () => {
    expect(titles('eagles hotel california')).toEqual([
      'Hotel California / Live on MTV, 1994',
      'Hotel California',
      // Nearest matches after all full matches: two of three words.
      'Hotel California (Karaoke Version)',
    ]);
  });

  it('ignores case, diacritics, apostrophes and "&"', () => {
    expect(titles('beyonce crazy in love')[0]).toBe('Crazy in Love (feat. JAY-Z)');
    // Then the artist's other songs: two of three words.
    expect(titles('SIGUR ROS hoppipolla')).toEqual([
      'Hoppípolla',
      'Svefn-g-englar',
      'Starálfur',
      'Sæglópur',
      'Glósóli',
    ]);
    expect(titles('guns n roses sweet child o mine')[0]).toBe("Sweet Child O' Mine");
    expect(titles('simon and garfunkel the boxer').slice(0, 2)).toEqual([
      'The Boxer',
      'The Boxer / Live at Central Park, New York, NY - September 1981',
    ]);
  });

  it('returns the nearest tracks, not nothing, when no track has every word', () => {
    expect(titles('adele hello again')[0]).toBe('Hello');
    expect(titles('imaginary band song that never was')).toEqual([]);
  });

  it('still finds one-word queries in titles, and now in artist names', () => {
    expect(c.search('Wonderwall', 'US').tracks.map((t) => t.id)).toEqual([
      id('wonderwall'),
      id('wonderwall-rm'),
      id('wonderwall-ryan'),
      id('wonderwall-live'),
    ]);
    expect(titles('Lorde')).toEqual(['Royals', 'Team']);
  });
});
