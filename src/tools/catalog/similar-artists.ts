import * as z from 'zod/v4';

import type { Artist } from '../../tidal/domain.js';
import { START, takeItems, type Taken } from '../../tidal/paging.js';
import type { CallContext } from '../../tidal/reader.js';
import { artistByName, ResolvedFromOutput, resolvedLine } from '../shared/artist-by-name.js';
import { cursorCountry, decodeCursor, encodeCursor } from '../shared/cursor.js';
import {
  defineTool,
  READS_TIDAL,
  type ToolContext,
  type ToolResult,
} from '../shared/define-tool.js';
import { InputError } from '../shared/errors.js';
import { artistLine, lines, moreLine } from '../shared/format.js';
import { ArtistOutput } from '../shared/outputs.js';
import {
  DEFAULT_LIMIT,
  freeText,
  ParamArtistId,
  ParamCountry,
  ParamCursor,
  ParamLimit,
} from '../shared/params.js';

const inputSchema = z.strictObject({
  artistId: ParamArtistId.optional(),
  artistName: freeText(1, 256, 'an artist name')
    .optional()
    .describe(
      'Artist name to look up when the id is unknown; the best search match is used and reported.',
    ),
  limit: ParamLimit.optional(),
  cursor: ParamCursor.optional().describe(
    'nextCursor of an earlier similar_artists call (artistId/artistName may be omitted).',
  ),
  country: ParamCountry.optional(),
});

const outputSchema = z.object({
  country: z.string(),
  artist: z.object({ id: z.string(), name: z.string().optional(), url: z.string().optional() }),
  resolvedFrom: ResolvedFromOutput.optional(),
  similar: z.array(ArtistOutput),
  nextCursor: z.string().optional().describe('Pass as `cursor` to get more similar artists.'),
  note: z.string().optional().describe('Why the list stopped early, and how to continue it.'),
});

type Output = z.infer<typeof outputSchema>;

function render(output: Output): string {
  const who = output.artist.name
    ? `${output.artist.name} (id ${output.artist.id})`
    : `artist ${output.artist.id}`;
  return lines(
    output.resolvedFrom && resolvedLine(output.resolvedFrom, who),
    `Artists similar to ${who} (${output.country}):`,
    output.similar.length > 0
      ? output.similar.map((a) => `- ${artistLine(a)}`)
      : ['- none listed by TIDAL'],
    moreLine(output.nextCursor),
    output.note,
  );
}

/** Similar-artist lists are names and links; pictures and popularity would only cost context. */
function compact(artist: Artist): Artist {
  return { id: artist.id, name: artist.name, url: artist.url };
}

export default defineTool({
  name: 'similar_artists',
  title: 'Find artists similar to a TIDAL artist',
  description: [
    'Artists TIDAL considers similar to one artist, by artistId or artistName (the result says which artist the name matched, with other candidates).',
    'Up to `limit` artists (default 10) and a nextCursor when there are more.',
  ].join('\n'),
  inputSchema,
  outputSchema,
  annotations: READS_TIDAL,
  async handler(input, ctx) {
    const limit = input.limit ?? DEFAULT_LIMIT;
    if (input.cursor !== undefined) return more(input, input.cursor, limit, ctx);
    const call = { country: ctx.country(input.country), signal: ctx.signal };
    const { artistId: givenId, artistName } = input;
    if ((givenId === undefined) === (artistName === undefined)) {
      throw new InputError('artistId', 'give exactly one of artistId or artistName');
    }
    const byName =
      artistName !== undefined ? await artistByName(ctx.deps.catalog, artistName, call) : undefined;
    const artistId = byName?.artistId ?? givenId ?? '';
    const first = await ctx.deps.catalog.artists.withSimilar(artistId, call);
    const taken = await takeItems(START, limit, (c) =>
      c === undefined
        ? Promise.resolve(first.similar)
        : ctx.deps.catalog.artists.similarPage(artistId, c, call),
    );
    const output: Output = {
      country: call.country,
      artist: { id: first.artist.id, name: first.artist.name, url: first.artist.url },
      ...(byName && { resolvedFrom: byName.resolvedFrom }),
      ...page(artistId, taken, ctx, call.country),
    };
    return { structured: output, text: render(output) };
  },
});

/** The similar artists taken, the cursor to continue after them, and why it stopped early. */
function page(artistId: string, taken: Taken<Artist>, ctx: ToolContext, country: string) {
  return {
    similar: taken.items.map(compact),
    ...(taken.next && {
      nextCursor: encodeCursor({
        k: 'similar',
        id: artistId,
        c: taken.next.cursor,
        o: taken.next.offset,
        cc: country,
      }),
    }),
    ...(taken.error !== undefined && {
      note: `Stopped early: a later page could not be read (${ctx.userMessage(taken.error)}); the artists above were read before it, and nextCursor resumes where it stopped.`,
    }),
  };
}

/** A later page, from a nextCursor. */
async function more(
  input: { artistId?: string; artistName?: string; country?: string },
  value: string,
  limit: number,
  ctx: ToolContext,
): Promise<ToolResult<Output>> {
  const cursor = decodeCursor(value, 'similar', 'similar_artists');
  const { artistId } = input;
  if (artistId !== undefined && artistId !== cursor.id) {
    throw new InputError(
      'cursor',
      `belongs to artist ${cursor.id}, not to artistId ${artistId}: pass artistId ${cursor.id}, or repeat the call without cursor`,
    );
  }
  const call: CallContext = { country: cursorCountry(cursor, input.country), signal: ctx.signal };
  const taken = await takeItems({ cursor: cursor.c, offset: cursor.o }, limit, (c) =>
    ctx.deps.catalog.artists.similarPage(cursor.id, c, call),
  );
  const output: Output = {
    country: call.country,
    artist: { id: cursor.id },
    ...page(cursor.id, taken, ctx, call.country),
  };
  return { structured: output, text: render(output) };
}
