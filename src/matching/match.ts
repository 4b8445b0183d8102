/**
 * Choosing the TIDAL track for a parsed line among search results (or ISRC hits), with the
 * confidence and reason scoring gives it, and up to N alternatives when it is not a sure match.
 * Deterministic: the same line and results always give the same answer (ties: TIDAL's order).
 */
import { lineArtist, trackArtists } from './compare.js';
import { artistKey } from './normalize.js';
import type { ParsedLine } from './parse.js';
import { Remembered } from './remembered.js';
import {
  albumKey,
  atLeast,
  type Confidence,
  type LineView,
  type Scored,
  scoreTrack,
  type TrackView,
} from './score.js';
import { analyzeTitle, titleReadings } from './titles.js';

/** What matching needs of a track; TIDAL's Track has all of it. */
export interface TrackCandidate {
  id: string;
  title: string;
  version?: string;
  artists: readonly { id: string; name: string }[];
  album?: { title: string };
  durationSeconds?: number;
  isrc?: string;
}

export interface Alternative<T> {
  track: T;
  confidence: Confidence;
  reason: string;
}

export interface LineMatch<T> {
  line: ParsedLine;
  confidence: Confidence;
  reason: string;
  track?: T;
  alternatives: Alternative<T>[];
  /** How the track was found; `failed` when the lookup itself failed (see reason). */
  via: 'isrc' | 'search' | 'none' | 'failed';
}

export interface MatchLineOptions {
  /** How many alternatives to list when the match is not exact or high (default 2). */
  alternatives?: number;
}

function lineViews(line: ParsedLine): LineView[] {
  return line.readings.flatMap((reading, i) =>
    titleReadings(reading.title, line.album).map((title, j) => ({
      artist: lineArtist(reading.artist),
      title,
      reading: i + j * 0.5,
      album: albumKey(line.album),
      durationSeconds: line.durationSeconds,
    })),
  );
}

function trackView(track: TrackCandidate, rank: number): TrackView {
  return {
    title: analyzeTitle(track.title, track.version, track.album?.title),
    artists: trackArtists(track.artists),
    album: albumKey(track.album?.title),
    durationSeconds: track.durationSeconds,
    names: track.artists.map((a) => a.name).join(', ') || 'another artist',
    rank,
  };
}

interface Ranked<T> extends Scored {
  track: T;
  rank: number;
}

/** Every candidate with a plausible title, best first (ties: TIDAL's order). */
export function rankCandidates<T extends TrackCandidate>(
  line: ParsedLine,
  candidates: readonly T[],
): Ranked<T>[] {
  const order = rankings.get(rankingKey(line, candidates), () => scoreAll(line, candidates));
  return order.map((scored) => ({ ...scored, track: candidates[scored.rank]! }));
}

function scoreAll(line: ParsedLine, candidates: readonly TrackCandidate[]): RankedIndex[] {
  const views = lineViews(line);
  const ranked: RankedIndex[] = [];
  candidates.forEach((track, rank) => {
    const view = trackView(track, rank);
    let best: Scored | undefined;
    for (const lv of views) {
      const s = scoreTrack(lv, view);
      if (s && (!best || s.score > best.score)) best = s;
    }
    if (best) ranked.push({ ...best, rank });
  });
  return ranked.sort((a, b) => b.score - a.score || a.rank - b.rank);
}

/** A ranking by candidate position; the caller's own track objects are put back in. */
type RankedIndex = Scored & { rank: number };

/**
 * Rankings already worked out, by everything scoring reads (the line's readings, album and
 * duration; each candidate's title, version, album, duration and artists, in order). Scoring a
 * line against 20 candidates is most of a cached match_tracks call, and the same list comes back
 * when an import is previewed and then confirmed.
 */
const rankings = new Remembered<RankedIndex[]>(2_000);

/** Exact: JSON escapes every string, so two different inputs never share a key. */
function rankingKey(line: ParsedLine, candidates: readonly TrackCandidate[]): string {
  return JSON.stringify([
    line.readings,
    line.album,
    line.durationSeconds,
    candidates.map((c) => [
      c.title,
      c.version,
      c.album?.title,
      c.durationSeconds,
      c.artists.map((a) => a.name),
    ]),
  ]);
}

