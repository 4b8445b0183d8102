/**
 * Evaluation lines in the other forms people paste: "Title by Artist", numbered and bulleted
 * lists, durations, ISRCs, CSV exports, and songs TIDAL does not have (see lines-plain.ts for the
 * meaning of the expectations).
 */
import { evalIsrc } from './ids.js';
import type { EvalLine } from './lines-plain.js';

export const BY_LINES: EvalLine[] = [
  ['Hello by Adele', 'adele-hello'],
  ['Hallelujah by Jeff Buckley', 'hallelujah-buckley'],
  ['Hallelujah by Leonard Cohen', 'hallelujah-cohen'],
  ['All by Myself by Céline Dion', 'all-by-myself'],
  ['"Hurt" by Johnny Cash', 'hurt-cash'],
  ['Jolene by Dolly Parton', 'jolene'],
  ['Wonderwall by Oasis', 'wonderwall'],
  ['Take Me to Church by Hozier', 'take-me-to-church'],
  ['Bohemian Rhapsody by Queen', 'bohemian'],
  ['Uptown Funk by Mark Ronson ft. Bruno Mars', 'uptown-funk'],
  ['September by Earth, Wind & Fire', 'september'],
  ['Hoppipolla by Sigur Ros', 'hoppipolla'],
  ['Dreams by Fleetwood Mac', 'dreams'],
  ['The Sound of Silence by Disturbed', 'sound-disturbed'],
  ['Crazy in Love by Beyoncé ft. JAY Z', 'crazy-in-love'],
  ['Adele "Someone Like You"', 'someone'],
];

export const LIST_LINES: EvalLine[] = [
  ['1. Adele - Hello', 'adele-hello'],
  ['2) Queen - Bohemian Rhapsody (5:55)', 'bohemian'],
  ['3. Daft Punk - Get Lucky 4:08', 'get-lucky-edit'],
  ['4. Daft Punk - Get Lucky 6:09', 'get-lucky'],
  ['• Eagles – Hotel California (7:12)', 'hotel-live'],
  ['• Eagles – Hotel California (6:31)', 'hotel-california'],
  ['- Coldplay - Yellow', 'yellow'],
  ['* Oasis - Wonderwall', 'wonderwall'],
  ['#4 Nirvana - Smells Like Teen Spirit', 'teen-spirit'],
  ['05. The Killers – Mr. Brightside', 'brightside'],
  ['6 - Hozier - Take Me to Church', 'take-me-to-church'],
  ['7. Journey - Don’t Stop Believin’ [4:11]', 'dont-stop-believin'],
  ['8. Beyoncé - Halo | 4:21', 'halo'],
  ['9. Metallica — One — 7:26', 'metallica-one'],
  ['10. Taylor Swift - Love Story 3:55', 'love-story'],
  ['11. Sia - Cheap Thrills 3:44', 'cheap-thrills-feat'],
];

/** ISRCs written as people copy them; unknown ISRCs fall back to the text when there is one. */
export function isrcLines(): EvalLine[] {
  const hyphenated = (key: string) => evalIsrc(key).replace(/^(..)(...)(..)(.+)$/, '$1-$2-$3-$4');
  return [
    [evalIsrc('adele-hello'), 'adele-hello'],
    [`ISRC: ${evalIsrc('bohemian')}`, 'bohemian'],
    [`Ed Sheeran - Shape of You ${evalIsrc('shape-of-you')}`, 'shape-of-you'],
    [hyphenated('wonderwall'), 'wonderwall'],
    [evalIsrc('hotel-live').toLowerCase(), 'hotel-live'],
    [`${evalIsrc('dreams-2004')} Fleetwood Mac - Dreams`, 'dreams-2004'],
    [evalIsrc('crazy-in-love'), 'crazy-in-love'],
    [evalIsrc('hallelujah-buckley'), 'hallelujah-buckley'],
    [evalIsrc('hurt-nin'), 'hurt-nin'],
    [evalIsrc('take-on-me-weezer'), 'take-on-me-weezer'],
    [evalIsrc('three-little-birds'), 'three-little-birds'],
    [evalIsrc('summertime-remix'), 'summertime-remix'],
    [evalIsrc('get-lucky-edit'), 'get-lucky-edit'],
    [evalIsrc('hoppipolla'), 'hoppipolla'],
    [evalIsrc('september'), 'september'],
    [evalIsrc('teen-spirit'), 'teen-spirit'],
    [evalIsrc('love-story-tv'), 'love-story-tv'],
    [evalIsrc('levitating'), 'levitating'],
    [evalIsrc('rolling-live'), 'rolling-live'],
    [evalIsrc('brightside'), 'brightside'],
    [evalIsrc('despecha'), 'despecha'],
    ['GBAYE0000001', null],
    ['Coldplay - Yellow GBAYE0000002', 'yellow'],
  ];
}

