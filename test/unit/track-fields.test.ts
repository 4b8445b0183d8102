/** BPM, key and popularity as the mappers read them from TIDAL's track attributes. */
import { describe, expect, it } from 'vitest';

import { Included } from '../../src/tidal/jsonapi.js';
import { musicalKey, toTrack } from '../../src/tidal/mappers.js';
import { trackLine } from '../../src/tools/shared/format.js';

describe('musicalKey', () => {
  it.each([
    ['A', 'MINOR', 'A minor'],
    ['CSharp', 'MAJOR', 'C# major'],
    ['FSharp', 'DORIAN', 'F# dorian'],
    ['Eb', 'HARMONIC_MINOR', 'Eb harmonic minor'],
    ['C', 'UNKNOWN', 'C'],
    ['C', undefined, 'C'],
    ['UNKNOWN', 'MAJOR', undefined],
    ['', 'MAJOR', undefined],
    [undefined, undefined, undefined],
  ])('%s %s -> %s', (key, scale, expected) => {
    expect(musicalKey(key, scale)).toBe(expected);
  });
});

describe('toTrack', () => {
  const track = (attributes: Record<string, unknown>) =>
    toTrack({ id: '1', type: 'tracks', attributes: { title: 'T', ...attributes } }, new Included());

  it('keeps BPM, key, two decimals of popularity and the media tags', () => {
    expect(
      track({
        bpm: 123.6,
        key: 'A',
        keyScale: 'MINOR',
        popularity: 0.4567,
        mediaTags: ['LOSSLESS'],
      }),
    ).toMatchObject({ bpm: 124, key: 'A minor', popularity: 0.46, mediaTags: ['LOSSLESS'] });
  });

  it('leaves out what TIDAL does not know', () => {
    const t = track({ bpm: 0, key: 'UNKNOWN', keyScale: 'UNKNOWN', mediaTags: [] });
    expect(t).not.toHaveProperty('bpm');
    expect(t).not.toHaveProperty('key');
    expect(t).not.toHaveProperty('mediaTags');
    expect(t).not.toHaveProperty('popularity');
    expect(trackLine(t)).toBe(
      'T — unknown artist · 0:00 · id 1 · https://tidal.com/browse/track/1',
    );
  });

  it('shows BPM and key on the text line', () => {
    expect(trackLine(track({ bpm: 124, key: 'A', keyScale: 'MINOR' }))).toBe(
      'T — unknown artist · 0:00 · 124 BPM · A minor · id 1 · https://tidal.com/browse/track/1',
    );
  });
});
