/** "Same recording" for playlist dedupe: same ISRC, or same song, version and artists ±2 s. */
import { describe, expect, it } from 'vitest';

import {
  findDuplicates,
  recordingKey,
  type RecordingLike,
  sameRecording,
} from '../../src/matching/index.js';

const t = (
  id: string,
  title: string,
  artists: string[],
  more: Partial<RecordingLike> = {},
): RecordingLike => ({
  id,
  title,
  artists: artists.map((name) => ({ name })),
  durationSeconds: 200,
  ...more,
});

describe('same recording', () => {
  it('is the same ISRC, whatever the titles say', () => {
    expect(
      sameRecording(
        t('1', 'A', ['X'], { isrc: 'GBAYE0000001' }),
        t('2', 'B', ['Y'], { isrc: 'gbaye0000001' }),
      ),
    ).toBe(true);
  });

  it('is the same song, version and artists within 2 s', () => {
    const album = t('1', 'Crazy in Love (feat. JAY-Z)', ['Beyoncé', 'JAY-Z'], {
      isrc: 'USSM10301234',
    });
    const compilation = t('2', 'Crazy In Love', ['Beyonce', 'Jay-Z'], {
      durationSeconds: 202,
      isrc: 'USSM10309999',
    });
    expect(recordingKey(album)).toBe(recordingKey(compilation));
    expect(sameRecording(album, compilation)).toBe(true);
    expect(sameRecording(album, { ...compilation, durationSeconds: 203 })).toBe(false);
    expect(
      sameRecording(
        t('3', 'Dreams', ['Fleetwood Mac']),
        t('4', 'Dreams', ['Fleetwood Mac'], { version: '2004 Remaster' }),
      ),
    ).toBe(true);
  });

  it('is never a live, instrumental or remixed version, or another artist', () => {
    const hello = t('1', 'Hello', ['Adele']);
    expect(sameRecording(hello, t('2', 'Hello', ['Adele'], { version: 'Live' }))).toBe(false);
    expect(sameRecording(hello, t('3', 'Hello (Instrumental)', ['Adele']))).toBe(false);
    expect(sameRecording(hello, t('4', 'Hello', ['Lionel Richie']))).toBe(false);
    expect(sameRecording(hello, t('5', 'Hello', ['Adele'], { durationSeconds: undefined }))).toBe(
      false,
    );
  });
});

describe('findDuplicates', () => {
  const list = [
    t('1', 'Hello', ['Adele'], { isrc: 'GBBKS1500214' }),
    t('2', 'Royals', ['Lorde']),
    t('1', 'Hello', ['Adele'], { isrc: 'GBBKS1500214' }),
    t('3', 'Hello', ['Adele'], { isrc: 'GBBKS1500214' }),
    t('4', 'Royals', ['Lorde'], { durationSeconds: 201 }),
    t('5', 'Royals', ['Lorde'], { version: 'Live', durationSeconds: 200 }),
  ];

  it('by track: later copies of the same id', () => {
    expect(findDuplicates(list, 'track')).toEqual([{ index: 2, duplicateOf: 0 }]);
  });

  it('by recording: also other releases of the same recording, keeping the first', () => {
    expect(findDuplicates(list, 'recording')).toEqual([
      { index: 2, duplicateOf: 0 },
      { index: 3, duplicateOf: 0 },
      { index: 4, duplicateOf: 1 },
    ]);
  });
});