/** An Exportify (Spotify) export: Spotify's titles, comma-joined artists, quoted fields. */
export const EXPORTIFY_HEADER =
  '"Track URI","Track Name","Artist Name(s)","Album Name","Album Release Date","Duration (ms)","Popularity","ISRC"';

export function exportifyRows(): EvalLine[] {
  const row = (title: string, artists: string, album: string, ms: number, isrc = '') =>
    [`spotify:track:x${ms}`, title, artists, album, '2000-01-01', String(ms), '70', isrc]
      .map((c) => `"${c.replace(/"/g, '""')}"`)
      .join(',');
  return [
    [
      row('Bohemian Rhapsody - Remastered 2011', 'Queen', 'A Night At The Opera', 354_320),
      'bohemian',
    ],
    [
      row('Hotel California - 2013 Remaster', 'Eagles', 'Hotel California', 390_800),
      'hotel-california',
    ],
    [row('Dreams - 2004 Remaster', 'Fleetwood Mac', 'Rumours', 257_800), 'dreams-2004'],
    [
      row('Here Comes The Sun - Remastered 2009', 'The Beatles', 'Abbey Road', 185_733),
      'here-comes-the-sun',
    ],
    [
      row('September', 'Earth, Wind & Fire', 'The Best of Earth, Wind & Fire, Vol. 1', 215_093),
      'september',
    ],
    [row('Harder, Better, Faster, Stronger', 'Daft Punk', 'Discovery', 224_693), 'hbfs'],
    [row("Lover, You Should've Come Over", 'Jeff Buckley', 'Grace', 403_200), 'lover'],
    [row('Non, je ne regrette rien', 'Édith Piaf', "L'essentiel", 142_000), 'regrette'],
    [row('One Kiss (with Dua Lipa)', 'Calvin Harris,Dua Lipa', 'One Kiss', 214_846), 'one-kiss'],
    [
      row(
        'Get Lucky (feat. Pharrell Williams & Nile Rodgers) - Radio Edit',
        'Daft Punk,Pharrell Williams,Nile Rodgers',
        'Get Lucky',
        248_413,
      ),
      'get-lucky-edit',
    ],
    [row('Happy - From "Despicable Me 2"', 'Pharrell Williams', 'G I R L', 232_720), 'happy'],
    [
      row(
        'My Heart Will Go On - Love Theme from "Titanic"',
        'Céline Dion',
        "Let's Talk About Love",
        280_266,
      ),
      'my-heart',
    ],
    [
      row('Crazy In Love (feat. Jay-Z)', 'Beyoncé,JAY-Z', 'Dangerously In Love', 236_133),
      'crazy-in-love',
    ],
    [
      row("Sweet Child O' Mine", "Guns N' Roses", 'Appetite For Destruction', 356_066),
      'sweet-child',
    ],
    [
      row('Three Little Birds', 'Bob Marley & The Wailers', 'Legend', 180_400),
      'three-birds-legend',
    ],
    [
      row(
        'Wonderwall - Remastered',
        'Oasis',
        "(What's The Story) Morning Glory? (Remastered)",
        258_773,
      ),
      'wonderwall-rm',
    ],
    [
      row('Hallelujah', 'Jeff Buckley', 'Grace', 413_000, evalIsrc('hallelujah-buckley')),
      'hallelujah-buckley',
    ],
    [row('Take On Me', 'a-ha', 'Hunting High and Low', 225_280, 'NOA128500001'), 'take-on-me'],
    [row('The Sound of Silence', 'Disturbed', 'Immortalized', 248_493), 'sound-disturbed'],
    [
      row('Love Story (Taylor’s Version)', 'Taylor Swift', 'Fearless (Taylor’s Version)', 235_766),
      'love-story-tv',
    ],
    [row('Summertime Sadness', 'Lana Del Rey', 'Born To Die', 265_426), 'summertime-sadness'],
    [row('Beggin', 'Måneskin', 'Chosen', 211_560), 'beggin'],
    [row('Hoppípolla', 'Sigur Rós', 'Takk...', 268_000), 'hoppipolla'],
    [row('Somebody That I Used To Know', 'Gotye,Kimbra', 'Making Mirrors', 244_973), 'somebody'],
    [row('Ring of Fire', 'Johnny Cash', 'Ring of Fire', 157_000), null],
  ];
}

