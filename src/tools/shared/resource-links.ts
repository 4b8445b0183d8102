/**
 * Tool results name the albums, artists and playlists they mention as `resource_link` content
 * (tidal://album/{id} ...), so clients can attach them to a conversation. Found by walking the
 * structured content breadth first, so a result's own subject (the album of get_album) comes
 * before the things it lists; a few are enough, every link is read by the model.
 */
import { parseTidalUrl } from './links.js';

export const MAX_LINKS = 8;
/** Links come from the start of a result; a long list is not walked to its end for them. */
const MAX_VISITS = 300;

export interface ResourceLink {
  type: 'resource_link';
  uri: string;
  name: string;
  mimeType: 'text/markdown';
}

type Kind = 'album' | 'artist' | 'playlist';

function link(kind: Kind, id: string, name: string): ResourceLink {
  return { type: 'resource_link', uri: `tidal://${kind}/${id}`, name, mimeType: 'text/markdown' };
}

/** The resource an object stands for, if it is an album, artist or playlist with a TIDAL link. */
function subject(value: Record<string, unknown>): ResourceLink | undefined {
  if (typeof value.url !== 'string') return undefined;
  const target = parseTidalUrl(value.url);
  const kind = target?.kind === 'mix' ? 'playlist' : target?.kind;
  if (!target || (kind !== 'album' && kind !== 'artist' && kind !== 'playlist')) return undefined;
  const name = value.title ?? value.name;
  return typeof name === 'string' ? link(kind, target.id, name) : undefined;
}

/** Artist references ({id, name}) listed under `artists`. */
function credited(value: Record<string, unknown>): ResourceLink[] {
  const artists = value.artists;
  if (!Array.isArray(artists)) return [];
  return artists.flatMap((a: unknown) => {
    const ref = a as { id?: unknown; name?: unknown } | null;
    return typeof ref?.id === 'string' && typeof ref.name === 'string'
      ? [link('artist', ref.id, ref.name)]
      : [];
  });
}

export function resourceLinks(structured: unknown): ResourceLink[] {
  const found = new Map<string, ResourceLink>();
  // A read index instead of shift(): a large answer queues thousands of values.
  const queue: unknown[] = [structured];
  const end = () => Math.min(queue.length, MAX_VISITS);
  for (let next = 0; next < end() && found.size < MAX_LINKS; next++) {
    const value = queue[next];
    if (Array.isArray(value)) {
      for (const item of value as unknown[]) if (typeof item === 'object') queue.push(item);
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    const record = value as Record<string, unknown>;
    for (const l of [subject(record), ...credited(record)]) {
      if (l && !found.has(l.uri) && found.size < MAX_LINKS) found.set(l.uri, l);
    }
    for (const child of Object.values(record)) if (typeof child === 'object') queue.push(child);
  }
  return [...found.values()];
}
