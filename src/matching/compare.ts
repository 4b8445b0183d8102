/**
 * The two comparisons everything else rests on: is it the same song name, and is it the artist the
 * line names. Each answers with a level, never a raw similarity, so every score can be explained.
 */
import { artistKey, nearlyEqual } from './normalize.js';
import { splitNames, type TitleInfo } from './titles.js';

/** exact: same name; core: same name, one side has a subtitle; fuzzy: a typo apart; partial: one name inside the other. */
export type TitleLevel = 'exact' | 'core' | 'fuzzy' | 'partial' | 'none';

function containsWords(outer: readonly string[], inner: readonly string[]): boolean {
  return inner.length > 0 && ` ${outer.join(' ')} `.includes(` ${inner.join(' ')} `);
}

export function compareTitles(line: TitleInfo, track: TitleInfo): TitleLevel {
  if (line.core === '' || track.core === '') return 'none';
  if (line.core === track.core) return 'exact';
  const oneSubtitle = line.subtitle === '' || track.subtitle === '';
  if (line.base === track.base && oneSubtitle) return 'core';
  if (line.core === track.base || line.base === track.core) return 'core';
  if (track.medley.includes(line.base) || line.medley.includes(track.base)) return 'core';
  if (nearlyEqual(line.core, track.core) || nearlyEqual(line.base, track.base)) return 'fuzzy';
  if (
    containsWords(line.baseWords, track.baseWords) ||
    containsWords(track.baseWords, line.baseWords)
  )
    return 'partial';
  return 'none';
}

/** The artist side of a line: "Beyoncé feat. JAY-Z" -> main "beyonce", featured ["jayz"]. */
export interface LineArtist {
  /** The main credit as one name ("Earth, Wind & Fire", "Simon & Garfunkel"). */
  full: string;
  main: string;
  /** The main credit split at "&", ",", "and", "x": each could be an artist of its own. */
  mainParts: string[];
  /** Artists after "feat." / "ft.". */
  featured: string[];
  parts: string[];
}

export function lineArtist(raw: string | undefined): LineArtist | undefined {
  // "Adele (Official Video)": brackets on the artist side are never part of the name.
  const text = raw?.replace(/[([{][^)\]}]*[)\]}]/g, ' ');
  if (text === undefined || artistKey(text) === '') return undefined;
  const [mainText = text, ...credits] = text.split(/\s*(?:\bfeat\.?|\bft\.?|\bfeaturing\b)\s*/i);
  const full = artistKey(mainText);
  const mainParts = splitNames(mainText);
  const featured = credits.flatMap(splitNames);
  return {
    full,
    main: mainParts[0] ?? full,
    mainParts,
    featured,
    parts: [...mainParts, ...featured],
  };
}

/** main: the line's artist leads the credits; credited: among them or part of a duo's name. */
export type ArtistLevel = 'main' | 'credited' | 'similar' | 'none' | 'absent';

export interface TrackArtists {
  keys: string[];
  /** Names split at "&", "," and "and": "Bob Marley & The Wailers" -> bobmarley, wailers. */
  parts: string[][];
}

export function trackArtists(artists: readonly { name: string }[]): TrackArtists {
  return {
    keys: artists.map((a) => artistKey(a.name)),
    parts: artists.map((a) => splitNames(a.name)),
  };
}

export function compareArtists(line: LineArtist | undefined, track: TrackArtists): ArtistLevel {
  if (line === undefined) return 'absent';
  const [first = ''] = track.keys;
  if (line.full === first || line.main === first || line.full === track.keys.join(''))
    return 'main';
  if (track.keys.includes(line.full) || track.keys.includes(line.main)) return 'credited';
  if (track.parts.some((p) => p.length > 1 && (p.includes(line.main) || p.includes(line.full))))
    return 'credited';
  if (nearlyEqual(line.full, first) || nearlyEqual(line.main, first)) return 'similar';
  return 'none';
}

/**
 * Artists the line credits that the track does not (wanted "feat. Sean Paul", got the solo
 * version), and artists the track credits that the line never named.
 */
export function creditGaps(
  line: LineArtist | undefined,
  titleFeatured: readonly string[],
  track: TrackArtists,
  trackFeatured: readonly string[],
): { missing: number; extra: number } {
  if (line === undefined) return { missing: 0, extra: 0 };
  const named = new Set([...line.parts, line.full, ...titleFeatured]);
  const credited = [...new Set([...track.keys, ...track.parts.flat(), ...trackFeatured])];
  // "Guns and Roses" is one name, not Guns featuring Roses; "ft. Pharrell" credits Pharrell Williams.
  const oneName = track.keys.includes(line.full);
  const wanted = [...(oneName ? [] : line.mainParts.slice(1)), ...line.featured, ...titleFeatured];
  const isCredited = (n: string) =>
    credited.some((c) => c === n || (n.length >= 4 && (c.startsWith(n) || c.endsWith(n))));
  const missing = wanted.filter((n) => !isCredited(n)).length;
  const extra = track.keys
    .slice(1)
    .filter(
      (k, i) => !named.has(k) && !(track.parts[i + 1] ?? []).some((p) => named.has(p)),
    ).length;
  return { missing, extra };
}

/**
 * "Adele Hello" (no separator): the line's words are the track's title plus one of its artists,
 * in either order.
 */
export function gluedArtist(line: TitleInfo, track: TitleInfo, artists: TrackArtists): boolean {
  const words = line.baseWords;
  const title = track.baseWords;
  if (title.length === 0 || words.length <= title.length) return false;
  const rest = (from: number, to: number) => words.slice(from, to).join('');
  const head = words.slice(0, title.length).join(' ') === title.join(' ');
  const tail = words.slice(-title.length).join(' ') === title.join(' ');
  const candidates = [
    ...(head ? [rest(title.length, words.length)] : []),
    ...(tail ? [rest(0, words.length - title.length)] : []),
  ].flatMap((r) => [r, r.replace(/^the/, '')]);
  return candidates.some(
    (r) => artists.keys.includes(r) || artists.parts.some((p) => p.includes(r)),
  );
}
