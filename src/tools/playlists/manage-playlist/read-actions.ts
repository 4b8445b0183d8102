/** list and get: reads of the user's playlists. */
import { NotFoundError } from '../../../tidal/errors.js';
import type { Page } from '../../../tidal/domain.js';
import type { PlaylistEntry } from '../../../tidal/playlists/index.js';
import { decodeCursor, encodeCursor } from '../../shared/cursor.js';
import type { ManagePlaylistArgs } from './input.js';
import { requireScope, required, type ManagePlaylistResult, type PlaylistCall } from './shared.js';

export async function listPlaylists(
  call: PlaylistCall,
  args: ManagePlaylistArgs,
): Promise<ManagePlaylistResult> {
  requireScope(call, 'playlists.read');
  const cursor =
    args.cursor === undefined
      ? undefined
      : decodeCursor(args.cursor, 'playlists', 'manage_playlist list').c;
  const page = await call.ctx.deps.playlists.listMine(call.user, cursor);
  return {
    action: 'list',
    changed: false,
    message:
      page.items.length > 0
        ? `${page.items.length} of your playlists`
        : 'You have no playlists (on this page).',
    playlists: page.items,
    ...(page.nextCursor && { nextCursor: encodeCursor({ k: 'playlists', c: page.nextCursor }) }),
  };
}

function numbered(entries: readonly PlaylistEntry[], offset: number) {
  return entries.map((e, i) => ({
    position: offset + i + 1,
    type: e.type,
    id: e.id,
    ...(e.track && { track: e.track }),
  }));
}

export async function getPlaylist(
  call: PlaylistCall,
  args: ManagePlaylistArgs,
): Promise<ManagePlaylistResult> {
  const playlists = call.ctx.deps.playlists;
  if (args.cursor !== undefined) {
    const cursor = decodeCursor(args.cursor, 'playlist-items', 'manage_playlist get');
    if (args.playlistId !== undefined && args.playlistId !== cursor.id) {
      throw new NotFoundError(
        `the cursor belongs to playlist ${cursor.id}, not ${args.playlistId}`,
      );
    }
    const [offsetText, upstream] = splitCursor(cursor.c);
    const page: Page<PlaylistEntry> = await playlists.entriesPage(call.user, cursor.id, upstream);
    return {
      action: 'get',
      changed: false,
      message: `More entries of playlist ${cursor.id}`,
      entries: numbered(page.items, offsetText),
      ...(page.nextCursor && {
        nextCursor: encodeCursor({
          k: 'playlist-items',
          id: cursor.id,
          c: joinCursor(offsetText + page.items.length, page.nextCursor),
        }),
      }),
    };
  }
  const playlistId = required(
    args.playlistId,
    'playlistId',
    'get',
    'the id of the playlist to show',
  );
  const { playlist, entries } = await playlists.get(call.user, playlistId);
  return {
    action: 'get',
    changed: false,
    message: `Playlist "${playlist.name}"`,
    playlist,
    entries: numbered(entries.items, 0),
    ...(entries.nextCursor && {
      nextCursor: encodeCursor({
        k: 'playlist-items',
        id: playlistId,
        c: joinCursor(entries.items.length, entries.nextCursor),
      }),
    }),
  };
}

/** Entry positions continue across pages, so the cursor carries the count shown so far. */
function joinCursor(shown: number, upstream: string): string {
  return `${shown}:${upstream}`;
}

function splitCursor(value: string): [number, string] {
  const at = value.indexOf(':');
  const shown = Number(value.slice(0, at));
  return at > 0 && Number.isInteger(shown) ? [shown, value.slice(at + 1)] : [0, value];
}
