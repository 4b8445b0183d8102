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

function join(parts: (string | false | undefined)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p !== '').join(' · ');
}

function titled(title: string, version: string | undefined): string {
  return version ? `${title} (${version})` : title;
}

export function trackLine(t: Track, options: { album?: boolean; number?: boolean } = {}): string {
  const number =
    options.number && t.trackNumber !== undefined
      ? `${t.volumeNumber && t.volumeNumber > 1 ? `${t.volumeNumber}-` : ''}${t.trackNumber}. `
      : '';
  return `${number}${join([
    `${titled(t.title, t.version)} — ${names(t.artists)}`,
    options.album !== false && t.album ? `album "${t.album.title}" (id ${t.album.id})` : undefined,
    duration(t.durationSeconds),
    t.explicit && 'explicit',
    t.isrc && `ISRC ${t.isrc}`,
    `id ${t.id}`,
  ])}`;
}

export function albumLine(a: Album): string {
  return join([
    `${titled(a.title, a.version)} — ${names(a.artists)}`,
    a.type !== 'ALBUM' ? a.type.toLowerCase() : undefined,
    a.releaseDate?.slice(0, 4),
    `${a.numberOfTracks} track${a.numberOfTracks === 1 ? '' : 's'}`,
    a.explicit && 'explicit',
    `id ${a.id}`,
  ]);
}

export function artistLine(a: Artist): string {
  return join([a.name, `id ${a.id}`]);
}

export function videoLine(v: Video): string {
  return join([
    `${v.title} — ${names(v.artists)}`,
    duration(v.durationSeconds),
    v.explicit && 'explicit',
    `id ${v.id}`,
  ]);
}

export function playlistLine(p: Playlist): string {
  return join([
    p.name,
    p.numberOfItems !== undefined
      ? `${p.numberOfItems} item${p.numberOfItems === 1 ? '' : 's'}`
      : undefined,
    p.type?.toLowerCase(),
    `id ${p.id}`,
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
