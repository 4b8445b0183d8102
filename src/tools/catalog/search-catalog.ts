import * as z from 'zod/v4';
import { SEARCH_TYPES, type SearchType } from '../../tidal/catalog/index.js';
import type { Page } from '../../tidal/domain.js';
import { START, takeItems, type Position } from '../../tidal/paging.js';
import { decodeCursor, encodeCursor } from '../shared/cursor.js';
import { defineTool } from '../shared/define-tool.js';
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
  PlaylistOutput,
  TrackOutput,
  VideoOutput,
  listOf,
} from '../shared/outputs.js';
import {
  DEFAULT_LIMIT,
  freeText,
  ParamCountry,
  ParamCursor,
  ParamLimit,
} from '../shared/params.js';

const DEFAULT_TYPES: SearchType[] = ['tracks', 'albums', 'artists'];

const inputSchema = z.strictObject({
  query: freeText(1, 256, 'a non-empty search text, e.g. an artist, album or track name').describe(
    'What to search for: artist, album, track, video or playlist names, in any mix.',
  ),
  types: z
    .array(z.enum(SEARCH_TYPES))
    .min(1, 'expected at least one of tracks, albums, artists, videos, playlists')
    .max(5)
    .optional()
    .describe('Which kinds of result to return (default tracks, albums, artists).'),
  limit: ParamLimit.optional().describe('Results per type, 1 to 50 (default 10).'),
  cursor: ParamCursor.optional().describe(
    'A nextCursor from an earlier search_catalog result (same query) to get more of that one type.',
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
  );
}

export default defineTool({
  name: 'search_catalog',
  title: 'Search the TIDAL catalog',
  description: [
    'Search TIDAL for tracks, albums, artists, videos and playlists by free text.',
    'Use it to turn names into TIDAL ids. Each result line has an id: album ids feed get_album, artist ids feed similar_artists, track ids feed manage_playlist.',
    'Returns up to `limit` results per type; a type with more results has a nextCursor: call again with the same query and that cursor to continue that type.',
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
    const country = ctx.country(input.country);
    const limit = input.limit ?? DEFAULT_LIMIT;
    const call = { country, signal: ctx.signal };
    const catalog = ctx.deps.catalog;

    if (input.cursor !== undefined) {
      const cursor = decodeCursor(input.cursor, 'search', 'search_catalog');
      const start: Position = { cursor: cursor.c, offset: cursor.o };
      const taken = await takeItems<unknown>(start, limit, (c) =>
        catalog.search.page(cursor.id, cursor.t, c, call),
      );
      const output: Output = {
        query: input.query,
        country,
        [cursor.t]: {
          items: taken.items,
          ...(taken.next && {
            nextCursor: encodeCursor({
              k: 'search',
              id: cursor.id,
              t: cursor.t,
              c: taken.next.cursor,
              o: taken.next.offset,
            }),
          }),
        },
      };
      return { structured: output, text: render(output) };
    }

    const types = [...new Set(input.types ?? DEFAULT_TYPES)];
    const result = await catalog.search.first(input.query, types, call);
    const output: Output = { query: input.query, country };
    if (result.didYouMean) output.didYouMean = result.didYouMean;
    for (const type of types) {
      const first = result.sections[type] ?? { items: [] };
      // Items beyond the first page are only fetched when limit exceeds TIDAL's page size.
      const taken = await takeItems<unknown>(START, limit, (c) =>
        c === undefined
          ? Promise.resolve(first as Page<unknown>)
          : catalog.search.page(result.searchId, type, c, call),
      );
      output[type] = {
        items: taken.items as never[],
        ...(taken.next && {
          nextCursor: encodeCursor({
            k: 'search',
            id: result.searchId,
            t: type,
            c: taken.next.cursor,
            o: taken.next.offset,
          }),
        }),
      };
    }
    return { structured: output, text: render(output) };
  },
});
