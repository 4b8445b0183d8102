/**
 * Tracklists as people paste them: "Artist - Title", "Artist – Title", "Title by Artist",
 * numbered or bulleted, with a duration ("3:45") or an ISRC on the line, or CSV text with a header
 * (Exportify/Spotify exports, `artist,title`). Each non-empty line becomes one ParsedLine; nothing
 * is guessed away: when a line can be read two ways ("A - B": which is the artist?), both readings
 * are kept and the matcher lets the catalog decide.
 */
import { UserFacingError } from '../errors.js';
import { isIsrc, normalizeIsrc } from '../tidal/isrc.js';
import { type CsvHeader, detectHeader, parseCsv, TITLE_HEADERS } from './csv.js';
import { searchText } from './normalize.js';
import { versionTags } from './versions.js';

export const MAX_LINES = 500;
export const MAX_LINE_LENGTH = 1000;
/** TIDAL's limit on filter[query]. */
const MAX_QUERY_LENGTH = 256;

export interface Reading {
  artist?: string;
  title: string;
}

export interface ParsedLine {
  /** 1-based line number in the input (for CSV, the line where the row starts). */
  line: number;
  /** What the line asked for, readable ("Adele - Hello", or the plain line as given). */
  input: string;
  /** Ways to read the line, the likeliest first; empty for a bare ISRC. */
  readings: Reading[];
  album?: string;
  durationSeconds?: number;
  /** Normalised ISRC named on the line. */
  isrc?: string;
  /** The search text (empty when there is nothing to search for). */
  query: string;
}

export interface Tracklist {
  format: 'lines' | 'csv';
  lines: ParsedLine[];
  /** CSV header names as given. */
  columns?: string[];
}

/** A tracklist that cannot be read; `field` is the argument it came from. */
export class TracklistError extends UserFacingError {
  override name = 'TracklistError';
  constructor(
    readonly field: string,
    readonly expectation: string,
  ) {
    super(`${field}: ${expectation}`);
  }
}

const MARKER = /^(?:\d{1,3}\s*[.):\]]\s*|#\d{1,3}\s*[.):-]?\s*|\(\d{1,3}\)\s*|[-*•·►▪◦‣–—]\s+)/;
const ISRC_IN_LINE = /(?:\bISRC\s*:?\s*)?\b([A-Z]{2}-?[A-Z0-9]{3}-?\d{2}-?\d{5})\b/i;
const DURATION_AT_END = /(?:^|[\s,|·-])[([]?\s*(\d{1,2}):([0-5]\d)(?::([0-5]\d))?\s*[)\]]?\s*$/;
const DASH = /\s+[-–—]+\s+|\s*[–—]\s*|\s+\|\s+|\t+/;
const QUOTED = /^(.*?)\s*["“”](.+?)["“”]\s*(.*)$/;

function seconds(h: string | undefined, m: string, s: string | undefined): number {
  return s === undefined
    ? Number(h) * 60 + Number(m)
    : Number(h) * 3600 + Number(m) * 60 + Number(s);
}

/** "3:45" -> 225, "245000" ms or "245" s -> 245. */
export function parseDuration(text: string, unit: 's' | 'ms' = 's'): number | undefined {
  const t = text.trim();
  const clock = /^(\d{1,2}):([0-5]\d)(?::([0-5]\d))?$/.exec(t);
  if (clock) return seconds(clock[1], clock[2]!, clock[3]);
  if (!/^\d+(\.\d+)?$/.test(t)) return undefined;
  const n = Number(t);
  return Math.round(unit === 'ms' ? n / 1000 : n);
}

function tidy(text: string, quotes = true): string {
  const ends = quotes ? /^[\s"“”,|:;-]+|[\s"“”,|:;-]+$/g : /^[\s,|:;-]+|[\s,|:;-]+$/g;
  return text.replace(ends, '').replace(/\s+/g, ' ').trim();
}

