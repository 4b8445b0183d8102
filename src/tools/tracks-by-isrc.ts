import * as z from 'zod/v4';
import { ISRC_BATCH_SIZE } from '../tidal/catalog.js';
import type { Track } from '../tidal/domain.js';
import { defineTool } from './define-tool.js';
import { InputError } from './errors.js';
import { lines, trackLine } from './format.js';
import { TrackOutput } from './outputs.js';
import { ParamCountry } from './params.js';

export const ISRC_PATTERN = /^[A-Z]{2}[A-Z0-9]{3}\d{7}$/;

/** ISRCs are printed with hyphens and spaces and in any case; TIDAL accepts only the bare upper-case form. */
export function normalizeIsrc(value: string): string {
  return value.replace(/[\s-]/g, '').toUpperCase();
}

const inputSchema = z.strictObject({
  isrcs: z
    .array(z.string().max(64, 'expected an ISRC of 12 characters, e.g. USRC17607839'))
    .min(1, 'expected at least one ISRC')
    .max(100, 'expected at most 100 ISRCs per call')
    .describe(
      'ISRCs (International Standard Recording Codes), e.g. ["USRC17607839", "GB-AYE-69-00531"]; hyphens and case do not matter. 1 to 100.',
    ),
  country: ParamCountry.optional(),
});

const ResultOutput = z.object({
  isrc: z.string().describe('The ISRC as given.'),
  status: z.enum(['found', 'not_found', 'invalid']),
  tracks: z.array(TrackOutput).optional(),
  message: z.string().optional(),
});

const outputSchema = z.object({
  country: z.string(),
  results: z.array(ResultOutput),
  found: z.number(),
  notFound: z.number(),
  invalid: z.number(),
  note: z.string().optional(),
});

type Output = z.infer<typeof outputSchema>;

const BATCH_NOTE =
  'Several ISRCs were looked up together, and TIDAL then returns one track per ISRC. Ask for a single ISRC to see every TIDAL track (re-releases, clean/explicit versions) that carries it.';

function render(output: Output): string {
  return lines(
    `ISRC lookup (${output.country}): ${output.found} found, ${output.notFound} not found, ${output.invalid} invalid`,
    output.results.flatMap((r) => {
      if (r.status !== 'found')
        return [`${r.isrc}: ${r.status.replace('_', ' ')}${r.message ? ` (${r.message})` : ''}`];
      const tracks = r.tracks ?? [];
      if (tracks.length === 1 && tracks[0]) return [`${r.isrc}: ${trackLine(tracks[0])}`];
      return [`${r.isrc}: ${tracks.length} tracks`, ...tracks.map((t) => `  - ${trackLine(t)}`)];
    }),
    output.note,
  );
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export default defineTool({
  name: 'tracks_by_isrc',
  title: 'Find TIDAL tracks by ISRC',
  description: [
    'Resolve ISRCs to TIDAL tracks, up to 100 per call (e.g. to migrate a playlist from another service).',
    'Each ISRC gets a status: found (with its tracks and albums), not_found (not on TIDAL in that country) or invalid (malformed, never sent to TIDAL).',
    'For a single ISRC every matching TIDAL track is returned (re-releases, clean and explicit versions); for several, TIDAL returns one track per ISRC.',
    'Track ids feed manage_playlist; album ids feed get_album.',
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
    const normalized = input.isrcs.map((raw) => ({ raw, isrc: normalizeIsrc(raw) }));
    const valid = [
      ...new Set(normalized.filter((n) => ISRC_PATTERN.test(n.isrc)).map((n) => n.isrc)),
    ];
    if (valid.length === 0) {
      const [first] = normalized;
      throw new InputError(
        'isrcs',
        `none is a valid ISRC (got "${first?.raw ?? ''}"${normalized.length > 1 ? ' and others' : ''}); expected 12 characters: country code, 3-character registrant, 7 digits, e.g. USRC17607839`,
      );
    }

    const byIsrc = new Map<string, Track[]>();
    let truncated = false;
    const batches = chunk(valid, ISRC_BATCH_SIZE);
    for (const [index, batch] of batches.entries()) {
      const { tracks, truncated: cut } = await ctx.deps.catalog.tracksByIsrc(batch, {
        country,
        signal: ctx.signal,
      });
      truncated ||= cut;
      for (const track of tracks) {
        const key = track.isrc ? normalizeIsrc(track.isrc) : undefined;
        if (key === undefined) continue;
        byIsrc.set(key, [...(byIsrc.get(key) ?? []), track]);
      }
      if (batches.length > 1)
        await ctx.progress(
          index + 1,
          batches.length,
          `looked up ${Math.min((index + 1) * ISRC_BATCH_SIZE, valid.length)} of ${valid.length} ISRCs`,
        );
    }

    const results = normalized.map(({ raw, isrc }): Output['results'][number] => {
      if (!ISRC_PATTERN.test(isrc)) {
        return {
          isrc: raw,
          status: 'invalid',
          message: 'expected 12 characters like USRC17607839',
        };
      }
      const tracks = byIsrc.get(isrc);
      return tracks && tracks.length > 0
        ? { isrc: raw, status: 'found', tracks }
        : { isrc: raw, status: 'not_found' };
    });
    const count = (status: string) => results.filter((r) => r.status === status).length;
    const notes = [
      valid.length > 1 ? BATCH_NOTE : undefined,
      truncated ? 'Only the first 100 tracks for this ISRC are listed.' : undefined,
    ].filter(Boolean);
    const output: Output = {
      country,
      results,
      found: count('found'),
      notFound: count('not_found'),
      invalid: count('invalid'),
      ...(notes.length > 0 && { note: notes.join(' ') }),
    };
    return { structured: output, text: render(output) };
  },
});
