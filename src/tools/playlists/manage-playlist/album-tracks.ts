/**
 * albumIds for add_tracks and create: each album's tracks in album order, in as few requests as
 * TIDAL allows. One album comes from the album request get_album also makes (so it is shared
 * through the cache); several come from one `GET /albums?filter[id]=…`, which carries the first
 * page of every album's items; only longer albums need further pages, by cursor. Videos on an
 * album are not tracks: they are left out and counted in the message.
 */
import type { AlbumWithTracks } from '../../../tidal/catalog/albums.js';
import type { Track } from '../../../tidal/domain.js';
import { NotFoundError } from '../../../tidal/errors.js';
import type { CallContext } from '../../../tidal/reader.js';
import { InputError } from '../../shared/errors.js';
import { titled } from '../../shared/format.js';
import type { Candidate } from './add-pipeline.js';
import type { PlaylistCall } from './shared.js';

export interface AlbumTracks {
  candidates: Candidate[];
  /** What was left out and why (videos, items not available in the country). */
  notes: string[];
}

async function firstPages(
  call: PlaylistCall,
  ids: readonly string[],
  ctx: CallContext,
): Promise<Map<string, AlbumWithTracks>> {
  const albums = call.ctx.deps.catalog.albums;
  if (ids.length > 1) return albums.many(ids, ctx);
  const only = ids[0] as string;
  try {
    return new Map([[only, await albums.get(only, ctx)]]);
  } catch (error) {
    if (error instanceof NotFoundError) return new Map();
    throw error;
  }
}

/** Every item of one album, from its first page on. */
async function allItems(
  call: PlaylistCall,
  albumId: string,
  first: AlbumWithTracks,
  ctx: CallContext,
): Promise<Track[]> {
  const items = [...first.tracks.items];
  let cursor = first.tracks.nextCursor;
  while (cursor !== undefined) {
    const page = await call.ctx.deps.catalog.albums.itemsPage(albumId, cursor, ctx);
    items.push(...page.items);
    cursor = page.nextCursor;
  }
  return items;
}

function albumNotes(found: AlbumWithTracks, items: readonly Track[]): string[] {
  const name = `album "${found.album.title}"`;
  const videos = items.filter((t) => t.type === 'video').length;
  const missing = found.album.numberOfTracks - items.length;
  return [
    videos > 0
      ? `${videos} video${videos === 1 ? '' : 's'} on ${name} left out (only tracks are added)`
      : undefined,
    missing > 0
      ? `${missing} item${missing === 1 ? '' : 's'} of ${name} not available in your country`
      : undefined,
  ].filter((n): n is string => n !== undefined);
}

/**
 * The albums' tracks, albums in the order given. `room` is how many tracks the call may still
 * add: albums that hold more are refused before their later pages are read.
 */
export async function albumCandidates(
  call: PlaylistCall,
  albumIds: readonly string[],
  room: number,
): Promise<AlbumTracks> {
  const ctx = { country: call.user.country, signal: call.ctx.signal };
  const unique = [...new Set(albumIds)];
  const found = await firstPages(call, unique, ctx);
  const missing = albumIds.findIndex((id) => !found.has(id));
  if (missing >= 0) {
    throw new InputError(
      `albumIds[${missing}]`,
      `album ${albumIds[missing]} was not found on TIDAL in ${call.user.country}; check the id (search_catalog or get_artist give album ids)`,
    );
  }
  const size = albumIds.reduce((n, id) => n + (found.get(id)?.album.numberOfTracks ?? 0), 0);
  if (size > room) {
    throw new InputError(
      'albumIds',
      `these albums hold ${size} items, more than the ${room} tracks this call may add; split them over several calls`,
    );
  }
  const items = new Map(
    await Promise.all(
      unique.map(
        async (id) =>
          [id, await allItems(call, id, found.get(id) as AlbumWithTracks, ctx)] as const,
      ),
    ),
  );
  const candidates: Candidate[] = [];
  for (const id of albumIds) {
    for (const t of items.get(id) ?? []) {
      if (t.type === 'video') continue;
      candidates.push({
        trackId: t.id,
        result: { trackId: t.id, title: titled(t.title, t.version), status: 'added' },
      });
    }
  }
  const notes = unique.flatMap((id) =>
    albumNotes(found.get(id) as AlbumWithTracks, items.get(id) ?? []),
  );
  return { candidates, notes };
}
