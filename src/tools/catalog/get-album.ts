import * as z from 'zod/v4';

import { barcodeProblem, normalizeBarcode } from '../../tidal/barcode.js';
import type { Page, Track } from '../../tidal/domain.js';
import {
  countryList,
  ParamCountries,
  TrackWithAvailabilityOutput,
  withAvailability,
  withAvailabilityText,
} from '../shared/availability.js';
import { cursorCountry, decodeCursor, encodeCursor } from '../shared/cursor.js';
import {
  defineTool,
  READS_TIDAL,
  type ToolContext,
  type ToolResult,
} from '../shared/define-tool.js';
import { InputError } from '../shared/errors.js';
import { albumLine, duration, lines, moreLine, trackLine } from '../shared/format.js';
import { AlbumOutput } from '../shared/outputs.js';
import { listParam, ParamAlbumId, ParamCountry, ParamCursor } from '../shared/params.js';

/** Digits without the spaces and hyphens barcodes are printed with; a number as its digits. */
function barcodeDigits(value: unknown): unknown {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  return typeof value === 'string' ? normalizeBarcode(value) : value;
}

const ParamBarcode = z
  .preprocess(
    barcodeDigits,
    z.string().superRefine((digits, ctx) => {
      const problem = barcodeProblem(digits);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  )
  .describe(
    'Album barcode as printed: UPC-A (12 digits), EAN-13, GTIN-14 or GTIN-8; spaces and hyphens are ignored, the check digit is verified. Use instead of albumId.',
  );

const inputSchema = z.strictObject({
  albumId: ParamAlbumId.optional(),
  barcode: ParamBarcode.optional(),
  cursor: ParamCursor.optional().describe(
    'nextCursor of an earlier get_album call: the next tracks (albumId may be omitted).',
  ),
  include: listParam(
    z.enum(['similarAlbums'], { error: 'expected "similarAlbums"' }),
    1,
    1,
    'include value',
  )
    .optional()
    .describe('["similarAlbums"] adds up to 5 albums TIDAL considers similar (same request).'),
  countries: ParamCountries.optional(),
  country: ParamCountry.optional(),
});

const outputSchema = z.object({
  country: z.string(),
  album: AlbumOutput.optional(),
  albumId: z.string(),
  tracks: z.array(TrackWithAvailabilityOutput),
  similarAlbums: z
    .array(z.object({ id: z.string(), title: z.string() }))
    .optional()
    .describe('With include ["similarAlbums"]: up to 5 similar albums; ids feed get_album.'),
  notAvailable: z
    .number()
    .optional()
    .describe(
      "How many of the album's items TIDAL does not offer in this country (known once the last tracks are listed).",
    ),
  nextCursor: z
    .string()
    .optional()
    .describe('Pass as `cursor` to get the next tracks of this album.'),
});

type Output = z.infer<typeof outputSchema>;

function similarLine(albums: { id: string; title: string }[]): string {
  const list = albums.map((a) => `${a.title} (id ${a.id})`).join(', ');
  return `Similar albums: ${list || 'none listed by TIDAL'}`;
}

function albumHeader(output: Output): string[] {
  const album = output.album;
  if (!album) return [`More tracks of album ${output.albumId} (${output.country}):`];
  const missing = output.notAvailable
    ? { count: output.notAvailable, country: output.country }
    : undefined;
  return [
    `Album (${output.country}): ${albumLine(album, { notAvailable: missing })}`,
    lines(
      album.releaseDate && `Released ${album.releaseDate}`,
      `${duration(album.durationSeconds)} total`,
      album.numberOfVolumes > 1 ? `${album.numberOfVolumes} discs` : undefined,
      album.barcode && `barcode ${album.barcode}`,
      album.mediaTags.length > 0 ? album.mediaTags.join('/') : undefined,
    ).replace(/\n/g, ' · '),
    album.coverUrl ? `Cover: ${album.coverUrl}` : '',
  ];
}

function render(output: Output): string {
  const tail =
    output.notAvailable && !output.album
      ? `${output.notAvailable} of the album's items are not available in ${output.country}.`
      : undefined;
  return lines(
    albumHeader(output),
    output.tracks.map((t) =>
      withAvailabilityText(
        trackLine(t, { album: false, number: true, context: output.album?.artists }),
        t,
      ),
    ),
    tail,
    output.similarAlbums && similarLine(output.similarAlbums),
    moreLine(output.nextCursor),
  );
}

/** The tracks of one page, the cursor after them, and once the last page is in, what is missing. */
function tracksPart(
  albumId: string,
  country: string,
  page: Page<Track>,
  before: number,
  numberOfItems: number,
): Pick<Output, 'tracks' | 'notAvailable' | 'nextCursor'> {
  const listed = before + page.items.length;
  const missing = numberOfItems - listed;
  return {
    tracks: page.items,
    ...(page.nextCursor
      ? {
          nextCursor: encodeCursor({
            k: 'album',
            id: albumId,
            c: page.nextCursor,
            cc: country,
            n: listed,
            of: numberOfItems,
          }),
        }
      : missing > 0 && { notAvailable: missing }),
  };
}

async function more(
  input: z.infer<typeof inputSchema>,
  value: string,
  ctx: ToolContext,
): Promise<ToolResult<Output>> {
  const cursor = decodeCursor(value, 'album', 'get_album');
  if (input.include !== undefined) {
    throw new InputError('include', 'similar albums come with the first page; omit include');
  }
  if (input.albumId !== undefined && input.albumId !== cursor.id) {
    throw new InputError(
      'cursor',
      `belongs to album ${cursor.id}, not to albumId ${input.albumId}: pass albumId ${cursor.id}, or repeat the call without cursor`,
    );
  }
  const country = cursorCountry(cursor, input.country);
  const page = await ctx.deps.catalog.albums.itemsPage(cursor.id, cursor.c, {
    country,
    signal: ctx.signal,
  });
  const output: Output = {
    country,
    albumId: cursor.id,
    ...tracksPart(cursor.id, country, page, cursor.n, cursor.of),
    tracks: await withAvailability(page.items, countryList(input.countries), country, ctx),
  };
  return { structured: output, text: render(output) };
}

export default defineTool({
  name: 'get_album',
  title: 'Get a TIDAL album with its tracklist',
  description: [
    'One TIDAL album with its tracklist: artists, release date, type, duration, barcode, quality, cover, link.',
    'By albumId or barcode (UPC/EAN/GTIN). Tracks missing in the country are counted, not listed; long albums return a nextCursor.',
    'Optional: include ["similarAlbums"]; countries (up to 10) says where each track can be played.',
  ].join('\n'),
  inputSchema,
  outputSchema,
  annotations: READS_TIDAL,
  async handler(input, ctx) {
    if (input.cursor !== undefined) return more(input, input.cursor, ctx);
    if ((input.albumId === undefined) === (input.barcode === undefined)) {
      throw new InputError('albumId', 'give exactly one of albumId or barcode');
    }
    const country = ctx.country(input.country);
    const call = { country, signal: ctx.signal };
    const albums = ctx.deps.catalog.albums;
    const options = { similarAlbums: input.include !== undefined };
    const result =
      input.albumId !== undefined
        ? await albums.get(input.albumId, call, options)
        : await albums.byBarcode(input.barcode ?? '', call, options);
    const album = result.album;
    const countries = countryList(input.countries);
    const output: Output = {
      country,
      album,
      albumId: album.id,
      ...tracksPart(album.id, country, result.tracks, 0, album.numberOfTracks),
      tracks: await withAvailability(result.tracks.items, countries, country, ctx),
      ...(result.similarAlbums && { similarAlbums: result.similarAlbums }),
    };
    return { structured: output, text: render(output) };
  },
});
