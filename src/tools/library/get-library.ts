import * as z from 'zod/v4';

import {
  type CollectionKind,
  type Favorite,
  type Mix,
  MIX_FAMILIES,
} from '../../tidal/library/index.js';
import { type Position, START, takeItems } from '../../tidal/paging.js';
import { decodeCursor, encodeCursor } from '../shared/cursor.js';
import { defineTool, READS_TIDAL, type ToolContext } from '../shared/define-tool.js';
import { InputError } from '../shared/errors.js';
import { lines, moreLine } from '../shared/format.js';
import { ParamCursor } from '../shared/params.js';
import { type ItemSize, takeFitting } from './fit.js';
import {
  favoriteItem,
  itemLine,
  LIBRARY_KINDS,
  type LibraryItem,
  LibraryItemOutput,
  type LibraryKind,
  mixItem,
} from './library-items.js';
import { DEFAULT_PAGE_LIMIT, ParamPageLimit } from './params.js';
import { type UserCall, userCall } from './user.js';

const inputSchema = z.strictObject({
  kind: z
    .enum(LIBRARY_KINDS)
    .describe(
      'playlists: your own playlists · favorite_playlists, tracks, albums, artists, videos: your favorites, most recently added first · mixes: your personal mixes (daily, discovery, new releases).',
    ),
  limit: ParamPageLimit.optional(),
  cursor: ParamCursor.optional().describe(
    'nextCursor of an earlier get_library call (same kind): the next items.',
  ),
});

const outputSchema = z.object({
  kind: z.enum(LIBRARY_KINDS),
  items: z.array(LibraryItemOutput),
  nextCursor: z.string().optional().describe('Pass as `cursor` (same kind) for the next items.'),
});
type Output = z.infer<typeof outputSchema>;

/** Where a page starts; `f` is the mix family (mixes only). */
type Start = Position & { f: number };

const SCOPE: Record<LibraryKind, string> = {
  playlists: 'playlists.read',
  favorite_playlists: 'collection.read',
  tracks: 'collection.read',
  albums: 'collection.read',
  artists: 'collection.read',
  videos: 'collection.read',
  mixes: 'recommendations.read',
};

/** The favorites collection behind each kind that is one. */
const FAVORITES_OF: Partial<Record<LibraryKind, CollectionKind>> = {
  favorite_playlists: 'playlists',
  tracks: 'tracks',
  albums: 'albums',
  artists: 'artists',
  videos: 'videos',
};

const TITLES: Record<LibraryKind, string> = {
  playlists: 'Your playlists (most recently changed first)',
  favorite_playlists: 'Your favorite playlists (most recently added first)',
  tracks: 'Your favorite tracks (most recently added first)',
  albums: 'Your favorite albums (most recently added first)',
  artists: 'Your favorite artists (most recently added first)',
  videos: 'Your favorite videos (most recently added first)',
  mixes: 'Your mixes (open one with get_playlist)',
};

/** An item's share of the result: its structured form and its line (see fit.ts). */
function itemSize(kind: LibraryKind, item: LibraryItem): ItemSize {
  return { json: JSON.stringify(item).length, text: itemLine(kind, item).length + 3 };
}

async function favorites(
  ctx: ToolContext,
  call: UserCall,
  kind: LibraryKind,
  start: Start,
  limit: number,
) {
  const collection = FAVORITES_OF[kind] ?? 'tracks';
  const taken = await takeFitting<Favorite>(
    start,
    limit,
    (c) => ctx.deps.library.favorites.page(call.user, collection, c),
    (f) => itemSize(kind, favoriteItem(collection, f)),
  );
  return {
    items: taken.items.map((f) => favoriteItem(collection, f)),
    next: taken.next && { ...taken.next, f: 0 },
  };
}

async function ownPlaylists(ctx: ToolContext, call: UserCall, start: Start, limit: number) {
  const taken = await takeFitting(
    start,
    limit,
    (c) => ctx.deps.playlists.listMine(call.user, c),
    (p) => itemSize('playlists', { id: p.id, playlist: p }),
  );
  return {
    items: taken.items.map((p): LibraryItem => ({ id: p.id, playlist: p })),
    next: taken.next && { ...taken.next, f: 0 },
  };
}

/** The three mix families one after another, as one list. */
async function mixes(ctx: ToolContext, call: UserCall, start: Start, limit: number) {
  const items: Mix[] = [];
  let family = start.f;
  let position: Position = start;
  while (family < MIX_FAMILIES.length && items.length < limit) {
    const name = MIX_FAMILIES[family] ?? 'daily';
    const taken = await takeItems(position, limit - items.length, (c) =>
      ctx.deps.library.mixes.page(call.user, name, c),
    );
    items.push(...taken.items);
    if (taken.next) return { items: items.map(mixItem), next: { ...taken.next, f: family } };
    family++;
    position = START;
  }
  const more = family < MIX_FAMILIES.length;
  return { items: items.map(mixItem), next: more ? { ...START, f: family } : undefined };
}

function read(ctx: ToolContext, call: UserCall, kind: LibraryKind, start: Start, limit: number) {
  if (kind === 'playlists') return ownPlaylists(ctx, call, start, limit);
  if (kind === 'mixes') return mixes(ctx, call, start, limit);
  return favorites(ctx, call, kind, start, limit);
}

function render(o: Output): string {
  return lines(
    `${TITLES[o.kind]}:`,
    o.items.length > 0 ? o.items.map((item) => `- ${itemLine(o.kind, item)}`) : ['(none)'],
    moreLine(o.nextCursor),
  );
}

export default defineTool({
  name: 'get_library',
  title: 'Your TIDAL library',
  description: [
    "The logged-in user's TIDAL library, one kind per call: their own playlists, their favorites (tracks, albums, artists, videos, playlists; newest first, with the date added) or their personal mixes.",
    'Up to `limit` items (default 50) with a nextCursor. Needs a TIDAL login (account tool).',
  ].join('\n'),
  inputSchema,
  outputSchema,
  annotations: READS_TIDAL,
  async handler(input, ctx) {
    let start: Start = { ...START, f: 0 };
    if (input.cursor !== undefined) {
      const cursor = decodeCursor(input.cursor, 'library', 'get_library');
      if (cursor.kind !== input.kind) {
        throw new InputError(
          'cursor',
          `continues kind ${cursor.kind}, not ${input.kind}: pass kind ${cursor.kind}, or omit cursor to start over`,
        );
      }
      start = { cursor: cursor.c, offset: cursor.o, f: cursor.f ?? 0 };
    }
    const call = await userCall(ctx, SCOPE[input.kind]);
    const page = await read(ctx, call, input.kind, start, input.limit ?? DEFAULT_PAGE_LIMIT);
    const output: Output = {
      kind: input.kind,
      items: page.items,
      ...(page.next && {
        nextCursor: encodeCursor({
          k: 'library',
          kind: input.kind,
          c: page.next.cursor,
          o: page.next.offset,
          ...(input.kind === 'mixes' && { f: page.next.f }),
        }),
      }),
    };
    return { structured: output, text: render(output) };
  },
});
