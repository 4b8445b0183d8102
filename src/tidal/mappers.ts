/** JSON:API resources -> domain objects. Unknown or missing attributes degrade, never throw. */
import type { Album, AlbumRef, Artist, ArtistRef, Playlist, Track, Video } from './domain.js';
import { attr, type Included, relationshipIds, type Resource } from './jsonapi.js';

/**
 * ISO 8601 duration to whole seconds. Lenient: TIDAL's own examples include "P30M5S" (no T),
 * which is read as minutes and seconds.
 */
export function durationSeconds(value: unknown): number {
  if (typeof value !== 'string') return 0;
  const match =
    /^P(?:(\d+(?:\.\d+)?)D)?(?:T?(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(
      value.trim(),
    );
  if (!match) return 0;
  const [, d, h, m, s] = match.map((part) => (part === undefined ? 0 : Number(part)));
  return Math.round((d ?? 0) * 86400 + (h ?? 0) * 3600 + (m ?? 0) * 60 + (s ?? 0));
}

const SINGULAR: Record<string, string> = {
  tracks: 'track',
  albums: 'album',
  artists: 'artist',
  videos: 'video',
  playlists: 'playlist',
};

/** TIDAL's share link when it gave one, else the public browse URL for the resource. */
export function shareUrl(resource: Resource): string {
  const links = attr<{ href?: string; meta?: { type?: string } }[]>(resource, 'externalLinks');
  const sharing = links?.find((link) => link.meta?.type === 'TIDAL_SHARING' && link.href);
  if (sharing?.href) return sharing.href;
  const kind = SINGULAR[resource.type] ?? resource.type;
  return `https://tidal.com/browse/${kind}/${encodeURIComponent(resource.id)}`;
}

/** The artwork file closest to 640 px wide (big enough to look at, small enough to load). */
export function artworkUrl(
  resource: Resource,
  relationship: string,
  included: Included,
): string | undefined {
  const [ref] = relationshipIds(resource, relationship);
  if (!ref) return undefined;
  const artwork = included.get(ref.type, ref.id);
  const files = artwork
    ? attr<{ href?: string; meta?: { width?: number } }[]>(artwork, 'files')
    : undefined;
  let best: { href: string; score: number } | undefined;
  for (const file of files ?? []) {
    if (!file.href) continue;
    const score = Math.abs((file.meta?.width ?? 640) - 640);
    if (!best || score < best.score) best = { href: file.href, score };
  }
  return best?.href;
}

function text(resource: Resource, name: string): string | undefined {
  const value = attr<unknown>(resource, name);
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function artistRefs(resource: Resource, included: Included): ArtistRef[] {
  return included
    .resolve(relationshipIds(resource, 'artists'))
    .map((artist) => ({ id: artist.id, name: text(artist, 'name') ?? 'Unknown artist' }));
}

function albumRef(resource: Resource, included: Included): AlbumRef | undefined {
  const [album] = included.resolve(relationshipIds(resource, 'albums'));
  if (!album) return undefined;
  return omitUndefined({
    id: album.id,
    title: text(album, 'title') ?? 'Unknown album',
    releaseDate: text(album, 'releaseDate'),
  });
}

const KEY_NAMES: Record<string, string> = { CSharp: 'C#', FSharp: 'F#' };

/** "A minor", "F# dorian", "C" (scale unknown); undefined when TIDAL does not know the key. */
export function musicalKey(key: unknown, scale: unknown): string | undefined {
  if (typeof key !== 'string' || key === '' || key === 'UNKNOWN') return undefined;
  const name = KEY_NAMES[key] ?? key;
  if (typeof scale !== 'string' || scale === '' || scale === 'UNKNOWN') return name;
  return `${name} ${scale.toLowerCase().replace(/_/g, ' ')}`;
}

function score(resource: Resource): number | undefined {
  const value = attr<unknown>(resource, 'popularity');
  return typeof value === 'number' ? Math.round(value * 100) / 100 : undefined;
}

function tags(resource: Resource): string[] | undefined {
  const value = attr<unknown>(resource, 'mediaTags');
  return Array.isArray(value) && value.length > 0
    ? value.filter((t): t is string => typeof t === 'string')
    : undefined;
}

function omitUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}

/** A track, or a video where an album or playlist lists one among its tracks. */
export function toTrack(
  resource: Resource,
  included: Included,
  meta?: Record<string, unknown>,
): Track {
  const bpm = attr<unknown>(resource, 'bpm');
  return omitUndefined({
    id: resource.id,
    type: resource.type === 'videos' ? ('video' as const) : undefined,
    title: text(resource, 'title') ?? 'Untitled',
    version: text(resource, 'version'),
    artists: artistRefs(resource, included),
    album: albumRef(resource, included),
    durationSeconds: durationSeconds(attr(resource, 'duration')),
    explicit: attr<boolean>(resource, 'explicit') === true,
    isrc: text(resource, 'isrc'),
    url: shareUrl(resource),
    trackNumber: typeof meta?.trackNumber === 'number' ? meta.trackNumber : undefined,
    volumeNumber: typeof meta?.volumeNumber === 'number' ? meta.volumeNumber : undefined,
    bpm: typeof bpm === 'number' && bpm > 0 ? Math.round(bpm) : undefined,
    key: musicalKey(attr(resource, 'key'), attr(resource, 'keyScale')),
    popularity: score(resource),
    mediaTags: tags(resource),
  });
}

export function toAlbum(resource: Resource, included: Included): Album {
  const copyright = attr<{ text?: string }>(resource, 'copyright');
  return omitUndefined({
    id: resource.id,
    title: text(resource, 'title') ?? 'Untitled',
    version: text(resource, 'version'),
    type: text(resource, 'albumType') ?? text(resource, 'type') ?? 'ALBUM',
    artists: artistRefs(resource, included),
    releaseDate: text(resource, 'releaseDate'),
    numberOfTracks: attr<number>(resource, 'numberOfItems') ?? 0,
    numberOfVolumes: attr<number>(resource, 'numberOfVolumes') ?? 1,
    durationSeconds: durationSeconds(attr(resource, 'duration')),
    explicit: attr<boolean>(resource, 'explicit') === true,
    barcode: text(resource, 'barcodeId') ?? '',
    url: shareUrl(resource),
    coverUrl: artworkUrl(resource, 'coverArt', included),
    copyright:
      typeof copyright?.text === 'string' && copyright.text !== '' ? copyright.text : undefined,
    popularity: score(resource),
    mediaTags: tags(resource) ?? [],
  });
}

export function toArtist(resource: Resource, included: Included): Artist {
  return omitUndefined({
    id: resource.id,
    name: text(resource, 'name') ?? 'Unknown artist',
    url: shareUrl(resource),
    pictureUrl: artworkUrl(resource, 'profileArt', included),
    popularity: score(resource),
  });
}

export function toVideo(resource: Resource, included: Included): Video {
  return omitUndefined({
    id: resource.id,
    title: text(resource, 'title') ?? 'Untitled',
    artists: artistRefs(resource, included),
    durationSeconds: durationSeconds(attr(resource, 'duration')),
    explicit: attr<boolean>(resource, 'explicit') === true,
    releaseDate: text(resource, 'releaseDate'),
    url: shareUrl(resource),
  });
}

export function toPlaylist(resource: Resource): Playlist {
  const items = attr<number>(resource, 'numberOfItems');
  const duration = attr(resource, 'duration');
  return omitUndefined({
    id: resource.id,
    name: text(resource, 'name') ?? 'Untitled playlist',
    description: text(resource, 'description'),
    type: text(resource, 'playlistType'),
    accessType: text(resource, 'accessType'),
    numberOfItems: typeof items === 'number' ? items : undefined,
    durationSeconds: duration === undefined ? undefined : durationSeconds(duration),
    lastModifiedAt: text(resource, 'lastModifiedAt'),
    url: shareUrl(resource),
  });
}
