/**
 * "The same recording" for keeping playlists clean: the same ISRC, or the same song name, version
 * and artists with durations within 2 s (the song on the single, the album and a compilation,
 * which TIDAL often lists under different ISRCs). Remasters and edits count as the same
 * recording; live, remix, acoustic, instrumental… versions do not.
 */
import { artistKey } from './normalize.js';
import { analyzeTitle } from './titles.js';
import { TAG_WEIGHT } from './versions.js';

export interface RecordingLike {
  id: string;
  title: string;
  version?: string;
  artists: readonly { name: string }[];
  durationSeconds?: number;
  isrc?: string;
}

/** Durations further apart than this are different recordings. */
export const SAME_RECORDING_SECONDS = 2;

/** Song name, the versions that make a different recording, and every credited artist. */
export function recordingKey(track: RecordingLike): string {
  const title = analyzeTitle(track.title, track.version);
  const versions = [...title.tags].filter((t) => TAG_WEIGHT[t] > 1).sort();
  const artists = [
    ...new Set([...track.artists.map((a) => artistKey(a.name)), ...title.featured]),
  ].sort();
  return [title.core, versions.join('+'), artists.join('+')].join('|');
}

export function sameRecording(a: RecordingLike, b: RecordingLike): boolean {
  if (a.isrc && b.isrc && a.isrc.toUpperCase() === b.isrc.toUpperCase()) return true;
  if (a.durationSeconds === undefined || b.durationSeconds === undefined) return false;
  return (
    Math.abs(a.durationSeconds - b.durationSeconds) <= SAME_RECORDING_SECONDS &&
    recordingKey(a) === recordingKey(b)
  );
}

export interface Duplicate {
  /** Position of the later copy in the list. */
  index: number;
  /** Position of the first occurrence it repeats (kept). */
  duplicateOf: number;
}

/**
 * The later copies in a list, keeping each first occurrence: by `track` (the same TIDAL track id)
 * or by `recording` (see sameRecording).
 */
export function findDuplicates(
  tracks: readonly RecordingLike[],
  by: 'track' | 'recording',
): Duplicate[] {
  const out: Duplicate[] = [];
  const firstById = new Map<string, number>();
  // Keys are computed once per track: playlists run to thousands of entries.
  const kept = new Map<string, { index: number; seconds?: number }[]>();
  const firstByIsrc = new Map<string, number>();
  tracks.forEach((track, index) => {
    const byId = firstById.get(track.id);
    if (byId !== undefined) return out.push({ index, duplicateOf: byId });
    firstById.set(track.id, index);
    if (by === 'track') return;
    const isrc = track.isrc?.toUpperCase();
    const byIsrc = isrc ? firstByIsrc.get(isrc) : undefined;
    if (byIsrc !== undefined) return out.push({ index, duplicateOf: byIsrc });
    const key = recordingKey(track);
    const seconds = track.durationSeconds;
    const same = (kept.get(key) ?? []).find(
      (k) =>
        seconds !== undefined &&
        k.seconds !== undefined &&
        Math.abs(k.seconds - seconds) <= SAME_RECORDING_SECONDS,
    );
    if (same) return out.push({ index, duplicateOf: same.index });
    if (isrc) firstByIsrc.set(isrc, index);
    kept.set(key, [...(kept.get(key) ?? []), { index, seconds }]);
  });
  return out;
}
