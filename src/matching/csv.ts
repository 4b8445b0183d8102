/**
 * CSV tracklists: Exportify/Spotify exports, Apple Music and TuneMyMusic exports, spreadsheets
 * (comma, semicolon or tab separated), and hand-written `artist,title` lists. Fields may be quoted
 * ("Earth, Wind & Fire") with doubled quotes inside and line breaks inside quotes.
 */

export interface CsvRecord {
  /** 1-based line of the text where the record starts. */
  line: number;
  cells: string[];
}

/** Split CSV text into records. Never throws: a stray quote runs to the end, as spreadsheets do. */
export function parseCsv(text: string, delimiter: string, firstLine = 1): CsvRecord[] {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = firstLine;
  let start = firstLine;
  const endRecord = () => {
    cells.push(cell);
    if (cells.some((c) => c.trim() !== '')) records.push({ line: start, cells });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (c === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (c === '\n') {
      endRecord();
      start = ++line;
    } else if (c !== '\r') cell += c;
  }
  endRecord();
  return records;
}

export type Column = 'title' | 'artist' | 'album' | 'isrc' | 'durationMs' | 'duration';

/** Header names per column, lower case (Exportify first). */
const HEADERS: Record<Column, string[]> = {
  title: ['track name', 'title', 'track', 'song', 'song name', 'track title', 'song title', 'name'],
  artist: [
    'artist name(s)',
    'artist',
    'artists',
    'artist name',
    'artist names',
    'artist(s)',
    'performer',
  ],
  album: ['album name', 'album', 'album title', 'release'],
  isrc: ['isrc', 'track isrc'],
  durationMs: ['duration (ms)', 'track duration (ms)', 'duration_ms', 'duration ms'],
  duration: ['duration', 'length', 'time', 'track duration'],
};

const norm = (h: string) => h.trim().toLowerCase().replace(/\s+/g, ' ');

export function columnOf(header: string): Column | undefined {
  const h = norm(header);
  return (Object.keys(HEADERS) as Column[]).find((c) => HEADERS[c].includes(h));
}

export const TITLE_HEADERS = HEADERS.title;

export interface CsvHeader {
  delimiter: string;
  names: string[];
  /** Column -> cell index (the first such column wins). */
  columns: Partial<Record<Column, number>>;
}

/**
 * A header line: at least two cells split by one delimiter, at least one a known header name. A
 * plain line like "Earth, Wind & Fire - September" is not a header.
 */
export function detectHeader(line: string): CsvHeader | undefined {
  for (const delimiter of ['\t', ';', ',']) {
    const [record] = parseCsv(line, delimiter);
    const names = record?.cells ?? [];
    if (names.length < 2) continue;
    const columns: Partial<Record<Column, number>> = {};
    names.forEach((name, i) => {
      const column = columnOf(name);
      if (column !== undefined && columns[column] === undefined) columns[column] = i;
    });
    if (Object.keys(columns).length > 0)
      return { delimiter, names: names.map((n) => n.trim()), columns };
  }
  return undefined;
}
