/**
 * Compact text renderings: one line per item, ids and URLs as follow-up handles, no empty
 * fields. This is what most clients put in the model's context, so every character counts.
 */
import type { Album, Artist, ArtistRef, Playlist, Track, Video } from '../../tidal/domain.js';

export function duration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

export function names(artists: readonly ArtistRef[]): string {
  return artists.length > 0 ? artists.map((a) => a.name).join(', ') : 'unknown artist';
}

/** Artists with their ids, the handle every artist-taking tool needs. */
export function credits(artists: readonly ArtistRef[]): string {
  return artists.length > 0
    ? artists.map((a) => `${a.name} (id ${a.id})`).join(', ')
    : 'unknown artist';
}

function join(parts: (string | false | undefined)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p !== '').join(' · ');
}

/** TIDAL album titles often already contain their version ("Let It Be (Super Deluxe)"). */
export function titled(title: string, version: string | undefined): string {
  if (!version || title.toLowerCase().includes(version.toLowerCase())) return title;
  return `${title} (${version})`;
}

/** Only Dolby Atmos: worth saying, so a model can prefer the stereo release. */
export function atmosOnly(mediaTags: readonly string[] | undefined): boolean {
  return (
    mediaTags !== undefined && mediaTags.length > 0 && mediaTags.every((t) => t === 'DOLBY_ATMOS')
  );
}

export interface TrackLineOptions {
  /** Show the album (default true; off inside an album's own tracklist). */
  album?: boolean;
  /** Prefix the track number (album tracklists). */
  number?: boolean;
  /** Show the ISRC (default true; off on lines already keyed by it). */
  isrc?: boolean;
  /** Artists already named above (an album's): credits are shown only when they differ. */
  context?: readonly ArtistRef[];
}

function sameArtists(a: readonly ArtistRef[], b: readonly ArtistRef[] | undefined): boolean {
  return b !== undefined && a.length === b.length && a.every((x, i) => x.id === b[i]?.id);
}

export function trackLine(t: Track, options: TrackLineOptions = {}): string {
  const video = t.type === 'video';
  const number =
    options.number && !video && t.trackNumber !== undefined
      ? `${t.volumeNumber && t.volumeNumber > 1 ? `${t.volumeNumber}-` : ''}${t.trackNumber}. `
      : '';
  const album = t.album;
  return `${number}${join([
    sameArtists(t.artists, options.context)
      ? titled(t.title, t.version)
      : `${titled(t.title, t.version)} — ${credits(t.artists)}`,
    video && 'video',
    options.album !== false &&
      album &&
      `album "${album.title}" (id ${album.id}${album.releaseDate ? `, ${album.releaseDate.slice(0, 4)}` : ''})`,
    duration(t.durationSeconds),
    t.bpm !== undefined && `${t.bpm} BPM`,
    t.key,
    t.explicit && 'explicit',
    atmosOnly(t.mediaTags) && 'Dolby Atmos only',
    options.isrc !== false && t.isrc && `ISRC ${t.isrc}`,
    `id ${t.id}`,
    t.url,
  ])}`;
}

export interface AlbumLineOptions {
  /** Artists already named above (an artist's own releases): credited only if different. */
  context?: readonly ArtistRef[];
  /** How many of its items TIDAL does not offer in that country (get_album knows). */
  notAvailable?: { count: number; country: string };
}

export function albumLine(a: Album, options: AlbumLineOptions = {}): string {
  const { notAvailable } = options;
  return join([
    sameArtists(a.artists, options.context)
      ? titled(a.title, a.version)
      : `${titled(a.title, a.version)} — ${credits(a.artists)}`,
    a.type !== 'ALBUM' && a.type.toLowerCase(),
    a.releaseDate?.slice(0, 4),
    `${a.numberOfTracks} track${a.numberOfTracks === 1 ? '' : 's'}${notAvailable ? `, ${notAvailable.count} not available in ${notAvailable.country}` : ''}`,
    a.explicit && 'explicit',
    atmosOnly(a.mediaTags) && 'Dolby Atmos only',
    `id ${a.id}`,
    a.url,
  ]);
}

export function artistLine(a: Artist): string {
  return join([a.name, `id ${a.id}`, a.url]);
}

export function videoLine(v: Video): string {
  return join([
    `${v.title} — ${credits(v.artists)}`,
    duration(v.durationSeconds),
    v.explicit && 'explicit',
    `id ${v.id}`,
    v.url,
  ]);
}

export function playlistLine(p: Playlist): string {
  return join([
    p.name,
    p.numberOfItems !== undefined && `${p.numberOfItems} item${p.numberOfItems === 1 ? '' : 's'}`,
    p.type?.toLowerCase(),
    `id ${p.id}`,
    p.url,
  ]);
}

export function moreLine(nextCursor: string | undefined): string | undefined {
  return nextCursor ? `more: cursor=${nextCursor}` : undefined;
}

export function lines(
  ...parts: (string | (string | undefined | false)[] | undefined | false)[]
): string {
  return parts
    .flat()
    .filter((p): p is string => typeof p === 'string' && p !== '')
    .join('\n');
}