/** Both readings of "A - B", "Title by Artist" with the whole line as a fallback, or the line. */
export function readingsOf(text: string): Reading[] {
  const dash = DASH.exec(text);
  if (dash && dash.index > 0) {
    const left = tidy(text.slice(0, dash.index));
    const right = tidy(text.slice(dash.index + dash[0].length));
    if (left !== '' && right !== '') {
      return [
        { artist: left, title: right },
        { artist: right, title: left },
      ];
    }
  }
  const by = /\s+by\s+/gi;
  let last: RegExpExecArray | undefined;
  for (let m = by.exec(text); m; m = by.exec(text)) last = m;
  if (last && last.index > 0) {
    const title = tidy(text.slice(0, last.index));
    const artist = tidy(text.slice(last.index + last[0].length));
    if (title !== '' && artist !== '') return [{ artist, title }, { title: tidy(text) }];
  }
  // "Adele: Hello" — but "Star Wars: Main Title" may be a title alone.
  const colon = /:\s+/.exec(text);
  if (colon && colon.index > 0) {
    const left = tidy(text.slice(0, colon.index));
    const right = tidy(text.slice(colon.index + colon[0].length));
    if (left !== '' && right !== '') {
      return [
        { artist: left, title: right },
        { artist: right, title: left },
        { title: tidy(text) },
      ];
    }
  }
  // 'Adele "Hello"': the quoted part is the title.
  const quoted = QUOTED.exec(text);
  if (quoted) {
    const artist = tidy(`${quoted[1]} ${quoted[3]}`);
    const title = tidy(quoted[2]!);
    if (artist !== '' && title !== '') return [{ artist, title }, { title: tidy(text) }];
  }
  const whole = tidy(text);
  return whole === '' ? [] : [{ title: whole }];
}

/** The artist part worth searching for: the first name, without featured artists. */
function mainArtist(artist: string): string {
  return (
    artist.split(/\s*(?:,|;|\bfeat\.?|\bft\.?|\bfeaturing\b|\bwith\b|\s+x\s+)\s*/i)[0] ?? artist
  );
}

export function searchQuery(reading: Reading | undefined): string {
  if (!reading) return '';
  // Credits and non-version brackets ("[Official Music Video]", "(Put a Ring on It)") only
  // narrow a search; a version in brackets ("(Live)") helps find that version.
  const title = reading.title
    .replace(
      /[([]\s*(?:feat\.?|ft\.?|featuring|with)\s+[^)\]]*[)\]]|\s+(?:feat\.?|ft\.?|featuring)\s+[^([]*/gi,
      ' ',
    )
    .replace(/[([{]([^)\]}]*)[)\]}]/g, (whole, inner: string) =>
      versionTags(inner).size > 0 ? ` ${inner} ` : ' ',
    );
  const text = searchText(`${reading.artist ? mainArtist(reading.artist) : ''} ${title}`);
  return text.length <= MAX_QUERY_LENGTH
    ? text
    : text.slice(0, MAX_QUERY_LENGTH).replace(/ \S*$/, '');
}

/** "6 - Hozier - Take Me to Church": a number before a line that still has a separator. */
const NUMBER_DASH = /^\d{1,3}\s+[-–—]\s+(?=.*\s[-–—]\s)/;

export function parseLine(raw: string, line: number): ParsedLine | undefined {
  let text = raw.trim().replace(MARKER, '').replace(NUMBER_DASH, '');
  const input = text;
  let isrc: string | undefined;
  const found = ISRC_IN_LINE.exec(text);
  if (found && isIsrc(normalizeIsrc(found[1]!))) {
    isrc = normalizeIsrc(found[1]!);
    text = text.slice(0, found.index) + ' ' + text.slice(found.index + found[0].length);
  }
  let durationSeconds: number | undefined;
  const clock = DURATION_AT_END.exec(text.trimEnd());
  if (clock && clock.index > 0) {
    durationSeconds = seconds(clock[1], clock[2]!, clock[3]);
    text = text.trimEnd().slice(0, clock.index);
  }
  const readings = readingsOf(tidy(text, false));
  if (readings.length === 0 && isrc === undefined) return undefined;
  return {
    line,
    input,
    readings,
    ...(durationSeconds !== undefined && { durationSeconds }),
    ...(isrc !== undefined && { isrc }),
    query: searchQuery(readings[0]),
  };
}

