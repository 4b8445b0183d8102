/**
 * A title taken apart: the song's name, the version it describes, the artists it credits. Both a
 * pasted line and a TIDAL track go through this, so they are compared on the same terms:
 * "Crazy in Love (feat. JAY-Z)", "Crazy In Love" and "crazy in love - Remastered" share a name.
 */
import { artistKey, compact, simplify } from './normalize.js';
import { Remembered } from './remembered.js';
import { albumTags, type VersionTag, versionTags } from './versions.js';

/** Read-only: one analysis is shared by every comparison of the same title (see analyzeTitle). */
export interface TitleInfo {
  /** The name with subtitles, without version descriptors or credits (compact). */
  readonly core: string;
  /** The name without anything in brackets (compact): "Single Ladies". */
  readonly base: string;
  readonly baseWords: readonly string[];
  /** Non-version bracket text (compact): "putaringonit". */
  readonly subtitle: string;
  /** The names of a medley ("One Love / People Get Ready"), compact; empty for one name. */
  readonly medley: readonly string[];
  readonly tags: ReadonlySet<VersionTag>;
  /** The version descriptors, simplified ("live at wembley stadium"). */
  readonly versionText: string;
  /** Artists credited in the title ("feat. X", "(with X)"), as artist keys. */
  readonly featured: readonly string[];
}

const BRACKET_CREDIT = /[([]\s*(?:feat\.?|ft\.?|featuring|with)\s+([^)\]]*)[)\]]/gi;
const TRAILING_CREDIT = /\s+(?:feat\.?|ft\.?|featuring)\s+([^([]*)/i;
const BRACKET = /[([{]([^)\]}]*)[)\]}]/g;
const DASH = /\s+[-–—]+\s+/;

/** "A, B & C" -> artist keys of A, B and C. */
export function splitNames(names: string): string[] {
  return names
    .split(/\s*(?:,|&|\band\b|\bx\b|\bfeat\.?|\bft\.?|\bfeaturing\b|\bwith\b|;|\/)\s*/i)
    .map(artistKey)
    .filter((n) => n !== '');
}

function takeCredits(title: string): { rest: string; featured: string[] } {
  const featured: string[] = [];
  let rest = title.replace(BRACKET_CREDIT, (_, names: string) => {
    featured.push(...splitNames(names));
    return ' ';
  });
  const trailing = TRAILING_CREDIT.exec(rest);
  if (trailing) {
    featured.push(...splitNames(trailing[1] ?? ''));
    rest = rest.slice(0, trailing.index) + rest.slice(trailing.index + trailing[0].length);
  }
  return { rest, featured };
}

/** " - Remastered 2011" style suffixes, from the end, while they describe a version. */
function takeDashVersions(title: string, descriptors: string[]): string {
  let parts = title.split(DASH);
  while (parts.length > 1 && versionTags(parts.at(-1)!).size > 0) {
    descriptors.unshift(parts.at(-1)!);
    parts = parts.slice(0, -1);
  }
  return parts.join(' - ');
}

/** "The Unforgiven" and "Unforgiven" name one song; a title that is only "The" stays. */
function withoutThe(words: string): string {
  return words.replace(/^the (?=\S)/, '');
}

/** Analyses already made: the candidates of a list repeat (the same album, the same hits). */
const analyzed = new Remembered<TitleInfo>(5_000);

export function analyzeTitle(title: string, version?: string, album?: string): TitleInfo {
  const key = `${title}\u0000${version ?? ''}\u0000${album ?? ''}`;
  return analyzed.get(key, () => analyze(title, version, album));
}

function analyze(title: string, version?: string, album?: string): TitleInfo {
  const { rest, featured } = takeCredits(title);
  const descriptors: string[] = [];
  const named = takeDashVersions(rest, descriptors);
  const subtitles: string[] = [];
  const withoutVersions = named.replace(BRACKET, (whole, inner: string) => {
    if (versionTags(inner).size > 0) {
      descriptors.push(inner);
      return ' ';
    }
    subtitles.push(inner);
    return ` ${inner} `;
  });
  if (version) descriptors.push(version);
  const tags = new Set<VersionTag>();
  for (const d of descriptors) for (const tag of versionTags(d)) tags.add(tag);
  for (const tag of albumTags(album)) tags.add(tag);
  const base = withoutThe(simplify(named.replace(BRACKET, ' ')));
  const parts = named.replace(BRACKET, ' ').split(/\s+\/\s+/);
  return {
    core: withoutThe(simplify(withoutVersions)).replace(/ /g, ''),
    base: base.replace(/ /g, ''),
    baseWords: base === '' ? [] : base.split(' '),
    subtitle: compact(subtitles.join(' ')),
    medley: parts.length > 1 ? parts.map(compact) : [],
    tags,
    versionText: simplify(descriptors.join(' ')),
    featured,
  };
}

const BARE_VERSION =
  /\s+(live|acoustic|remix|instrumental|karaoke|sped up|slowed|demo|radio edit|remastered)(\s+version)?\s*$/i;

/**
 * The ways to read a line's title: as written, and, when it ends in a bare version word
 * ("Hotel California live"), as that song in that version. "Long Live" stays readable as itself.
 */
export function titleReadings(title: string, album?: string): TitleInfo[] {
  const plain = analyzeTitle(title, undefined, album);
  const bare = BARE_VERSION.exec(title);
  if (!bare || bare.index === 0) return [plain];
  const name = title.slice(0, bare.index);
  return [plain, analyzeTitle(name, bare[0].trim(), album)];
}
