import * as z from 'zod/v4';

import type { UserAccess } from '../../auth/user-session.js';
import { NotFoundError } from '../../tidal/errors.js';
import type { PlaylistDetails } from '../../tidal/library/index.js';
import { type Position, START } from '../../tidal/paging.js';
import type { PlaylistEntry } from '../../tidal/playlists/entries.js';
import type { CallContext } from '../../tidal/reader.js';
import { cursorCountry, decodeCursor, encodeCursor } from '../shared/cursor.js';
import { defineTool, READS_TIDAL, type ToolContext } from '../shared/define-tool.js';
import { InputError } from '../shared/errors.js';
import { duration, lines, moreLine, playlistLine, trackLine } from '../shared/format.js';
import { PlaylistOutput, TrackOutput } from '../shared/outputs.js';
import { ParamCountry, ParamCursor } from '../shared/params.js';
import { type ItemSize, takeFitting } from './fit.js';
import {
  DEFAULT_PAGE_LIMIT,
  ParamPageLimit,
  ParamPlaylistId,
  ParamPlaylistUrl,
  playlistIdFromUrl,
} from './params.js';
import { optionalUser } from './user.js';

const inputSchema = z.strictObject({
  playlistId: ParamPlaylistId.optional(),
  url: ParamPlaylistUrl.optional(),
  limit: ParamPageLimit.optional(),
  cursor: ParamCursor.optional().describe(
    'nextCursor of an earlier get_playlist call: the next items.',
  ),
  country: ParamCountry.optional().describe(
    "Two-letter country code (ISO 3166-1 alpha-2) for availability; defaults to your account's country when logged in, else the server setting.",
  ),
});

const OWNERS = ['you', 'another user', 'TIDAL', 'unknown'] as const;

const outputSchema = z.object({
  country: z.string(),
  /** Whose token read it: the user's login, or the app's (public view) when not logged in. */
  readWith: z.enum(['your login', 'app token']),
  playlist: PlaylistOutput.extend({
    owner: z.enum(OWNERS),
    ownerIds: z.array(z.string()).optional(),
    editable: z
      .boolean()
      .describe('True when manage_playlist can change it: your own, and not a mix.'),
  }).optional(),
  items: z.array(
    z.object({
      position: z.number(),
      type: z.enum(['tracks', 'videos']),
      id: z.string(),
      itemId: z.string().optional(),
      track: TrackOutput.optional(),
    }),
  ),
  nextCursor: z.string().optional().describe('Pass as `cursor` for the next items.'),
});

type Output = z.infer<typeof outputSchema>;
type Summary = NonNullable<Output['playlist']>;

/**
 * Who owns it, from the owners relationship; when TIDAL withholds that for a user playlist, a
 * logged-in user's own playlists are listed to find out (as manage_playlist does).
 */
async function owner(
  ctx: ToolContext,
  details: PlaylistDetails,
  access: UserAccess | undefined,
): Promise<Summary['owner']> {
  if (access && details.ownerIds.includes(access.userId)) return 'you';
  if (details.ownerIds.length > 0) return 'another user';
  if (details.playlist.type === 'EDITORIAL') return 'TIDAL';
  if (!access || !access.scopes.includes('playlists.read')) return 'unknown';
  const user = { auth: access.tokens, country: access.country, signal: ctx.signal };
  const mine = await ctx.deps.playlists.isMine(user, details.playlist.id);
  return mine ? 'you' : 'unknown';
}

async function summary(
  ctx: ToolContext,
  details: PlaylistDetails,
  access: UserAccess | undefined,
): Promise<Summary> {
  const who = await owner(ctx, details, access);
  const type = details.playlist.type;
  return {
    ...details.playlist,
    owner: who,
    ...(details.ownerIds.length > 0 && { ownerIds: details.ownerIds }),
    // TIDAL lets owners change USER playlists only; mixes belong to the user but are read-only.
    editable: who === 'you' && (type === undefined || type === 'USER'),
  };
}

function editLine(p: Summary): string {
  if (p.editable) return 'Yours: manage_playlist can change it.';
  if (p.owner === 'you')
    return `Yours, but a ${p.type?.toLowerCase() ?? 'special'} playlist: TIDAL does not let anyone change it.`;
  if (p.owner === 'TIDAL') return 'Editorial (by TIDAL): read-only.';
  if (p.owner === 'another user') return 'Owned by another TIDAL user: read-only for you.';
  return 'Read-only for you.';
}

function render(o: Output): string {
  const p = o.playlist;
  return lines(
    p &&
      `Playlist: ${playlistLine(p)}${p.accessType ? ` · ${p.accessType.toLowerCase()}` : ''}${p.durationSeconds ? ` · ${duration(p.durationSeconds)}` : ''}`,
    p?.description && `Description: ${p.description}`,
    p && editLine(p),
    o.readWith === 'app token' && p && '(Read without a login: only what is public is visible.)',
    o.items.length === 0 && p ? 'No items (available in this country).' : undefined,
    o.items.map(
      (e) =>
        `${e.position}. ${e.track ? trackLine(e.track) : `${e.type === 'videos' ? 'video' : 'track'} ${e.id} (not available in ${o.country})`}`,
    ),
    moreLine(o.nextCursor),
  );
}

