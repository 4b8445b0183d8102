import * as z from 'zod/v4';
import type { AlbumWithTracks } from '../../tidal/catalog/index.js';
import {
  countryList,
  ParamCountries,
  TrackWithAvailabilityOutput,
  withAvailability,
  withAvailabilityText,
} from '../shared/availability.js';
import { decodeCursor, encodeCursor } from '../shared/cursor.js';
import { defineTool } from '../shared/define-tool.js';
import { InputError } from '../shared/errors.js';
import { albumLine, duration, lines, moreLine, trackLine } from '../shared/format.js';
import { AlbumOutput } from '../shared/outputs.js';
import { listParam, ParamAlbumId, ParamCountry, ParamCursor } from '../shared/params.js';

/** Spaces and hyphens are how barcodes are printed; TIDAL wants the digits only. */
function normalizeBarcode(value: string): string {
  return value.replace(/[\s-]/g, '');
}

const inputSchema = z.strictObject({
  albumId: ParamAlbumId.optional(),
  barcode: z
    .string()
    .trim()
    .refine(
      (b) => /^\d{12,13}$/.test(normalizeBarcode(b)),
      'expected an EAN-13 or UPC-A barcode: 13 or 12 digits',
    )
    .optional()
    .describe(
      'Album barcode, EAN-13 (13 digits) or UPC-A (12 digits), leading zeros kept. Use instead of albumId.',
    ),
  cursor: ParamCursor.optional().describe(
    'The nextCursor from an earlier get_album result, to get the next tracks (albumId and barcode may then be omitted).',
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

function render(output: Output): string {
  const album = output.album;
  return lines(
    album
      ? [
          `Album: ${albumLine(album)}`,
          lines(
            album.releaseDate && `Released ${album.releaseDate}`,
            `${duration(album.durationSeconds)} total`,
            album.numberOfVolumes > 1 ? `${album.numberOfVolumes} discs` : undefined,
            `barcode ${album.barcode}`,
            album.mediaTags.length > 0 ? album.mediaTags.join('/') : undefined,
          ).replace(/\n/g, ' · '),
          album.coverUrl && `Cover: ${album.coverUrl}`,
        ]
      : `More tracks of album ${output.albumId}:`,
    output.tracks.map((t) =>
      withAvailabilityText(
        trackLine(t, { album: false, number: true, context: album?.artists }),
        t,
      ),
    ),
    output.similarAlbums && similarLine(output.similarAlbums),
    moreLine(output.nextCursor),
  );
}

export default defineTool({
  name: 'get_album',
  title: 'Get a TIDAL album with its tracklist',
  description: [
    'Get one TIDAL album (title, artists, release date, type, duration, barcode, cover, link) with its tracklist.',
    'Give exactly one of albumId (from search_catalog or tracks_by_isrc) or barcode (EAN-13/UPC-A, for a physical release).',
    'Long albums return the first tracks and a nextCursor; pass it as cursor for more.',
    'Optional: include ["similarAlbums"] for similar albums; countries (up to 10) to see where each track can be played.',
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
    const call = { country, signal: ctx.signal };
    const catalog = ctx.deps.catalog;
    const countries = countryList(input.countries);

    if (input.cursor !== undefined) {
      const cursor = decodeCursor(input.cursor, 'album', 'get_album');
      if (input.albumId !== undefined && input.albumId !== cursor.id) {
        throw new InputError(
          'cursor',
          `belongs to album ${cursor.id}, not to albumId ${input.albumId}`,
        );
      }
      if (input.include !== undefined) {
        throw new InputError('include', 'similar albums come with the first page; omit include');
      }
      const page = await catalog.albums.itemsPage(cursor.id, cursor.c, call);
      const output: Output = {
        country,
        albumId: cursor.id,
        tracks: await withAvailability(page.items, countries, country, ctx),
        ...(page.nextCursor && {
          nextCursor: encodeCursor({ k: 'album', id: cursor.id, c: page.nextCursor }),
        }),
      };
      return { structured: output, text: render(output) };
    }

    if ((input.albumId === undefined) === (input.barcode === undefined)) {
      throw new InputError('albumId', 'give exactly one of albumId or barcode');
    }
    let result: AlbumWithTracks;
    const options = { similarAlbums: input.include !== undefined };
    if (input.albumId !== undefined)
      result = await catalog.albums.get(input.albumId, call, options);
    else
      result = await catalog.albums.byBarcode(
        normalizeBarcode(input.barcode as string),
        call,
        options,
      );
    const output: Output = {
      country,
      album: result.album,
      albumId: result.album.id,
      tracks: await withAvailability(result.tracks.items, countries, country, ctx),
      ...(result.similarAlbums && { similarAlbums: result.similarAlbums }),
      ...(result.tracks.nextCursor && {
        nextCursor: encodeCursor({ k: 'album', id: result.album.id, c: result.tracks.nextCursor }),
      }),
    };
    return { structured: output, text: render(output) };
  },
});
