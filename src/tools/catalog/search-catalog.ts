import * as z from 'zod/v4';

import { SEARCH_TYPES, type SearchType } from '../../tidal/catalog/index.js';
import type { Page } from '../../tidal/domain.js';
import { type Position, START, takeItems, type Taken } from '../../tidal/paging.js';
import { cursorCountry, decodeCursor, encodeCursor, queryFingerprint } from '../shared/cursor.js';
import { defineTool, READS_TIDAL, type ToolContext } from '../shared/define-tool.js';
import { InputError } from '../shared/errors.js';
import {
  albumLine,
  artistLine,
  lines,
  moreLine,
  playlistLine,
  trackLine,
  videoLine,
} from '../shared/format.js';
import {
  AlbumOutput,
  ArtistOutput,
  listOf,
  PlaylistOutput,
  TrackOutput,
  VideoOutput,
} from '../shared/outputs.js';
import {
  DEFAULT_LIMIT,
  freeText,
  listParam,
  ParamCountry,
  ParamCursor,
  ParamLimit,
} from '../shared/params.js';

const DEFAULT_TYPES: SearchType[] = ['tracks', 'albums', 'artists'];
/** Items per call across all types: 5 types of 50 would be far beyond a useful context. */
const MAX_ITEMS_PER_CALL = 100;

const inputSchema = z.strictObject({
  query: freeText(1, 256, 'a non-empty search text, e.g. an artist, album or track name').describe(
    'What to search for: artist, album, track, video or playlist names, in any mix.',
  ),
  types: listParam(z.enum(SEARCH_TYPES), 1, 5, 'type')
    .optional()
    .describe('Which kinds of result to return (default tracks, albums, artists).'),
  limit: ParamLimit.optional().describe('Results per type, 1 to 50 (default 10).'),
  cursor: ParamCursor.optional().describe(
    'nextCursor of an earlier search_catalog call (same query): more of that type.',
  ),
  country: ParamCountry.optional(),
});

const outputSchema = z.object({
  query: z.string(),
  country: z.string(),
  didYouMean: z.string().optional(),
  tracks: listOf(TrackOutput).optional(),
  albums: listOf(AlbumOutput).optional(),
  artists: listOf(ArtistOutput).optional(),
  videos: listOf(VideoOutput).optional(),
  playlists: listOf(PlaylistOutput).optional(),
  note: z.string().optional().describe('Why a list stopped early, and how to continue it.'),
});

type Output = z.infer<typeof outputSchema>;

const RENDER: { [K in SearchType]: (item: never) => string } = {
  tracks: trackLine,
  albums: albumLine,
  artists: artistLine,
  videos: videoLine,
  playlists: playlistLine,
};

function render(output: Output): string {
  const sections = SEARCH_TYPES.flatMap((type) => {
    const list = output[type];
    if (!list) return [];
    const heading = `${type[0]?.toUpperCase()}${type.slice(1)} (${list.items.length}):`;
    const body =
      list.items.length > 0
        ? list.items.map((item) => `- ${RENDER[type](item as never)}`)
        : ['- none'];
    return [heading, ...body, moreLine(list.nextCursor) ?? ''];
  });
  return lines(
    `TIDAL search "${output.query}" (${output.country})`,
    output.didYouMean && `Did you mean: ${output.didYouMean}`,
    sections,
    output.note,
  );
}

export default defineTool({
  name: 'search_catalog',
  title: 'Search the TIDAL catalog',
  description: [
    'Search the TIDAL catalog by free text to turn names into ids: tracks, albums and artists by default, videos and playlists on request.',
    'Album ids feed get_album, artist ids get_artist, track ids similar_tracks and manage_playlist.',
    'Up to `limit` per type; a type with more has a nextCursor (call again with the same query and that cursor).',
  ].join('\n'),
  inputSchema,
  outputSchema,
  annotations: READS_TIDAL,
  async handler(input, ctx) {
    const limit = input.limit ?? DEFAULT_LIMIT;
    if (input.cursor !== undefined) return more(input.cursor, input, limit, ctx);
    const country = ctx.country(input.country);
    const call = { country, signal: ctx.signal };
    const catalog = ctx.deps.catalog;
    const types = [...new Set(input.types ?? DEFAULT_TYPES)];
    const perType = Math.min(limit, Math.floor(MAX_ITEMS_PER_CALL / types.length));
    const result = await catalog.search.first(input.query, types, call);
    const output: Output = { query: input.query, country };
    if (result.didYouMean) output.didYouMean = result.didYouMean;
    const stopped: string[] = [];
    for (const type of types) {
      const first = result.sections[type] ?? { items: [] };
      // Items beyond the first page are only fetched when limit exceeds TIDAL's page size.
      const taken = await takeItems<unknown>(START, perType, (c) =>
        c === undefined
          ? Promise.resolve(first as Page<unknown>)
          : catalog.search.page(result.searchId, type, c, call),
      );
      output[type] = section(taken, { id: result.searchId, t: type, q: input.query, cc: country });
      if (taken.error !== undefined) stopped.push(`${type} (${ctx.userMessage(taken.error)})`);
    }
    const notes = [
      perType < limit &&
        `limit lowered to ${perType} per type (at most ${MAX_ITEMS_PER_CALL} items per call); nextCursor continues each type.`,
      stopped.length > 0 && stoppedNote(stopped),
    ].filter((n): n is string => typeof n === 'string');
    if (notes.length > 0) output.note = notes.join(' ');
    return { structured: output, text: render(output) };
  },
});

function stoppedNote(stopped: string[]): string {
  return `Stopped early: a later page of ${stopped.join(', ')} could not be read; the items above were read before it, and nextCursor resumes where it stopped.`;
}

/** One type's list and the cursor that continues it, bound to the search and the country. */
function section(
  taken: Taken<unknown>,
  search: { id: string; t: SearchType; q: string; cc: string },
): { items: never[]; nextCursor?: string } {
  return {
    items: taken.items as never[],
    ...(taken.next && {
      nextCursor: encodeCursor({
        k: 'search',
        id: search.id,
        t: search.t,
        c: taken.next.cursor,
        o: taken.next.offset,
        q: queryFingerprint(search.q),
        cc: search.cc,
      }),
    }),
  };
}

/** More of one type, from a nextCursor of the same query. */
async function more(
  value: string,
  input: { query: string; country?: string },
  limit: number,
  ctx: ToolContext,
) {
  const cursor = decodeCursor(value, 'search', 'search_catalog');
  if (cursor.q !== queryFingerprint(input.query)) {
    throw new InputError(
      'cursor',
      `belongs to another search query, not "${input.query}": pass the query that returned it, or repeat the search without cursor`,
    );
  }
  const country = cursorCountry(cursor, input.country);
  const call = { country, signal: ctx.signal };
  const start: Position = { cursor: cursor.c, offset: cursor.o };
  const taken = await takeItems<unknown>(start, limit, (c) =>
    ctx.deps.catalog.search.page(cursor.id, cursor.t, c, call),
  );
  const output: Output = {
    query: input.query,
    country,
    [cursor.t]: section(taken, { id: cursor.id, t: cursor.t, q: input.query, cc: country }),
    ...(taken.error !== undefined && {
      note: stoppedNote([`${cursor.t} (${ctx.userMessage(taken.error)})`]),
    }),
  };
  return { structured: output, text: render(output) };
}
