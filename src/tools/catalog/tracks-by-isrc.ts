import * as z from 'zod/v4';

import { isIsrc, ISRC_BATCH_SIZE, ISRC_EXPECTATION, normalizeIsrc } from '../../tidal/isrc.js';
import {
  countryList,
  ParamCountries,
  TrackWithAvailabilityOutput,
  withAvailability,
  withAvailabilityText,
} from '../shared/availability.js';
import { defineTool, READS_TIDAL } from '../shared/define-tool.js';
import { InputError } from '../shared/errors.js';
import { lines, trackLine } from '../shared/format.js';
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
  countries: ParamCountries.optional(),
  country: ParamCountry.optional(),
});

const ResultOutput = z.object({
  isrc: z.string().describe('The ISRC as given.'),
  status: z.enum(['found', 'not_found', 'invalid', 'failed']),
  tracks: z.array(TrackWithAvailabilityOutput).optional(),
  message: z.string().optional(),
});

const outputSchema = z.object({
  country: z.string(),
  results: z.array(ResultOutput),
  found: z.number(),
  notFound: z.number(),
  invalid: z.number(),
  failed: z.number().describe('ISRCs whose lookup failed (see message); call again for them.'),
  note: z.string().optional(),
});

type Output = z.infer<typeof outputSchema>;

const BATCH_NOTE =
  'Several ISRCs were looked up together, and TIDAL then returns one track per ISRC. Ask for a single ISRC to see every TIDAL track (re-releases, clean/explicit versions) that carries it.';

function render(output: Output): string {
  return lines(
    `ISRC lookup (${output.country}): ${output.found} found, ${output.notFound} not found, ${output.invalid} invalid${output.failed ? `, ${output.failed} failed (call again for them)` : ''}`,
    output.results.flatMap((r) => {
      if (r.status !== 'found')
        return [`${r.isrc}: ${r.status.replace('_', ' ')}${r.message ? ` (${r.message})` : ''}`];
      const tracks = r.tracks ?? [];
      const line = (t: (typeof tracks)[number]) =>
        withAvailabilityText(trackLine(t, { isrc: false }), t);
      if (tracks.length === 1 && tracks[0]) return [`${r.isrc}: ${line(tracks[0])}`];
      return [`${r.isrc}: ${tracks.length} tracks`, ...tracks.map((t) => `  - ${line(t)}`)];
    }),
    output.note,
  );
}

export default defineTool({
  name: 'tracks_by_isrc',
  title: 'Find TIDAL tracks by ISRC',
  description: [
    'Resolve up to 100 ISRCs to TIDAL tracks (e.g. to migrate playlists). Each ISRC is found (tracks with albums), not_found (not in that country), invalid (never sent) or failed (call again for those).',
    'One ISRC returns every TIDAL track carrying it (re-releases, clean/explicit); several return one track each.',
    'countries (up to 10) says where each track can be played.',
  ].join('\n'),
  inputSchema,
  outputSchema,
  annotations: READS_TIDAL,
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
    const { byIsrc, truncated, failed, error } = await ctx.deps.catalog.tracks.byIsrcs(
      [...valid],
      { country, signal: ctx.signal },
      (done, of) =>
        ctx.progress(done, of, `${done} of ${of} batches of ${ISRC_BATCH_SIZE} ISRCs looked up`),
    );
    // Nothing answered: that is an error of the call, not a list of failures.
    if (failed.size === valid.size) throw failed.values().next().value;
    const countries = countryList(input.countries);
    const found = [...byIsrc.values()].flat();
    const checked = new Map(
      (await withAvailability(found, countries, country, ctx)).map((t, i) => [found[i], t]),
    );
    const results = normalized.map(({ raw, isrc }): Output['results'][number] => {
      if (!isIsrc(isrc)) {
        return {
          isrc: raw,
          status: 'invalid',
          message: 'expected 12 characters like USRC17607839',
        };
      }
      if (failed.has(isrc)) {
        return { isrc: raw, status: 'failed', message: ctx.userMessage(failed.get(isrc)) };
      }
      const tracks = byIsrc.get(isrc);
      return tracks && tracks.length > 0
        ? { isrc: raw, status: 'found', tracks: tracks.map((t) => checked.get(t) ?? t) }
        : { isrc: raw, status: 'not_found' };
    });
    const count = (status: string) => results.filter((r) => r.status === status).length;
    const why = error === undefined ? '' : ` (${ctx.userMessage(error)})`;
    const notes = [
      valid.size > 1 ? BATCH_NOTE : undefined,
      truncated ? `Only the first tracks for this ISRC are listed${why}.` : undefined,
    ].filter(Boolean);
    const output: Output = {
      country,
      results,
      found: count('found'),
      notFound: count('not_found'),
      invalid: count('invalid'),
      failed: count('failed'),
      ...(notes.length > 0 && { note: notes.join(' ') }),
    };
    return { structured: output, text: render(output) };
  },
});
