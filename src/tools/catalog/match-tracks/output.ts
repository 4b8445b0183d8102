/** The structured result of match_tracks: one entry per input line, in input order. */
import * as z from 'zod/v4';

import { CONFIDENCES } from '../../../matching/index.js';
import { TrackOutput } from '../../shared/outputs.js';

/** What a match needs to be checked and used; the rest of a track's fields would only cost room. */
export const MatchTrackOutput = TrackOutput.pick({
  id: true,
  type: true,
  title: true,
  version: true,
  artists: true,
  album: true,
  durationSeconds: true,
  explicit: true,
  isrc: true,
  url: true,
});

export const ConfidenceOutput = z
  .enum(CONFIDENCES)
  .describe(
    'exact: the ISRC matched; high: same title and artist, the version asked for (or the original); medium: likely, but a version, spelling or duration differs; low: a guess (another artist, karaoke…); none: not on TIDAL.',
  );

const AlternativeOutput = z.object({
  track: MatchTrackOutput,
  confidence: ConfidenceOutput,
  reason: z.string(),
});

export const LineOutput = z.object({
  line: z.number().describe('1-based line number in the input (for CSV, the row’s line).'),
  input: z.string().describe('What the line asked for.'),
  confidence: ConfidenceOutput,
  reason: z
    .string()
    .describe(
      'Why, in a few words: "ISRC", "title and artist match", "only a live version found"…',
    ),
  track: MatchTrackOutput.optional().describe(
    'The best TIDAL track; absent when confidence is none.',
  ),
  alternatives: z
    .array(AlternativeOutput)
    .optional()
    .describe('Other candidates, best first, when the match is not exact or high.'),
});

export const MatchTracksOutput = z.object({
  country: z.string(),
  format: z.enum(['lines', 'csv']),
  counts: z.object(
    Object.fromEntries(CONFIDENCES.map((c) => [c, z.number()])) as Record<
      (typeof CONFIDENCES)[number],
      z.ZodNumber
    >,
  ),
  total: z.number().describe('Lines in the whole list; `counts` are over all of them.'),
  lines: z.array(LineOutput).describe('This page of results, in input order.'),
  nextCursor: z
    .string()
    .optional()
    .describe('Pass as `cursor` (without text or lines) for the next lines of results.'),
  lookups: z
    .object({ searches: z.number(), isrcs: z.number() })
    .describe(
      'Distinct searches and ISRCs looked up (repeated lines are searched once; cached answers are reused).',
    ),
});

export type MatchTracksResult = z.infer<typeof MatchTracksOutput>;
export type LineResult = z.infer<typeof LineOutput>;
export type MatchTrack = z.infer<typeof MatchTrackOutput>;
