/** Tracklist parsing: every input form the issue names, and the errors for bad lists. */
import { describe, expect, it } from 'vitest';

import { MAX_LINES, parseTracklist, TracklistError } from '../../src/matching/index.js';

const one = (text: string) => {
  const [line] = parseTracklist(text).lines;
  return line!;
};

describe('parseTracklist: plain lines', () => {
  it('reads "Artist - Title" with any dash, both ways round', () => {
    for (const text of ['Adele - Hello', 'Adele – Hello', 'Adele — Hello', 'Adele–Hello']) {
      expect(one(text).readings, text).toEqual([
        { artist: 'Adele', title: 'Hello' },
        { artist: 'Hello', title: 'Adele' },
      ]);
    }
    expect(one('Jay-Z - Empire State of Mind').readings[0]).toEqual({
      artist: 'Jay-Z',
      title: 'Empire State of Mind',
    });
  });

  it('reads "Title by Artist", keeping the whole line as a title too', () => {
    expect(one('All by Myself by Céline Dion').readings).toEqual([
      { artist: 'Céline Dion', title: 'All by Myself' },
      { title: 'All by Myself by Céline Dion' },
    ]);
    expect(one('"Hurt" by Johnny Cash').readings[0]).toEqual({
      artist: 'Johnny Cash',
      title: 'Hurt',
    });
    expect(one('Adele "Hello"').readings[0]).toEqual({ artist: 'Adele', title: 'Hello' });
    expect(one('Adele: Hello').readings[0]).toEqual({ artist: 'Adele', title: 'Hello' });
  });

  it('strips numbers and bullets but not numbers that are titles', () => {
    const list = parseTracklist(
      [
        '1. Adele - Hello',
        '2) Queen - Bohemian Rhapsody',
        '• Oasis – Wonderwall',
        '- Coldplay - Yellow',
        '* Lorde - Royals',
        '#6 Hozier - Take Me to Church',
        '7 - Sia - Chandelier',
        '22 - Taylor Swift',
        '99 Luftballons',
      ].join('\n'),
    ).lines;
    expect(list.map((l) => l.readings[0])).toEqual([
      { artist: 'Adele', title: 'Hello' },
      { artist: 'Queen', title: 'Bohemian Rhapsody' },
      { artist: 'Oasis', title: 'Wonderwall' },
      { artist: 'Coldplay', title: 'Yellow' },
      { artist: 'Lorde', title: 'Royals' },
      { artist: 'Hozier', title: 'Take Me to Church' },
      { artist: 'Sia', title: 'Chandelier' },
      { artist: '22', title: 'Taylor Swift' },
      { title: '99 Luftballons' },
    ]);
    expect(list.map((l) => l.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(list[0]!.input).toBe('Adele - Hello');
  });

  it('takes a duration and an ISRC off the line', () => {
    expect(one('Queen - Bohemian Rhapsody (5:55)')).toMatchObject({
      durationSeconds: 355,
      readings: [{ artist: 'Queen', title: 'Bohemian Rhapsody' }, {}],
    });
    expect(one('Daft Punk - Get Lucky 4:08').durationSeconds).toBe(248);
    expect(one('Metallica — One — 7:26').durationSeconds).toBe(446);
    expect(one('Pink Floyd - Echoes [1:03:31]').durationSeconds).toBe(3811);
    expect(one('9:15 (Now)').durationSeconds).toBeUndefined();
    expect(one('USRC17607839')).toMatchObject({ isrc: 'USRC17607839', readings: [], query: '' });
    expect(one('ISRC: us-rc1-76-07839')).toMatchObject({ isrc: 'USRC17607839', readings: [] });
    expect(one('Adele - Hello GBBKS1500214')).toMatchObject({
      isrc: 'GBBKS1500214',
      readings: [{ artist: 'Adele', title: 'Hello' }, {}],
    });
  });

  it('builds one search text without credits, noise or punctuation', () => {
    expect(one('Beyoncé feat. JAY-Z – Crazy in Love').query).toBe('beyonce crazy in love');
    expect(one('Adele - Hello [Official Music Video]').query).toBe('adele hello');
    expect(one('Eagles - Hotel California (Live)').query).toBe('eagles hotel california live');
    expect(one("Guns N' Roses - Sweet Child O' Mine").query).toBe(
      'guns n roses sweet child o mine',
    );
    expect(one('Simon & Garfunkel - The Boxer').query).toBe('simon and garfunkel the boxer');
  });

  it('skips blank lines but keeps line numbers', () => {
    const list = parseTracklist('\n  \nAdele - Hello\n\n\nLorde - Royals\n').lines;
    expect(list.map((l) => l.line)).toEqual([3, 6]);
  });

  it('takes lines as an array the same way', () => {
    const list = parseTracklist(['Adele - Hello', '', 'Royals by Lorde'], 'lines');
    expect(list.format).toBe('lines');
    expect(list.lines.map((l) => [l.line, l.readings[0]])).toEqual([
      [1, { artist: 'Adele', title: 'Hello' }],
      [3, { artist: 'Lorde', title: 'Royals' }],
    ]);
  });
});

describe('parseTracklist: CSV', () => {
  it('reads an Exportify export: quoted commas, doubled quotes, ms durations, ISRCs', () => {
    const text = [
      '"Track URI","Track Name","Artist Name(s)","Album Name","Duration (ms)","ISRC"',
      '"spotify:track:1","September","Earth, Wind & Fire","The Best Of","215093","USSM17800845"',
      '"spotify:track:2","Happy - From ""Despicable Me 2""","Pharrell Williams","G I R L","232720",""',
      '"spotify:track:3","One Kiss (with Dua Lipa)","Calvin Harris,Dua Lipa","One Kiss","214846","bad"',
    ].join('\n');
    const list = parseTracklist(text);
    expect(list.format).toBe('csv');
    expect(list.columns).toContain('Artist Name(s)');
    expect(list.lines).toEqual([
      {
        line: 2,
        input: 'Earth, Wind & Fire - September',
        readings: [{ artist: 'Earth, Wind & Fire', title: 'September' }],
        album: 'The Best Of',
        durationSeconds: 215,
        isrc: 'USSM17800845',
        query: 'earth september',
      },
      {
        line: 3,
        input: 'Pharrell Williams - Happy - From "Despicable Me 2"',
        readings: [{ artist: 'Pharrell Williams', title: 'Happy - From "Despicable Me 2"' }],
        album: 'G I R L',
        durationSeconds: 233,
        query: 'pharrell williams happy from despicable me 2',
      },
      {
        line: 4,
        input: 'Calvin Harris,Dua Lipa - One Kiss (with Dua Lipa)',
        readings: [{ artist: 'Calvin Harris,Dua Lipa', title: 'One Kiss (with Dua Lipa)' }],
        album: 'One Kiss',
        durationSeconds: 215,
        query: 'calvin harris one kiss',
      },
    ]);
  });

  it('reads artist,title, semicolons and tabs, and line breaks inside quotes', () => {
    expect(
      parseTracklist('artist,title\nAdele,Hello\n"Lorde","Royals"').lines.map((l) => l.readings),
    ).toEqual([[{ artist: 'Adele', title: 'Hello' }], [{ artist: 'Lorde', title: 'Royals' }]]);
    expect(parseTracklist('Title;Artist\nHello;Adele').lines[0]!.readings).toEqual([
      { artist: 'Adele', title: 'Hello' },
    ]);
    const tsv = parseTracklist('Song\tArtist\tLength\nHello\tAdele\t4:55').lines[0]!;
    expect(tsv).toMatchObject({
      readings: [{ artist: 'Adele', title: 'Hello' }],
      durationSeconds: 295,
    });
    const multi = parseTracklist('title,artist\n"Hello\nagain",Adele\nRoyals,Lorde').lines;
    expect(multi.map((l) => l.line)).toEqual([2, 4]);
  });

  it('does not take a plain first line with commas for a header', () => {
    expect(parseTracklist('Earth, Wind & Fire - September').format).toBe('lines');
  });
});

describe('parseTracklist: errors name the field', () => {
  const error = (source: string | string[], field = 'text') => {
    try {
      parseTracklist(source, field);
    } catch (e) {
      expect(e).toBeInstanceOf(TracklistError);
      return (e as Error).message;
    }
    throw new Error('expected a TracklistError');
  };

  it('rejects an empty list', () => {
    expect(error('')).toBe('text: expected at least one line naming a song (e.g. "Adele - Hello")');
    expect(error(['  ', ''], 'lines')).toMatch(/^lines: expected at least one line/);
  });

  it('rejects more than 500 songs', () => {
    const lines = Array.from({ length: MAX_LINES + 1 }, (_, i) => `Artist ${i} - Song ${i}`);
    expect(error(lines.join('\n'))).toBe(
      'text: expected at most 500 songs per call, got 501; split the list into several calls',
    );
    expect(parseTracklist(lines.slice(0, MAX_LINES).join('\n')).lines).toHaveLength(MAX_LINES);
  });

  it('rejects a CSV without a title column', () => {
    expect(error('Artist Name(s),ISRC\nAdele,GBBKS1500214')).toBe(
      'text: the CSV header (Artist Name(s), ISRC) has no title column; name one of "track name", "title", "track", "song" (or, for ISRCs alone, send one ISRC per line without a header)',
    );
  });

  it('rejects an overlong line', () => {
    expect(error(`Adele - ${'x'.repeat(1000)}`)).toBe(
      'text: line 1 is longer than 1000 characters; put one song per line',
    );
  });
});
