import * as z from 'zod/v4';
import type { Artist } from '../tidal/domain.js';
import { NotFoundError } from '../tidal/errors.js';
import { START, takeItems, type Position } from '../tidal/paging.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { defineTool } from './define-tool.js';
import { InputError } from './errors.js';
import { artistLine, lines, moreLine } from './format.js';
import { ArtistOutput } from './outputs.js';
import { DEFAULT_LIMIT, ParamArtistId, ParamCountry, ParamCursor, ParamLimit } from './params.js';

const inputSchema = z.strictObject({
  artistId: ParamArtistId.optional(),
  artistName: z
    .string()
    .trim()
    .min(1, 'expected an artist name')
    .max(256, 'expected at most 256 characters')
    .optional()
    .describe(
      'Artist name to look up when the id is unknown; the best search match is used and reported.',
    ),
  limit: ParamLimit.optional(),
  cursor: ParamCursor.optional().describe(
    'The nextCursor from an earlier similar_artists result, to get more (artistId/artistName may then be omitted).',
  ),
  country: ParamCountry.optional(),
});

const outputSchema = z.object({
  country: z.string(),
  artist: z.object({ id: z.string(), name: z.string().optional(), url: z.string().optional() }),
  resolvedFrom: z
    .object({
      artistName: z.string(),
      exactMatch: z.boolean(),
      otherCandidates: z.array(z.object({ id: z.string(), name: z.string() })),
    })
    .optional()
    .describe('Present when the artist was found by name: which search match was used.'),
  similar: z.array(ArtistOutput),
  nextCursor: z.string().optional().describe('Pass as `cursor` to get more similar artists.'),
});

type Output = z.infer<typeof outputSchema>;

function render(output: Output): string {
  const who = output.artist.name
    ? `${output.artist.name} (id ${output.artist.id})`
    : `artist ${output.artist.id}`;
  const resolved = output.resolvedFrom;
  return lines(
    resolved &&
      `"${resolved.artistName}" ${resolved.exactMatch ? 'matched' : 'had no exact match; using the top search result'} ${who}` +
        (resolved.otherCandidates.length > 0
          ? `. Other candidates: ${resolved.otherCandidates.map((c) => `${c.name} (id ${c.id})`).join(', ')}`
          : ''),
    `Artists similar to ${who} (${output.country}):`,
    output.similar.length > 0
      ? output.similar.map((a) => `- ${artistLine(a)}`)
      : ['- none listed by TIDAL'],
    moreLine(output.nextCursor),
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
    'List artists TIDAL considers similar to one artist, by artistId (from search_catalog) or by artistName.',
    'By name, the best search match is used and the result says which artist was picked (check it for common names).',
    'Returns up to `limit` artists (default 10) and a nextCursor when there are more.',
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
      const cursor = decodeCursor(input.cursor, 'similar', 'similar_artists');
      if (input.artistId !== undefined && input.artistId !== cursor.id) {
        throw new InputError(
          'cursor',
          `belongs to artist ${cursor.id}, not to artistId ${input.artistId}`,
        );
      }
      const start: Position = { cursor: cursor.c, offset: cursor.o };
      const taken = await takeItems(start, limit, (c) =>
        catalog.similarArtistsPage(cursor.id, c, call),
      );
      const output: Output = {
        country,
        artist: { id: cursor.id },
        similar: taken.items.map(compact),
        ...(taken.next && {
          nextCursor: encodeCursor({
            k: 'similar',
            id: cursor.id,
            c: taken.next.cursor,
            o: taken.next.offset,
          }),
        }),
      };
      return { structured: output, text: render(output) };
    }

    if ((input.artistId === undefined) === (input.artistName === undefined)) {
      throw new InputError('artistId', 'give exactly one of artistId or artistName');
    }
    let artistId = input.artistId;
    let resolvedFrom: Output['resolvedFrom'];
    if (artistId === undefined) {
      const name = input.artistName as string;
      const found = (await catalog.search(name, ['artists'], call)).sections.artists?.items ?? [];
      const exact = found.find(
        (a) => a.name.localeCompare(name, undefined, { sensitivity: 'base' }) === 0,
      );
      const picked = exact ?? found[0];
      if (!picked) throw new NotFoundError(`no TIDAL artist matches "${name}" in ${country}`);
      artistId = picked.id;
      resolvedFrom = {
        artistName: name,
        exactMatch: exact !== undefined,
        otherCandidates: found
          .filter((a) => a.id !== picked.id)
          .slice(0, 3)
          .map((a) => ({ id: a.id, name: a.name })),
      };
    }
    const first = await catalog.artistWithSimilar(artistId, call);
    const taken = await takeItems(START, limit, (c) =>
      c === undefined
        ? Promise.resolve(first.similar)
        : catalog.similarArtistsPage(artistId, c, call),
    );
    const output: Output = {
      country,
      artist: { id: first.artist.id, name: first.artist.name, url: first.artist.url },
      ...(resolvedFrom && { resolvedFrom }),
      similar: taken.items.map(compact),
      ...(taken.next && {
        nextCursor: encodeCursor({
          k: 'similar',
          id: artistId,
          c: taken.next.cursor,
          o: taken.next.offset,
        }),
      }),
    };
    return { structured: output, text: render(output) };
  },
});
