/**
 * Scoring one TIDAL track against one pasted line. The score only orders candidates; the
 * confidence comes from caps, each with the reason a person would give, so "high" always means
 * the same thing: the same song name, by the artist the line names, in the version it names (or
 * the original), and a duration that fits when one was given.
 *
 *   title   exact 50 · with/without subtitle 46 · a typo apart 36 (≤ medium) · partial 14 (≤ low)
 *   artist  leads the credits 30 · credited 24 · spelled differently 18 (≤ medium)
 *           · no artist on the line 0 (≤ medium) · another artist 0 (≤ low: a cover)
 *   version −4 × weight per tag asked for but missing or present but not asked for; the
 *           heaviest tag caps the confidence (weight ≥ 3: medium, ≥ 5: low)
 *   credits −8 per artist the line credits and the track does not (≤ medium), −2 per extra one
 *   length  +4 within 2 s … −10 beyond 20 s (≤ medium) … −16 beyond 60 s (≤ low): a line's
 *           duration outweighs the preference for the original (it names the release it came from)
 *   album   +3 same album (and its version counts as asked for), +1 one title inside the other
 *   order   −0.01 per place in TIDAL's results (popular first), −1 per less likely reading
 */
import {
  type ArtistLevel,
  compareArtists,
  compareTitles,
  creditGaps,
  gluedArtist,
  type LineArtist,
  type TitleLevel,
  type TrackArtists,
} from './compare.js';
import { compact, simplify } from './normalize.js';
import type { TitleInfo } from './titles.js';
import { TAG_LABEL, TAG_WEIGHT, type VersionTag } from './versions.js';