/** A hand-made spreadsheet: `artist,title` and a tab-separated one with album and length. */
export const SIMPLE_CSV_HEADER = 'artist,title';
export const SIMPLE_CSV_ROWS: EvalLine[] = [
  ['Adele,Hello', 'adele-hello'],
  ['Lionel Richie,Hello', 'lionel-hello'],
  ['"Earth, Wind & Fire",September', 'september'],
  ['Coldplay,"Viva La Vida"', 'viva'],
  ['Jeff Buckley,Hallelujah', 'hallelujah-buckley'],
  ['Johnny Cash,Hurt', 'hurt-cash'],
  ['Metallica,One', 'metallica-one'],
  ['U2,One', 'u2-one'],
  ['The Beatles,Yesterday', 'yesterday'],
  ['Queen,Bohemian Rhapsody (Live)', 'bohemian-wembley'],
  ['Adele,Goodbye Forever', null],
];

export const TSV_HEADER = 'Song\tArtist\tAlbum\tLength';
export const TSV_ROWS: EvalLine[] = [
  ['Hotel California\tEagles\tHell Freezes Over\t7:12', 'hotel-live'],
  ['Love of My Life\tQueen\tLive At Wembley Stadium\t4:52', 'lomf-wembley'],
  ['Three Little Birds\tBob Marley & The Wailers\tExodus\t3:00', 'three-little-birds'],
  ['Yellow\tColdplay\tLive in Buenos Aires\t5:00', 'yellow-live'],
  ['Wonderwall\tRyan Adams\tLove Is Hell\t4:08', 'wonderwall-ryan'],
  ['Folsom Prison Blues\tJohnny Cash\tAt Folsom Prison\t2:49', 'folsom-live'],
];

/** Songs TIDAL does not have: nothing above low may come back for them. */
export const MISSING_LINES: EvalLine[] = [
  ['Adele - Hello Again', null],
  ['Adele - Goodbye Forever', null],
  ['Queen - Bohemian Symphony', null],
  ['The Beatles - Yesterday Once More', null],
  ['Coldplay - Yellow Moon', null],
  ['Radiohead - Creep', null],
  ['Tool - Schism', null],
  ['Metallica - Two', null],
  ['Nirvana - Smells Like Teen Angst', null],
  ['Fleetwood Mac - Nightmares', null],
  ['Daft Punk - One Last Time', null],
  ['Taylor Swift - Love Song', null],
  ['Ed Sheeran - Perfect Stranger', null],
  ['Beyoncé - Crazy in Love Again', null],
  ['The Killers - Mr. Sunshine', null],
  ['Imaginary Band - Song That Never Was', null],
  ['Sigur Rós - Hoppípolla Reprise', null],
  ['Whitney Houston - I Will Always Love Him', null],
  ['U2 - Two Hearts Beat as One', null],
  ['Lana Del Rey - Summertime', null],
  ['Hozier - Church', null],
  ['Dolly Parton - 9 to 5', null],
  ['Lorde - Green Light', null],
  ['Calvin Harris - Summertime', null],
  ['Sia - Titanium', null],
  ['Måneskin - I Wanna Be Your Slave', null],
  ['Hello Kitty - Hello', null],
  ['The Beatles - Hello Adele', null],
  ['Metallica - Unforgiven 4', null],
  ['The Beatles - Revolution 2', null],
  ['Pink Floyd - Another Brick in the Wall, Pt. 4', null],
];
