/** Normalisation, version classification and title analysis: the vocabulary of matching. */
import { describe, expect, it } from 'vitest';

import { artistKey, compact, nearlyEqual, simplify } from '../../src/matching/normalize.js';
import { analyzeTitle, titleReadings } from '../../src/matching/titles.js';
import { versionTags } from '../../src/matching/versions.js';

const tags = (text: string) => [...versionTags(text)].sort();

describe('normalisation', () => {
  it('ignores case, diacritics, apostrophes and punctuation', () => {
    expect(simplify('Beyoncé')).toBe('beyonce');
    expect(simplify('Sæglópur')).toBe('saeglopur');
    expect(simplify('Motörhead')).toBe('motorhead');
    expect(simplify("Don't Stop Me Now")).toBe('dont stop me now');
    expect(compact('AC/DC')).toBe(compact('ACDC'));
    expect(compact('Svefn-g-englar')).toBe(compact('Svefn g englar'));
    expect(compact('Mr. Brightside')).toBe(compact('Mr Brightside'));
  });

  it('writes "and" one way, and numbers one way', () => {
    expect(simplify('Simon & Garfunkel')).toBe(simplify('Simon and Garfunkel'));
    expect(artistKey("Guns N' Roses")).toBe(artistKey('Guns and Roses'));
    expect(simplify('Another Brick in the Wall, Pt. 2')).toBe(
      simplify('Another Brick in the Wall Part II'),
    );
    expect(simplify('Revolution No. 9')).toBe('revolution 9');
    expect(simplify('I Will Always Love You')).toBe('i will always love you');
  });

  it('compares artists without a leading "The"', () => {
    expect(artistKey('The Beatles')).toBe(artistKey('Beatles'));
    expect(artistKey('The The')).toBe('the');
  });

  it('calls a typo near, never a different number or a short word', () => {
    expect(nearlyEqual(compact('Sweet Child O Mine'), compact('Sweet Child of Mine'))).toBe(true);
    expect(nearlyEqual(compact("Don't Stop Believin'"), compact('Dont Stop Believing'))).toBe(true);
    expect(nearlyEqual(compact('Hey Jude'), compact('Hey Dude'))).toBe(false);
    expect(nearlyEqual(compact('Symphony No. 5'), compact('Symphony No. 6'))).toBe(false);
  });
});

describe('version classification', () => {
  it('names the version a descriptor describes', () => {
    expect(tags('Live at Wembley Stadium')).toEqual(['live']);
    expect(tags('MTV Unplugged')).toEqual(['acoustic', 'live']);
    expect(tags('Remastered 2011')).toEqual(['remaster']);
    expect(tags('2004 Remaster')).toEqual(['remaster']);
    expect(tags('2019 Mix')).toEqual(['remaster']);
    expect(tags('Cedric Gervais Remix')).toEqual(['remix']);
    expect(tags('Extended Mix')).toEqual(['remix']);
    expect(tags('Radio Edit')).toEqual(['edit']);
    expect(tags('Originally Performed By Adele')).toEqual(['karaoke']);
    expect(tags('Karaoke Version')).toEqual(['karaoke']);
    expect(tags('Instrumental')).toEqual(['instrumental']);
    expect(tags('Sped Up')).toEqual(['speed']);
    expect(tags('Slowed + Reverb')).toEqual(['speed']);
    expect(tags('Acoustic')).toEqual(['acoustic']);
    expect(tags('Piano Version')).toEqual(['acoustic']);
    expect(tags("Taylor's Version")).toEqual(['rerecording']);
    expect(tags('Demo')).toEqual(['demo']);
    expect(tags('Love Theme from "Titanic"')).toEqual(['soundtrack']);
    expect(tags('Long-Lost Guitar Version')).toEqual(['alternate']);
  });

  it('sees no version in subtitles or the original', () => {
    expect(tags('Put a Ring on It')).toEqual([]);
    expect(tags("What's the Story")).toEqual([]);
    expect(tags('Original Mix')).toEqual([]);
    expect(tags('Album Version')).toEqual([]);
  });
});

describe('title analysis', () => {
  it('separates the name, its version and its credits', () => {
    const crazy = analyzeTitle('Crazy in Love (feat. JAY-Z)');
    expect(crazy).toMatchObject({ core: 'crazyinlove', featured: ['jayz'], tags: new Set() });
    const lucky = analyzeTitle('Get Lucky (Radio Edit) [feat. Pharrell Williams and Nile Rodgers]');
    expect(lucky).toMatchObject({
      core: 'getlucky',
      featured: ['pharrellwilliams', 'nilerodgers'],
    });
    expect([...lucky.tags]).toEqual(['edit']);
    expect(analyzeTitle('Get Lucky ft. Pharrell').featured).toEqual(['pharrell']);
    expect(analyzeTitle('Perfect Duet (with Beyoncé)')).toMatchObject({
      core: 'perfectduet',
      featured: ['beyonce'],
    });
  });

  it('reads versions from brackets, dash suffixes, the version field and the album', () => {
    expect([...analyzeTitle('Bohemian Rhapsody - Remastered 2011').tags]).toEqual(['remaster']);
    expect([...analyzeTitle('Dreams', '2004 Remaster').tags]).toEqual(['remaster']);
    expect(
      [...analyzeTitle('Come As You Are', undefined, 'MTV Unplugged In New York').tags].sort(),
    ).toEqual(['acoustic', 'live']);
    expect([...analyzeTitle('Live Forever').tags]).toEqual([]);
    expect(analyzeTitle('Live Forever').core).toBe('liveforever');
  });

  it('keeps subtitles apart from the name', () => {
    expect(analyzeTitle('Single Ladies (Put a Ring on It)')).toMatchObject({
      core: 'singleladiesputaringonit',
      base: 'singleladies',
      subtitle: 'putaringonit',
    });
    expect(analyzeTitle('(We Are) The Road Crew').core).toBe('wearetheroadcrew');
    expect(analyzeTitle('The Unforgiven II').core).toBe('unforgiven2');
    expect(analyzeTitle('One Love / People Get Ready').medley).toEqual([
      'onelove',
      'peoplegetready',
    ]);
  });

  it('reads a trailing bare version word both ways', () => {
    const readings = titleReadings('Hotel California live');
    expect(readings.map((r) => [r.core, [...r.tags]])).toEqual([
      ['hotelcalifornialive', []],
      ['hotelcalifornia', ['live']],
    ]);
    expect(titleReadings('Long Live').map((r) => r.core)).toEqual(['longlive', 'long']);
    expect(titleReadings('Live')).toHaveLength(1);
  });
});