function cell(cells: string[], index: number | undefined): string | undefined {
  const value = index === undefined ? undefined : cells[index]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function csvLine(header: CsvHeader, cells: string[], line: number): ParsedLine | undefined {
  const c = header.columns;
  const title = cell(cells, c.title);
  const artist = cell(cells, c.artist);
  const album = cell(cells, c.album);
  const rawIsrc = cell(cells, c.isrc);
  const isrc = rawIsrc && isIsrc(normalizeIsrc(rawIsrc)) ? normalizeIsrc(rawIsrc) : undefined;
  const ms = cell(cells, c.durationMs);
  const plain = cell(cells, c.duration);
  const durationSeconds =
    ms !== undefined
      ? parseDuration(ms, 'ms')
      : plain !== undefined
        ? parseDuration(plain)
        : undefined;
  if (title === undefined && isrc === undefined) return undefined;
  const readings: Reading[] = title === undefined ? [] : [artist ? { artist, title } : { title }];
  return {
    line,
    input: [artist, title].filter(Boolean).join(' - ') || (rawIsrc ?? ''),
    readings,
    ...(album !== undefined && { album }),
    ...(durationSeconds !== undefined && { durationSeconds }),
    ...(isrc !== undefined && { isrc }),
    query: searchQuery(readings[0]),
  };
}

function parseCsvText(header: CsvHeader, body: string, headerLine: number, field: string) {
  if (header.columns.title === undefined) {
    throw new TracklistError(
      field,
      `the CSV header (${header.names.join(', ')}) has no title column; name one of ${TITLE_HEADERS.slice(
        0,
        4,
      )
        .map((h) => `"${h}"`)
        .join(', ')} (or, for ISRCs alone, send one ISRC per line without a header)`,
    );
  }
  return parseCsv(body, header.delimiter, headerLine + 1)
    .map((r) => csvLine(header, r.cells, r.line))
    .filter((l): l is ParsedLine => l !== undefined);
}

/**
 * Read a tracklist from `text` (one song per line, or CSV with a header) or `lines` (one song
 * each). Throws TracklistError naming `field` for an empty list, more than MAX_LINES songs, an
 * overlong line or a CSV without a title column.
 */
export function parseTracklist(source: string | readonly string[], field = 'text'): Tracklist {
  const all =
    typeof source === 'string'
      ? source.split(/\r?\n/)
      : source.map((l) => l.replace(/[\r\n]+/g, ' '));
  const first = all.findIndex((l) => l.trim() !== '');
  const long = all.findIndex((l) => l.length > MAX_LINE_LENGTH);
  if (long >= 0) {
    throw new TracklistError(
      field,
      `line ${long + 1} is longer than ${MAX_LINE_LENGTH} characters; put one song per line`,
    );
  }
  const header = first >= 0 ? detectHeader(all[first]!) : undefined;
  const lines = header
    ? parseCsvText(header, all.slice(first + 1).join('\n'), first + 1, field)
    : all.map((l, i) => parseLine(l, i + 1)).filter((l): l is ParsedLine => l !== undefined);
  if (lines.length === 0)
    throw new TracklistError(
      field,
      'expected at least one line naming a song (e.g. "Adele - Hello")',
    );
  if (lines.length > MAX_LINES) {
    throw new TracklistError(
      field,
      `expected at most ${MAX_LINES} songs per call, got ${lines.length}; split the list into several calls`,
    );
  }
  return { format: header ? 'csv' : 'lines', lines, ...(header && { columns: header.names }) };
}