export const CONFIDENCES = ['none', 'low', 'medium', 'high', 'exact'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export function atLeast(confidence: Confidence, minimum: Confidence): boolean {
  return CONFIDENCES.indexOf(confidence) >= CONFIDENCES.indexOf(minimum);
}

/** A line reading prepared for scoring. */
export interface LineView {
  artist: LineArtist | undefined;
  title: TitleInfo;
  /** 0 for the likeliest reading of the line. */
  reading: number;
  album?: string;
  durationSeconds?: number;
}

/** A TIDAL track prepared for scoring. */
export interface TrackView {
  title: TitleInfo;
  artists: TrackArtists;
  album?: string;
  durationSeconds?: number;
  names: string;
  /** Place in TIDAL's results. */
  rank: number;
}

export interface Scored {
  score: number;
  confidence: Confidence;
  reason: string;
  titleLevel: TitleLevel;
  artistLevel: ArtistLevel;
  /** Sum of the version weights against this track (0: the version the line asked for). */
  versionWeight: number;
}

interface Cap {
  level: Confidence;
  reason: string;
}

const TITLE_POINTS: Record<TitleLevel, number> = {
  exact: 50,
  core: 46,
  fuzzy: 36,
  partial: 14,
  none: 0,
};
const ARTIST_POINTS: Record<ArtistLevel, number> = {
  main: 30,
  credited: 24,
  similar: 18,
  absent: 0,
  none: 0,
};

function titleAndArtistCaps(t: TitleLevel, a: ArtistLevel, track: TrackView): Cap[] {
  const caps: Cap[] = [];
  if (t === 'fuzzy') caps.push({ level: 'medium', reason: 'title spelled differently' });
  if (t === 'partial') caps.push({ level: 'low', reason: 'only a partly matching title found' });
  if (a === 'similar') caps.push({ level: 'medium', reason: 'artist spelled differently' });
  if (a === 'absent') caps.push({ level: 'medium', reason: 'title matches; no artist given' });
  if (a === 'none') caps.push({ level: 'low', reason: `only a version by ${track.names} found` });
  return caps;
}

function versionCaps(
  asked: ReadonlySet<VersionTag>,
  got: ReadonlySet<VersionTag>,
): { caps: Cap[]; weight: number } {
  const caps: Cap[] = [];
  let weight = 0;
  const level = (w: number): Confidence => (w >= 5 ? 'low' : w >= 3 ? 'medium' : 'high');
  for (const tag of asked) {
    if (got.has(tag) || tag === 'soundtrack') continue;
    weight += TAG_WEIGHT[tag];
    caps.push({ level: level(TAG_WEIGHT[tag]), reason: `no ${TAG_LABEL[tag]} version found` });
  }
  for (const tag of got) {
    if (asked.has(tag) || tag === 'soundtrack') continue;
    weight += TAG_WEIGHT[tag];
    caps.push({ level: level(TAG_WEIGHT[tag]), reason: `only a ${TAG_LABEL[tag]} version found` });
  }
  return { caps, weight };
}

function durationPoints(line: LineView, track: TrackView): { points: number; cap?: Cap } {
  if (line.durationSeconds === undefined || !track.durationSeconds) return { points: 0 };
  const off = Math.abs(line.durationSeconds - track.durationSeconds);
  const reason = `duration off by ${off} s`;
  if (off <= 2) return { points: 4 };
  if (off <= 5) return { points: 3 };
  if (off <= 10) return { points: 1 };
  if (off <= 20) return { points: 0 };
  if (off <= 60) return { points: -10, cap: { level: 'medium', reason } };
  return { points: -16, cap: { level: 'low', reason } };
}

function albumPoints(line: LineView, track: TrackView): number {
  if (!line.album || !track.album) return 0;
  if (line.album === track.album) return 3;
  return line.album.includes(track.album) || track.album.includes(line.album) ? 1 : 0;
}

/** Words two version descriptors share ("live at wembley"), to choose among live versions. */
function versionTextPoints(line: TitleInfo, track: TitleInfo): number {
  if (line.versionText === '') return 0;
  const mine = new Set(line.versionText.split(' ').filter((w) => w.length >= 3));
  const shared = track.versionText.split(' ').filter((w) => mine.delete(w));
  return Math.min(4, shared.length);
}

function highReason(line: LineView, track: TrackView, got: ReadonlySet<VersionTag>): string {
  const notes = ['title and artist match'];
  if (got.has('remaster') && !line.title.tags.has('remaster')) notes.push('remastered release');
  if (line.album && line.album === track.album) notes.push('album matches');
  if (line.durationSeconds !== undefined && track.durationSeconds) {
    const off = Math.abs(line.durationSeconds - track.durationSeconds);
    notes.push(off <= 2 ? 'duration matches' : `duration within ${off} s`);
  }
  return notes.join('; ');
}

export function scoreTrack(line: LineView, track: TrackView): Scored | undefined {
  const glued = line.artist === undefined && gluedArtist(line.title, track.title, track.artists);
  const titleLevel = glued ? 'exact' : compareTitles(line.title, track.title);
  const artistLevel = glued ? 'main' : compareArtists(line.artist, track.artists);
  // A partly matching title by somebody else is another song, not a weak match.
  if (titleLevel === 'none') return undefined;
  if (titleLevel === 'partial' && (artistLevel === 'none' || artistLevel === 'absent'))
    return undefined;
  // A line naming the very album ("At Folsom Prison") asks for the version on it.
  const sameAlbum = line.album !== undefined && line.album === track.album;
  const asked = sameAlbum ? new Set([...line.title.tags, ...track.title.tags]) : line.title.tags;
  const version = versionCaps(asked, track.title.tags);
  const duration = durationPoints(line, track);
  const gaps = creditGaps(line.artist, line.title.featured, track.artists, track.title.featured);
  // Version reasons first: "only a karaoke version found" says more than "by Sing King".
  const caps = [
    ...version.caps,
    ...titleAndArtistCaps(titleLevel, artistLevel, track),
    ...(glued ? [{ level: 'medium' as const, reason: 'artist and title not separated' }] : []),
    ...(duration.cap ? [duration.cap] : []),
    ...(gaps.missing > 0
      ? [{ level: 'medium' as const, reason: 'an artist the line credits is not credited' }]
      : []),
  ];
  const score =
    TITLE_POINTS[titleLevel] +
    ARTIST_POINTS[artistLevel] -
    4 * version.weight +
    versionTextPoints(line.title, track.title) -
    8 * gaps.missing -
    2 * gaps.extra +
    duration.points +
    albumPoints(line, track) -
    0.01 * track.rank -
    line.reading;
  const worst = caps.reduce<Cap | undefined>(
    (w, c) =>
      w === undefined || CONFIDENCES.indexOf(c.level) < CONFIDENCES.indexOf(w.level) ? c : w,
    undefined,
  );
  const confidence = worst && worst.level !== 'high' ? worst.level : 'high';
  const reason = confidence === 'high' ? highReason(line, track, track.title.tags) : worst!.reason;
  return { score, confidence, reason, titleLevel, artistLevel, versionWeight: version.weight };
}

/** Album titles compare without their edition words' punctuation. */
export function albumKey(title: string | undefined): string | undefined {
  if (title === undefined) return undefined;
  const key = compact(title.replace(/[([{][^)\]}]*[)\]}]/g, ' '));
  return key === '' ? simplify(title).replace(/ /g, '') : key;
}
