import * as z from 'zod/v4';
import { ISRC_EXPECTATION, isIsrc, normalizeIsrc } from '../../tidal/isrc.js';
import { defineTool } from '../shared/define-tool.js';
import { InputError } from '../shared/errors.js';
import { lines, trackLine } from '../shared/format.js';
import { TrackOutput } from '../shared/outputs.js';
import { listParam, ParamCountry } from '../shared/params.js';

const inputSchema = z.strictObject({
  isrcs: listParam(
    z.string().max(64, 'expected an ISRC of 12 characters, e.g. USRC17607839'),
    1,
    100,
    'ISRC',
  ).describe(
    'ISRCs (International Standard Recording Codes), e.g. ["USRC17607839", "GB-AYE-69-00531"]; hyphens and case do not matter. 1 to 100.',
  ),
  country: ParamCountry.optional(),
});

const ResultOutput = z.object({
  isrc: z.string().describe('The ISRC as given.'),
  status: z.enum(['found', 'not_found', 'invalid', 'unchecked']),
  tracks: z.array(TrackOutput).optional(),
  message: z.string().optional(),
});

const outputSchema = z.object({
  country: z.string(),
  results: z.array(ResultOutput),
  found: z.number(),
  notFound: z.number(),
  invalid: z.number(),
  unchecked: z.number().optional().describe('ISRCs not looked up because a request failed.'),
  note: z.string().optional(),
});

type Output = z.infer<typeof outputSchema>;

const BATCH_NOTE =
  'Several ISRCs were looked up together, and TIDAL then returns one track per ISRC. Ask for a single ISRC to see every TIDAL track (re-releases, clean/explicit versions) that carries it.';

function render(output: Output): string {
  return lines(
    `ISRC lookup (${output.country}): ${output.found} found, ${output.notFound} not found, ${output.invalid} invalid${output.unchecked ? `, ${output.unchecked} unchecked` : ''}`,
    output.results.flatMap((r) => {
      if (r.status !== 'found')
        return [`${r.isrc}: ${r.status.replace('_', ' ')}${r.message ? ` (${r.message})` : ''}`];
      const tracks = r.tracks ?? [];
      if (tracks.length === 1 && tracks[0])
        return [`${r.isrc}: ${trackLine(tracks[0], { isrc: false })}`];
      return [
        `${r.isrc}: ${tracks.length} tracks`,
        ...tracks.map((t) => `  - ${trackLine(t, { isrc: false })}`),
      ];
    }),
    output.note,
  );
}

export default defineTool({
  name: 'tracks_by_isrc',
  title: 'Find TIDAL tracks by ISRC',
  description: [
    'Resolve ISRCs to TIDAL tracks, up to 100 per call (e.g. to migrate a playlist from another service).',
    'Each ISRC gets a status: found (with its tracks and albums), not_found (not on TIDAL in that country), invalid (malformed, never sent to TIDAL) or unchecked (a request failed; call again with those).',
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
    if (!normalized.some((n) => isIsrc(n.isrc))) {
      const [first] = normalized;
      throw new InputError(
        'isrcs',
        `none is a valid ISRC (got "${first?.raw ?? ''}"${normalized.length > 1 ? ' and others' : ''}); expected ${ISRC_EXPECTATION}`,
      );
    }
    const valid = new Set(normalized.filter((n) => isIsrc(n.isrc)).map((n) => n.isrc));
    const { byIsrc, truncated, unchecked, error } = await ctx.deps.catalog.tracks.byIsrcs(
      [...valid],
      { country, signal: ctx.signal },
      (batches, of, done, total) =>
        ctx.progress(batches, of, `looked up ${done} of ${total} ISRCs`),
    );
    const results = normalized.map(({ raw, isrc }): Output['results'][number] => {
      if (!isIsrc(isrc)) {
        return {
          isrc: raw,
          status: 'invalid',
          message: 'expected 12 characters like USRC17607839',
        };
      }
      if (unchecked.includes(isrc)) return { isrc: raw, status: 'unchecked' };
      const tracks = byIsrc.get(isrc);
      return tracks && tracks.length > 0
        ? { isrc: raw, status: 'found', tracks }
        : { isrc: raw, status: 'not_found' };
    });
    const count = (status: string) => results.filter((r) => r.status === status).length;
    const why = error === undefined ? '' : ` (${ctx.userMessage(error)})`;
    const notes = [
      valid.size > 1 ? BATCH_NOTE : undefined,
      truncated ? `Only the first tracks for this ISRC are listed${why}.` : undefined,
      unchecked.length > 0
        ? `Stopped early: ${unchecked.length} ISRCs were not looked up${why}; call again with just the unchecked ones.`
        : undefined,
    ].filter(Boolean);
    const output: Output = {
      country,
      results,
      found: count('found'),
      notFound: count('not_found'),
      invalid: count('invalid'),
      ...(unchecked.length > 0 && { unchecked: count('unchecked') }),
      ...(notes.length > 0 && { note: notes.join(' ') }),
    };
    return { structured: output, text: render(output) };
  },
});
