/**
 * Text normalisation for matching: what two spellings of the same name have in common. Case,
 * diacritics ("Beyoncé" = "Beyonce", "Sæglópur" = "Saeglopur"), apostrophes ("Don't" = "Dont"),
 * other punctuation ("AC/DC" = "AC DC", "Mr. Brightside" = "Mr Brightside") and the ways of
 * writing "and" ("&", "+", "'n'") are not differences a person would count.
 */

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

/** Lower case without diacritics. */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[øæœßđðþłı]/g, (c) => LETTERS[c] ?? c);
}

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
export function simplify(text: string): string {
  return searchText(text)
    .replace(/(?<=^| )n(?= |$)/g, 'and')
    .replace(/(?<=^| )pt(?= |$)/g, 'part')
    .replace(/(?<=^| )(?:no|nr|number) (?=\d)/g, '')
    .replace(/(?<=^| )(ii|iii|iv|vi|vii|viii|ix)(?= |$)/g, (r) => ROMAN[r] ?? r);
}

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
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    previous = row;
  }
  return previous[b.length]!;
}

/**
 * Two compact strings that differ by a typo or a dropped letter ("Sweet Child O Mine" / "of
 * Mine", "Believin" / "Believing"): at most one edit in ten characters, never on short strings,
 * and never when their numbers differ ("Part 1" / "Part 2").
 */
export function nearlyEqual(a: string, b: string): boolean {
  if (Math.min(a.length, b.length) < 8) return false;
  if (a.replace(/\D/g, '') !== b.replace(/\D/g, '')) return false;
  const max = Math.floor(Math.max(a.length, b.length) / 10);
  return max > 0 && editDistance(a, b, max) <= max;
}
