/**
 * Which version of a song a title names: live, remix, karaoke, a remaster… Read from the parts of
 * a title that describe a version (brackets, a " - " suffix, TIDAL's `version` field, telling
 * album titles), never from the song's own name: "Live Forever" is a studio song, "Hotel
 * California (Live on MTV, 1994)" is not.
 *
 * Each tag has a weight: how far that version is from the song a person means when the line does
 * not name a version. Remasters and edits are the same recording (weight 1: prefer the original,
 * still a confident match); live, acoustic, remix, demo and re-recordings are the song but another
 * recording (3: at most medium); karaoke, instrumental and sped-up are not what anyone asked for
 * (5: at most low).
 */
import { simplify } from './normalize.js';

export const VERSION_TAGS = [
  'live',
  'remix',
  'karaoke',
  'instrumental',
  'acoustic',
  'speed',
  'remaster',
  'edit',
  'demo',
  'rerecording',
  'cover',
  'alternate',
  'soundtrack',
] as const;
export type VersionTag = (typeof VERSION_TAGS)[number];

export const TAG_WEIGHT: Record<VersionTag, number> = {
  soundtrack: 0,
  remaster: 1,
  edit: 1,
  live: 3,
  acoustic: 3,
  remix: 3,
  demo: 3,
  rerecording: 3,
  alternate: 3,
  cover: 4,
  karaoke: 5,
  instrumental: 5,
  speed: 5,
};

/** How a reason names a version: "only a live version found". */
export const TAG_LABEL: Record<VersionTag, string> = {
  soundtrack: 'soundtrack',
  remaster: 'remastered',
  edit: 'edited',
  live: 'live',
  acoustic: 'acoustic',
  remix: 'remix',
  demo: 'demo',
  rerecording: 're-recorded',
  alternate: 'alternate',
  cover: 'cover',
  karaoke: 'karaoke',
  instrumental: 'instrumental',
  speed: 'sped-up or slowed',
};

/** Descriptors that mean "the original": no tag at all. */
const NEUTRAL = /\b(original|album) (mix|version)\b|\bbonus track\b|\boriginal\b/g;

const PATTERNS: [VersionTag, RegExp][] = [
  ['karaoke', /\bkaraoke\b|\boriginally performed by\b|\bin the style of\b|\bmade famous by\b/],
  ['instrumental', /\binstrumentals?\b|\bbacking track\b|\bminus one\b/],
  ['speed', /\bsped up\b|\bspeed up\b|\bnightcore\b|\bslowed\b|\breverb\b|\b8d\b|\bdaycore\b/],
  ['live', /\blive\b|\bin concert\b|\bunplugged\b|\bbbc sessions?\b/],
  ['acoustic', /\bacoustic\b|\bunplugged\b|\bstripped\b|\bpiano version\b/],
  ['rerecording', /\btaylors version\b|\bre ?recorded\b|\bre ?recording\b/],
  ['demo', /\bdemo\b|\brough mix\b|\bouttake\b|\balternate take\b|\btake \d+\b|\bwork tape\b/],
  ['edit', /\bradio (edit|version|mix)\b|\bsingle (version|mix|edit)\b|\bedit\b|\bclean\b/],
  ['remaster', /\bre ?master(ed)?\b|\bremastering\b|\bmono\b|\bstereo\b|\b\d{4} mix\b/],
  ['remix', /\bre ?mix(ed)?\b|\brmx\b|\brework\b|\bbootleg\b|\bvip\b|\bdub\b|\bmix\b/],
  ['cover', /\bcover\b|\btribute\b/],
  ['soundtrack', /\bfrom\b|\bsoundtrack\b|\btheme\b|\bost\b|\bmotion picture\b/],
];

/** Mix words that are remasters or edits, not remixes. */
const NOT_REMIX = /\b(\d{4}|mono|stereo|radio|single|rough) mix\b/;

/** The version tags a descriptor names ("Remastered 2011", "Live at Wembley"). */
export function versionTags(descriptor: string): Set<VersionTag> {
  const text = simplify(descriptor).replace(NEUTRAL, ' ');
  const tags = new Set<VersionTag>();
  for (const [tag, pattern] of PATTERNS) {
    if (tag === 'remix' && NOT_REMIX.test(text) && !/\bremix/.test(text)) continue;
    if (pattern.test(text)) tags.add(tag);
  }
  if (tags.size === 0 && /\b(version|take|session|mixed)\b/.test(text)) tags.add('alternate');
  return tags;
}

/** Album titles that make every track on them a version ("Live at Wembley", "MTV Unplugged"). */
const ALBUM_PATTERN =
  /\blive (at|from|in|on)\b|\bunplugged\b|\bin concert\b|\bkaraoke\b|\binstrumentals\b|\bremixe[sd]\b|\bsped up\b/;

export function albumTags(albumTitle: string | undefined): Set<VersionTag> {
  if (albumTitle === undefined) return new Set();
  const text = simplify(albumTitle);
  if (!ALBUM_PATTERN.test(text)) return new Set();
  const tags = versionTags(text);
  tags.delete('soundtrack');
  tags.delete('alternate');
  return tags;
}

/** The heaviest weight among tags. */
export function heaviest(tags: Iterable<VersionTag>): number {
  let max = 0;
  for (const tag of tags) max = Math.max(max, TAG_WEIGHT[tag]);
  return max;
}
