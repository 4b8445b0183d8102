/**
 * Ids and ISRCs of the evaluation catalog, derived from the definitions' order alone (no random
 * numbers), so the evaluation lines can name tracks by key and the catalog pass and the checks
 * always agree. Own ranges: artists 3800001+, albums 130000001+, tracks 230000001+.
 */
import { EVAL_ALBUMS } from './albums.js';
import { EVAL_ARTISTS } from './songs.js';

export const EVAL_RANGES = {
  artists: [3_800_001, 3_899_999],
  albums: [130_000_001, 130_999_999],
  tracks: [230_000_001, 230_999_999],
} as const;

export function inEvalRange(kind: keyof typeof EVAL_RANGES, id: string): boolean {
  const [from, to] = EVAL_RANGES[kind];
  const n = Number(id);
  return n >= from && n <= to;
}

export interface EvalIds {
  artists: Map<string, string>;
  albums: Map<string, string>;
  tracks: Map<string, string>;
  isrcs: Map<string, string>;
}

let cached: EvalIds | undefined;

export function evalIds(): EvalIds {
  if (cached) return cached;
  const ids: EvalIds = {
    artists: new Map(),
    albums: new Map(),
    tracks: new Map(),
    isrcs: new Map(),
  };
  Object.keys(EVAL_ARTISTS).forEach((key, i) =>
    ids.artists.set(key, String(EVAL_RANGES.artists[0] + i)),
  );
  let track = EVAL_RANGES.tracks[0];
  let isrc = 1;
  EVAL_ALBUMS.forEach((album, i) => {
    if (ids.albums.has(album.key)) throw new Error(`duplicate eval album key ${album.key}`);
    ids.albums.set(album.key, String(EVAL_RANGES.albums[0] + i));
    const yy = album.date.slice(2, 4);
    for (const t of album.tracks) {
      if (ids.tracks.has(t.key)) throw new Error(`duplicate eval track key ${t.key}`);
      ids.tracks.set(t.key, String(track++));
      const shared = t.sameAs === undefined ? undefined : ids.isrcs.get(t.sameAs);
      ids.isrcs.set(t.key, shared ?? `QZEVL${yy}${String(isrc++).padStart(5, '0')}`);
    }
  });
  cached = ids;
  return ids;
}

/** The track id for a key; throws on a typo so a broken evaluation line cannot pass silently. */
export function evalTrackId(key: string): string {
  const id = evalIds().tracks.get(key);
  if (id === undefined) throw new Error(`no eval track "${key}"`);
  return id;
}

export function evalIsrc(key: string): string {
  const isrc = evalIds().isrcs.get(key);
  if (isrc === undefined) throw new Error(`no eval track "${key}"`);
  return isrc;
}
