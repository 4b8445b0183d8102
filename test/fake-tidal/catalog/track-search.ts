/**
 * How the fake ranks track search results, modelled on what TIDAL's search does with "artist
 * title" queries (observed behaviour, not in the spec): a track matches when every query word
 * appears in its title, version or artist names, ignoring case, diacritics ("beyonce" finds
 * "Beyoncé"), apostrophes and punctuation ("acdc"/"ac dc" find "AC/DC", "&" = "and"); all such
 * matches come first, most popular first, so every version of a song is there. When no track has
 * every word, TIDAL still returns the nearest tracks (most words first, then popularity) rather
 * than nothing (queries of two words or more). A query found as-is in a title always matches.
 */
import type { TrackRec } from './model.js';

/** Lower case, no diacritics, no apostrophes, "&" as "and", other punctuation as spaces. */
export function searchText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/['’‘`´]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface TrackHit {
  track: TrackRec;
  /** 2: every word (or the whole query in the title); 1: most words. */
  tier: number;
  words: number;
}

/**
 * `haystack` is the track's searchable text (title, version, artist names) through searchText.
 * Returns undefined when the track is not a result at all.
 */
export function rankTrack(track: TrackRec, query: string, haystack: string): TrackHit | undefined {
  const q = query.trim().toLowerCase();
  if (q === '') return undefined;
  if (track.title.toLowerCase().includes(q)) return { track, tier: 2, words: 0 };
  const words = searchText(query).split(' ').filter(Boolean);
  if (words.length === 0) return undefined;
  if (words.every((w) => haystack.includes(w))) return { track, tier: 2, words: words.length };
  if (words.length < 2) return undefined;
  const own = new Set(haystack.split(' '));
  const found = words.filter((w) => own.has(w)).length;
  return found >= Math.max(2, Math.ceil(words.length / 2))
    ? { track, tier: 1, words: found }
    : undefined;
}

export function compareHits(a: TrackHit, b: TrackHit): number {
  return (
    b.tier - a.tier ||
    (a.tier === 1 ? b.words - a.words : 0) ||
    b.track.popularity - a.track.popularity ||
    (a.track.id < b.track.id ? -1 : a.track.id > b.track.id ? 1 : 0)
  );
}
