/**
 * Text normalisation for matching: what two spellings of the same name have in common. Case,
 * diacritics ("Beyoncé" = "Beyonce", "Sæglópur" = "Saeglopur"), apostrophes ("Don't" = "Dont"),
 * other punctuation ("AC/DC" = "AC DC", "Mr. Brightside" = "Mr Brightside") and the ways of
 * writing "and" ("&", "+", "'n'") are not differences a person would count.
 */

import { Remembered } from './remembered.js';

/** Letters NFKD does not decompose. */
const LETTERS: Record<string, string> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
};

/** A pure string function whose answers are kept (see Remembered). */
function memo(fn: (text: string) => string, size = 10_000): (text: string) => string {
  const kept = new Remembered<string>(size);
  return (text) => kept.get(text, fn);
}

/** Lower case without diacritics. */
export const fold = memo((text: string): string =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[øæœßđðþłı]/g, (c) => LETTERS[c] ?? c),
);

/** Folded words separated by single spaces, "&" and "+" as "and": what a search is sent. */
export function searchText(text: string): string {
  return fold(text)
    .replace(/['’‘`´ʼ]/g, '')
    .replace(/[&+]/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const ROMAN: Record<string, string> = {
  ii: '2',
  iii: '3',
  iv: '4',
  vi: '6',
  vii: '7',
  viii: '8',
  ix: '9',
};

/**
 * searchText plus the spellings of one thing: a lone "n" ("Guns N' Roses") is "and", "Pt." is
 * "part", "No. 9" is "9", Roman numerals from II to IX are digits ("The Unforgiven II").
 */
export const simplify = memo((text: string): string =>
  searchText(text)
    .replace(/(?<=^| )n(?= |$)/g, 'and')
    .replace(/(?<=^| )pt(?= |$)/g, 'part')
    .replace(/(?<=^| )(?:no|nr|number) (?=\d)/g, '')
    .replace(/(?<=^| )(ii|iii|iv|vi|vii|viii|ix)(?= |$)/g, (r) => ROMAN[r] ?? r),
);

export function words(text: string): string[] {
  const s = simplify(text);
  return s === '' ? [] : s.split(' ');
}

/** Without spaces: "Svefn-g-englar" = "Svefngenglar", "AC/DC" = "ACDC". */
export function compact(text: string): string {
  return simplify(text).replace(/ /g, '');
}

/** An artist name for comparison: compact, without a leading "The". */
export function artistKey(name: string): string {
  return simplify(name).replace(/^the /, '').replace(/ /g, '');
}

/** Levenshtein distance, for near-identical spellings only (short strings, early exit). */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = new Uint32Array(b.length + 1).map((_, j) => j);
  let row = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      row[j] = value;
      if (value < best) best = value;
    }
    if (best > max) return max + 1;
    [previous, row] = [row, previous];
  }
  return previous[b.length]!;
}

/**
 * Two compact strings that differ by a typo or a dropped letter ("Sweet Child O Mine" / "of
 * Mine", "Believin" / "Believing"): at most one edit in ten characters, never on short strings,
 * and never when their numbers differ ("Part 1" / "Part 2").
 */
const digits = memo((text: string) => text.replace(/\D/g, ''));

export function nearlyEqual(a: string, b: string): boolean {
  if (Math.min(a.length, b.length) < 8) return false;
  const max = Math.floor(Math.max(a.length, b.length) / 10);
  if (max === 0 || Math.abs(a.length - b.length) > max) return false;
  if (digits(a) !== digits(b)) return false;
  return editDistance(a, b, max) <= max;
}