function numbered(entries: readonly PlaylistEntry[], before: number): Output['items'] {
  return entries.map((e, i) => ({
    position: before + i + 1,
    type: e.type,
    id: e.id,
    ...(e.itemId !== '' && { itemId: e.itemId }),
    ...(e.track && { track: e.track }),
  }));
}

function target(input: z.infer<typeof inputSchema>): string | undefined {
  if (input.playlistId !== undefined && input.url !== undefined) {
    throw new InputError('url', 'give either playlistId or url, not both');
  }
  return input.url !== undefined ? playlistIdFromUrl(input.url) : input.playlistId;
}

/** An entry's share of the result: its structured form and its line (see fit.ts). */
function entrySize(e: PlaylistEntry): ItemSize {
  return {
    json: JSON.stringify(e).length + 40,
    text: (e.track ? trackLine(e.track).length : 60) + 6,
  };
}

async function page(
  ctx: ToolContext,
  playlistId: string,
  start: Position & { shown: number },
  limit: number,
  call: CallContext,
  first?: PlaylistDetails,
) {
  const taken = await takeFitting(
    start,
    limit,
    (c) =>
      c === undefined && first
        ? Promise.resolve(first.entries)
        : ctx.deps.library.playlists.entriesPage(playlistId, c, call),
    entrySize,
  );
  const shown = start.shown + taken.items.length;
  return {
    items: numbered(taken.items, start.shown),
    ...(taken.next && {
      nextCursor: encodeCursor({
        k: 'playlist-items',
        id: playlistId,
        c: taken.next.cursor,
        o: taken.next.offset,
        n: shown,
        cc: call.country,
      }),
    }),
  };
}

/** Whose token reads the playlist: the user's when logged in, else the app's (public view). */
function reading(ctx: ToolContext, access: UserAccess | undefined, country: string) {
  const call: CallContext = {
    country,
    signal: ctx.signal,
    ...(access && { auth: access.tokens }),
  };
  return { call, readWith: access ? ('your login' as const) : ('app token' as const) };
}

async function first(
  ctx: ToolContext,
  access: UserAccess | undefined,
  playlistId: string | undefined,
  country: string | undefined,
  limit: number,
): Promise<Output> {
  if (playlistId === undefined) throw new InputError('playlistId', 'give playlistId or url');
  const { call, readWith } = reading(ctx, access, ctx.country(country));
  const details = await ctx.deps.library.playlists.get(playlistId, call).catch((error: unknown) => {
    // Without a login TIDAL shows public playlists only; a private one looks like a missing one.
    if (error instanceof NotFoundError && !access) {
      throw new NotFoundError(
        `${error.message}. If it is your own private playlist, log in (account tool, action "login") to read it`,
      );
    }
    throw error;
  });
  const rest = await page(ctx, playlistId, { ...START, shown: 0 }, limit, call, details);
  return {
    country: call.country,
    readWith,
    playlist: await summary(ctx, details, access),
    ...rest,
  };
}

async function more(
  ctx: ToolContext,
  access: UserAccess | undefined,
  value: string,
  playlistId: string | undefined,
  country: string | undefined,
  limit: number,
): Promise<Output> {
  const cursor = decodeCursor(value, 'playlist-items', 'get_playlist');
  if (playlistId !== undefined && playlistId !== cursor.id) {
    throw new InputError(
      'cursor',
      `belongs to playlist ${cursor.id}, not ${playlistId}: omit cursor to start over`,
    );
  }
  const { call, readWith } = reading(ctx, access, cursorCountry(cursor, country));
  const start = { cursor: cursor.c, offset: cursor.o, shown: cursor.n };
  return { country: call.country, readWith, ...(await page(ctx, cursor.id, start, limit, call)) };
}

export default defineTool({
  name: 'get_playlist',
  title: 'Read a TIDAL playlist or mix',
  description: [
    "Read any TIDAL playlist or mix the caller can see (editorial, public, the user's own) by playlistId or url: name, owner, type, visibility, size, duration, link, whether manage_playlist can change it, and its items in order with track ids and ISRCs.",
    'Up to `limit` items (default 50) with a nextCursor. Private playlists need the login.',
  ].join('\n'),
  inputSchema,
  outputSchema,
  notFoundHint:
    'Check the id or link: get_library lists your playlists and mixes, search_catalog finds public ones.',
  annotations: READS_TIDAL,
  async handler(input, ctx) {
    const access = await optionalUser(ctx);
    const given = target(input);
    const limit = input.limit ?? DEFAULT_PAGE_LIMIT;
    const output =
      input.cursor === undefined
        ? await first(ctx, access, given, input.country, limit)
        : await more(ctx, access, input.cursor, given, input.country, limit);
    return { structured: output, text: render(output) };
  },
});
