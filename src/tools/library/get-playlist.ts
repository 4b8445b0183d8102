import * as z from 'zod/v4';
import type { UserAccess } from '../../auth/user-session.js';
import { NotFoundError } from '../../tidal/errors.js';
import type { PlaylistDetails } from '../../tidal/library/index.js';
import { START, takeItems, type Position } from '../../tidal/paging.js';
import type { PlaylistEntry } from '../../tidal/playlists/entries.js';
import type { CallContext } from '../../tidal/reader.js';
import { decodeCursor, encodeCursor } from '../shared/cursor.js';
import { defineTool, type ToolContext } from '../shared/define-tool.js';
import { InputError } from '../shared/errors.js';
import { duration, lines, moreLine, playlistLine, trackLine } from '../shared/format.js';
import { PlaylistOutput, TrackOutput } from '../shared/outputs.js';
import { ParamCountry, ParamCursor } from '../shared/params.js';
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
    'The nextCursor from an earlier get_playlist result, for the next items (playlistId may then be omitted).',
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

function owner(details: PlaylistDetails, access: UserAccess | undefined): Summary['owner'] {
  if (access && details.ownerIds.includes(access.userId)) return 'you';
  if (details.ownerIds.length > 0) return 'another user';
  return details.playlist.type === 'EDITORIAL' ? 'TIDAL' : 'unknown';
}

function summary(details: PlaylistDetails, access: UserAccess | undefined): Summary {
  const who = owner(details, access);
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

async function page(
  ctx: ToolContext,
  playlistId: string,
  start: Position & { shown: number },
  limit: number,
  call: CallContext,
  first?: PlaylistDetails,
) {
  const taken = await takeItems(start, limit, (c) =>
    c === undefined && first
      ? Promise.resolve(first.entries)
      : ctx.deps.library.playlists.entriesPage(playlistId, c, call),
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
      }),
    }),
  };
}

export default defineTool({
  name: 'get_playlist',
  title: 'Read a TIDAL playlist or mix',
  description: [
    'Read any TIDAL playlist you can see — editorial, another user’s public one, your own (private ones need the login) or a mix — by playlistId or url.',
    'Returns name, description, owner, type (USER, EDITORIAL, MIX), visibility, item count, duration, link, whether manage_playlist can change it, and a page of items in playlist order: position, track id, ISRC, album and artist ids.',
    'Up to `limit` items (default 50); pass nextCursor as cursor for more. Works without a login for public and editorial playlists.',
  ].join('\n'),
  inputSchema,
  outputSchema,
  annotations: {
    readOnlyHint: true,
    destructiveHint: false,
    idempotentHint: true,
    openWorldHint: true,
  },
  async handler(input, ctx) {
    const access = await optionalUser(ctx);
    const country = (input.country ?? access?.country ?? ctx.deps.defaultCountry).toUpperCase();
    const call: CallContext = {
      country,
      signal: ctx.signal,
      ...(access && { auth: access.tokens }),
    };
    const readWith = access ? ('your login' as const) : ('app token' as const);
    const limit = input.limit ?? DEFAULT_PAGE_LIMIT;
    const given = target(input);
    let output: Output;
    if (input.cursor !== undefined) {
      const cursor = decodeCursor(input.cursor, 'playlist-items', 'get_playlist');
      if (given !== undefined && given !== cursor.id) {
        throw new InputError(
          'cursor',
          `belongs to playlist ${cursor.id}, not ${given}: omit cursor to start over`,
        );
      }
      const start = { cursor: cursor.c, offset: cursor.o, shown: cursor.n };
      output = { country, readWith, ...(await page(ctx, cursor.id, start, limit, call)) };
    } else {
      if (given === undefined) throw new InputError('playlistId', 'give playlistId or url');
      const details = await ctx.deps.library.playlists.get(given, call).catch((error: unknown) => {
        // Without a login TIDAL shows public playlists only; a private one looks like a missing one.
        if (error instanceof NotFoundError && !access) {
          throw new NotFoundError(
            `${error.message}. If it is your own private playlist, log in (account tool, action "login") to read it`,
          );
        }
        throw error;
      });
      const rest = await page(ctx, given, { ...START, shown: 0 }, limit, call, details);
      output = { country, readWith, playlist: summary(details, access), ...rest };
    }
    return { structured: output, text: render(output) };
  },
});
