/**
 * A pasted tracklist as tool input (`text` or `lines`), shared by match_tracks and
 * manage_playlist import so both accept and refuse exactly the same lists. Each tool describes
 * the fields in its own words (every word of tools/list is read each turn).
 */
import * as z from 'zod/v4';

import { MAX_LINES, parseTracklist, type Tracklist, TracklistError } from '../../matching/index.js';
import { InputError } from './errors.js';

export const TracklistText = z
  .string()
  .max(200_000, 'expected at most 200,000 characters; split the list into several calls');

export const TracklistLines = z
  .array(z.string().max(1000, 'expected at most 1,000 characters per line'))
  .max(MAX_LINES, `expected at most ${MAX_LINES} lines per call; split the list`);

/** The list from whichever of text or lines was given; errors name the field. */
export function readTracklist(input: { text?: string; lines?: string[] }): Tracklist {
  if (input.text !== undefined && input.lines !== undefined) {
    throw new InputError('text', 'give either text or lines, not both');
  }
  const field = input.lines !== undefined ? 'lines' : 'text';
  const source = input.lines ?? input.text;
  if (source === undefined) {
    throw new InputError('text', 'expected the tracklist as text (or as lines, one song each)');
  }
  try {
    return parseTracklist(source, field);
  } catch (error) {
    if (error instanceof TracklistError) throw new InputError(error.field, error.expectation);
    throw error;
  }
}
