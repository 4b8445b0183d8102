/**
 * The matching evaluation catalog: real-world songs with the traps real catalogs have. Each song
 * exists the ways it does on streaming services — the studio recording, live albums, remixes,
 * acoustic and sped-up singles, karaoke and instrumental releases by other artists, remasters that
 * are more popular than the original, covers that are more popular than the original, featured
 * credits, diacritics, titles that are substrings of other titles. Titles, versions and credits
 * are written the way TIDAL writes them; ids and ISRCs are assigned by eval/ids.ts (ISRCs use the
 * otherwise unused prefix QZEVL, so they never collide with the generated catalog).
 */
import type { AlbumType } from '../catalog/model.js';

export interface EvalTrackDef {
  /** Handle used by the evaluation lines. */
  key: string;
  title: string;
  /** TIDAL's `version` attribute. */
  version?: string;
  seconds: number;
  popularity: number;
  /** Artist keys credited after the album's artists. */
  feat?: string[];
  /** Artist keys instead of the album's. */
  by?: string[];
  /** Another release of this recording: it carries that track's ISRC. */
  sameAs?: string;
}

export interface EvalAlbumDef {
  key: string;
  artists: string[];
  title: string;
  type: AlbumType;
  date: string;
  tracks: EvalTrackDef[];
}

export const EVAL_ARTISTS: Record<string, [name: string, popularity: number]> = {
  adele: ['Adele', 0.93],
  lionel: ['Lionel Richie', 0.72],
  singking: ['Sing King', 0.45],
  partytyme: ['Party Tyme Karaoke', 0.3],
  queen: ['Queen', 0.94],
  beatles: ['The Beatles', 0.95],
  beyonce: ['Beyoncé', 0.93],
  jayz: ['JAY-Z', 0.85],
  alicia: ['Alicia Keys', 0.85],
  ed: ['Ed Sheeran', 0.94],
  bocelli: ['Andrea Bocelli', 0.7],
  sigur: ['Sigur Rós', 0.62],
  vsq: ['Vitamin String Quartet', 0.42],
  bjork: ['Björk', 0.66],
  celine: ['Céline Dion', 0.82],
  motorhead: ['Motörhead', 0.7],
  rosalia: ['ROSALÍA', 0.8],
  maneskin: ['Måneskin', 0.8],
  fourseasons: ['Frankie Valli & The Four Seasons', 0.6],
  daftpunk: ['Daft Punk', 0.9],
  pharrell: ['Pharrell Williams', 0.86],
  nile: ['Nile Rodgers', 0.6],
  julian: ['Julian Casablancas', 0.5],
  coldplay: ['Coldplay', 0.9],
  u2: ['U2', 0.85],
  metallica: ['Metallica', 0.88],
  cohen: ['Leonard Cohen', 0.76],
  buckley: ['Jeff Buckley', 0.72],
  ptx: ['Pentatonix', 0.62],
  cash: ['Johnny Cash', 0.8],
  nin: ['Nine Inch Nails', 0.7],
  dolly: ['Dolly Parton', 0.82],
  whitney: ['Whitney Houston', 0.86],
  aha: ['a-ha', 0.76],
  weezer: ['Weezer', 0.6],
  eagles: ['Eagles', 0.85],
  fleetwood: ['Fleetwood Mac', 0.88],
  oasis: ['Oasis', 0.86],
  ryanadams: ['Ryan Adams', 0.5],
  killers: ['The Killers', 0.86],
  gnr: ["Guns N' Roses", 0.88],
  acdc: ['AC/DC', 0.88],
  marley: ['Bob Marley & The Wailers', 0.86],
  ewf: ['Earth, Wind & Fire', 0.82],
  sg: ['Simon & Garfunkel', 0.83],
  disturbed: ['Disturbed', 0.8],
  mumford: ['Mumford & Sons', 0.72],
  tswift: ['Taylor Swift', 0.95],
  gotye: ['Gotye', 0.7],
  kimbra: ['Kimbra', 0.5],
  ronson: ['Mark Ronson', 0.76],
  bruno: ['Bruno Mars', 0.92],
  sia: ['Sia', 0.86],
  seanpaul: ['Sean Paul', 0.76],
  dua: ['Dua Lipa', 0.91],
  dababy: ['DaBaby', 0.62],
  calvin: ['Calvin Harris', 0.88],
  lana: ['Lana Del Rey', 0.86],
  cedric: ['Cedric Gervais', 0.55],
  nirvana: ['Nirvana', 0.9],
  bowie: ['David Bowie', 0.86],
  hozier: ['Hozier', 0.8],
  journey: ['Journey', 0.86],
  glee: ['Glee Cast', 0.6],
  rhcp: ['Red Hot Chili Peppers', 0.86],
  motley: ['Mötley Crüe', 0.7],
  piaf: ['Édith Piaf', 0.72],
  armstrong: ['Louis Armstrong', 0.82],
  lorde: ['Lorde', 0.84],
  floyd: ['Pink Floyd', 0.9],
};

type More = Partial<Omit<EvalTrackDef, 'key' | 'title' | 'seconds' | 'popularity'>>;
export const t = (
  key: string,
  title: string,
  seconds: number,
  popularity: number,
  more: More = {},
) => ({
  key,
  title,
  seconds,
  popularity,
  ...more,
});
export const v = (version: string, more: More = {}): More => ({ version, ...more });
export const a = (
  key: string,
  artists: string | string[],
  title: string,
  type: AlbumType,
  date: string,
  tracks: EvalTrackDef[],
): EvalAlbumDef => ({ key, artists: [artists].flat(), title, type, date, tracks });
