/**
 * match_tracks: a pasted tracklist in, the TIDAL track for every line out, with an honest
 * confidence. Parsing and matching are src/matching (pure); this module only reads the
 * arguments, supplies the catalog as the lookup, and shapes the answer.
 */
import * as z from 'zod/v4';

import { type LineMatch, matchAll } from '../../../matching/index.js';
import type { Track } from '../../../tidal/domain.js';
import { decodeCursor, encodeCursor } from '../../shared/cursor.js';
import {
  defineTool,
  READS_TIDAL,
  type ToolContext,
  type ToolResult,
} from '../../shared/define-tool.js';
import { InputError } from '../../shared/errors.js';
import { catalogMatchSource } from '../../shared/match-source.js';
import { countParam, ParamCountry, ParamCursor } from '../../shared/params.js';
import { readTracklist, TracklistLines, TracklistText } from '../../shared/tracklist-input.js';
import {
  type LineResult,
  type MatchTrack,
  MatchTracksOutput,
  type MatchTracksResult,
} from './output.js';
import { renderMatches } from './render.js';

const DEFAULT_CANDIDATES = 2;
/** Lines of results per answer: 50 with two alternatives each stays well inside 20k tokens. */
const DEFAULT_LIMIT = 50;

const inputSchema = z.strictObject({
  text: TracklistText.optional().describe(
    'The list as pasted: a song per line ("Artist - Title", "Title by Artist", numbered, with a duration or ISRC), or CSV with a header (Exportify columns, or artist,title). Up to 500.',
  ),
  lines: TracklistLines.optional().describe(
    'The songs one per item ("Artist - Title" etc., as for text), instead of text.',
  ),
  country: ParamCountry.optional(),
  limit: countParam(
    1,
    100,
    'Lines of results per answer, 1 to 100 (default 50); a longer list comes back with a nextCursor.',
  ).optional(),
  cursor: ParamCursor.optional().describe(
    'nextCursor of an earlier match_tracks call, alone: its next lines (nothing looked up again).',
  ),
  candidates: z
    .number()
    .int('expected a whole number')
    .min(0, 'expected 0 to 5')
    .max(5, 'expected 0 to 5')
    .optional()
    .describe(
      'How many alternatives to list for lines that are not an exact or high match, 0 to 5 (default 2).',
    ),
});

type Input = z.infer<typeof inputSchema>;

function compact(track: Track): MatchTrack {
  const { id, type, title, version, artists, album, durationSeconds, explicit, isrc, url } = track;
  return { id, type, title, version, artists, album, durationSeconds, explicit, isrc, url };
}

function toResult(m: LineMatch<Track>): LineResult {
  return {
    line: m.line.line,
    input: m.line.input,
    confidence: m.confidence,
    reason: m.reason,
    ...(m.track && { track: compact(m.track) }),
    ...(m.alternatives.length > 0 && {
      alternatives: m.alternatives.map((a) => ({ ...a, track: compact(a.track) })),
    }),
  };
}

type Whole = Omit<MatchTracksResult, 'lines' | 'nextCursor'> & { lines: LineResult[] };

/** One page of a whole result, with the cursor to the next one. */
function page(whole: Whole, handle: string, offset: number, limit: number): MatchTracksResult {
  const end = offset + limit;
  return {
    ...whole,
    lines: whole.lines.slice(offset, end),
    ...(end < whole.lines.length && {
      nextCursor: encodeCursor({ k: 'matches', h: handle, o: end }),
    }),
  };
}

function more(input: Input, ctx: ToolContext): ToolResult<MatchTracksResult> {
  if (input.text !== undefined || input.lines !== undefined) {
    throw new InputError('cursor', 'send the cursor alone; the list was already matched');
  }
  const cursor = decodeCursor(input.cursor ?? '', 'matches', 'match_tracks');
  const whole = ctx.deps.pages.get<Whole>(cursor.h);
  if (whole === undefined) {
    throw new InputError(
      'cursor',
      'its results are no longer kept (they last 30 minutes); repeat the call with the list, without cursor',
    );
  }
  const result = page(whole, cursor.h, cursor.o, input.limit ?? DEFAULT_LIMIT);
  return { structured: result, text: renderMatches(result, cursor.o) };
}

export default defineTool({
  name: 'match_tracks',
  title: 'Match a pasted tracklist to TIDAL tracks',
  description: [
    'Match a pasted song list (a CSV export, a setlist, "Artist - Title" lines; up to 500) to TIDAL tracks in one call.',
    'Each line gets the best track, a confidence (exact = ISRC, high, medium, low, none), a reason, and alternatives when not exact or high. It prefers the original studio recording unless the line names a version, and never invents a match.',
    'Long lists come back in pages (nextCursor).',
  ].join('\n'),
  inputSchema,
  outputSchema: MatchTracksOutput,
  annotations: READS_TIDAL,
  async handler(input, ctx) {
    if (input.cursor !== undefined) return more(input, ctx);
    const list = readTracklist(input);
    const country = ctx.country(input.country);
    const report = await matchAll(
      list.lines,
      catalogMatchSource(ctx.deps.catalog, { country, signal: ctx.signal }),
      {
        alternatives: input.candidates ?? DEFAULT_CANDIDATES,
        signal: ctx.signal,
        onProgress: (done, total) => ctx.progress(done, total, `looked up ${done} of ${total}`),
        describeError: (error) => ctx.userMessage(error),
      },
    );
    const whole: Whole = {
      country,
      format: list.format,
      counts: report.counts,
      total: report.matches.length,
      lines: report.matches.map(toResult),
      lookups: { searches: report.searches, isrcs: report.isrcs },
    };
    const limit = input.limit ?? DEFAULT_LIMIT;
    const handle = whole.lines.length > limit ? ctx.deps.pages.keep(whole) : '';
    const result = page(whole, handle, 0, limit);
    return { structured: result, text: renderMatches(result, 0) };
  },
});