/** A title-only line whose name several artists recorded cannot be more than low. */
function ambiguity<T extends TrackCandidate>(
  pick: Ranked<T>,
  ranked: Ranked<T>[],
): string | undefined {
  if (pick.artistLevel !== 'absent') return undefined;
  const artists = new Set(
    ranked
      .filter((r) => (r.titleLevel === 'exact' || r.titleLevel === 'core') && r.versionWeight < 3)
      .map((r) => artistKey(r.track.artists[0]?.name ?? '')),
  );
  return artists.size > 1
    ? `${artists.size} artists have a song with this title; no artist given`
    : undefined;
}

/** "only a live version found" is only true when no better-versioned candidate exists. */
function explain<T extends TrackCandidate>(pick: Ranked<T>, ranked: Ranked<T>[]): string {
  const better = ranked.some(
    (r) =>
      r.versionWeight < pick.versionWeight &&
      r.titleLevel === pick.titleLevel &&
      r.artistLevel === pick.artistLevel,
  );
  const only = /^only an? (.+) version found$/.exec(pick.reason);
  return better && only
    ? `${only[1]} version, closer in duration or album than the original`
    : pick.reason;
}

function alternativesOf<T extends TrackCandidate>(
  pick: Ranked<T>,
  ranked: Ranked<T>[],
  max: number,
  ambiguous: string | undefined,
): Alternative<T>[] {
  const seen = new Set([pick.track.id, pick.track.isrc].filter(Boolean));
  const out: Alternative<T>[] = [];
  for (const r of ranked) {
    if (out.length >= max) break;
    if (seen.has(r.track.id) || (r.track.isrc && seen.has(r.track.isrc))) continue;
    if (!atLeast(r.confidence, 'low')) continue;
    seen.add(r.track.id);
    if (r.track.isrc) seen.add(r.track.isrc);
    // The reason a title-only line is ambiguous holds for every candidate.
    const capped =
      ambiguous !== undefined && r.artistLevel === 'absent' && atLeast(r.confidence, 'medium');
    out.push(
      capped
        ? { track: r.track, confidence: 'low', reason: ambiguous }
        : { track: r.track, confidence: r.confidence, reason: explain(r, ranked) },
    );
  }
  return out;
}

/** The best of `candidates` (search results, TIDAL's order) for one line. */
export function matchLine<T extends TrackCandidate>(
  line: ParsedLine,
  candidates: readonly T[],
  options: MatchLineOptions = {},
): LineMatch<T> {
  const ranked = rankCandidates(line, candidates);
  const max = options.alternatives ?? 2;
  // A title that only partly matches ("Hello" for "Hello Again") names another song: never the
  // answer, at most something to offer.
  const pick = ranked.find((r) => r.titleLevel !== 'partial');
  if (!pick) {
    const reason = candidates.length === 0 ? 'not found' : 'no track with this title found';
    const offers = ranked.slice(0, max).map((r) => ({
      track: r.track,
      confidence: r.confidence,
      reason: r.reason,
    }));
    return { line, confidence: 'none', reason, alternatives: offers, via: 'none' };
  }
  const ambiguous = ambiguity(pick, ranked);
  const confidence: Confidence = ambiguous ? 'low' : pick.confidence;
  const sure = confidence === 'high';
  return {
    line,
    confidence,
    reason: ambiguous ?? explain(pick, ranked),
    track: pick.track,
    alternatives: sure ? [] : alternativesOf(pick, ranked, max, ambiguous),
    via: 'search',
  };
}

/** A line whose ISRC TIDAL knows: exact. Among several releases, the one the line fits best. */
export function matchIsrc<T extends TrackCandidate>(
  line: ParsedLine,
  tracks: readonly T[],
): LineMatch<T> {
  const [best] = rankCandidates(line, tracks);
  const track = best?.track ?? tracks[0];
  const sameTitle =
    best === undefined && line.readings.length > 0 ? '; the title on the line differs' : '';
  return {
    line,
    confidence: 'exact',
    reason: `ISRC${sameTitle}`,
    track,
    alternatives: [],
    via: 'isrc',
  };
}
