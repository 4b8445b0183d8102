/**
 * Tracks by ISRC. One request answers up to ISRC_BATCH_SIZE ISRCs (TIDAL then returns one track
 * per ISRC, unpaginated); a single ISRC returns every track that carries it, page after page.
 */
import { isAbort } from '../../errors.js';
import { chunk } from '../batches.js';
import { CACHE_TTL } from '../cache.js';
import type { Track } from '../domain.js';
import { Included, nextCursorOf, type Document, type Resource } from '../jsonapi.js';
import { ISRC_BATCH_SIZE, isIsrc, normalizeIsrc } from '../isrc.js';
import { toTrack } from '../mappers.js';
import { asArray, type ApiReader, type CallContext } from '../reader.js';

const TRACK_INCLUDE = 'albums,artists';
/** A single ISRC rarely maps to more than a handful of tracks; stop following pages here. */
const MAX_TRACKS_PER_ISRC = 100;

export interface IsrcLookup {
  /** Normalised ISRC -> its tracks in TIDAL's order; ISRCs without a track are absent. */
  byIsrc: Map<string, Track[]>;
  /** A single ISRC had more tracks than are listed (more than MAX_TRACKS_PER_ISRC, or a later page failed). */
  truncated: boolean;
  /** Valid ISRCs not looked up because a later request failed; `error` says why. */
  unchecked: string[];
  error?: unknown;
}

export class TracksApi {
  constructor(private readonly reader: ApiReader) {}

  /**
   * Tracks for any number of ISRCs (normalised and de-duplicated here; malformed ones are never
   * sent), in batches of ISRC_BATCH_SIZE. `onBatch` reports progress after each batch: batches
   * done and in all, ISRCs done and in all.
   */
  async byIsrcs(
    isrcs: readonly string[],
    ctx: CallContext,
    onBatch?: (batches: number, of: number, isrcs: number, ofIsrcs: number) => Promise<void>,
  ): Promise<IsrcLookup> {
    const valid = [...new Set(isrcs.map(normalizeIsrc).filter(isIsrc))];
    const byIsrc = new Map<string, Track[]>();
    let truncated = false;
    let error: unknown;
    const batches = chunk(valid, ISRC_BATCH_SIZE);
    for (const [index, batch] of batches.entries()) {
      let result: Awaited<ReturnType<TracksApi['batch']>>;
      try {
        result = await this.batch(batch, ctx);
      } catch (failure) {
        // Nothing looked up yet: the call failed. Otherwise keep what was found.
        if (index === 0 || isAbort(failure)) throw failure;
        return { byIsrc, truncated, unchecked: batches.slice(index).flat(), error: failure };
      }
      truncated ||= result.truncated;
      error ??= result.error;
      for (const track of result.tracks) {
        const key = track.isrc ? normalizeIsrc(track.isrc) : undefined;
        if (key !== undefined) byIsrc.set(key, [...(byIsrc.get(key) ?? []), track]);
      }
      const done = Math.min((index + 1) * ISRC_BATCH_SIZE, valid.length);
      if (batches.length > 1) await onBatch?.(index + 1, batches.length, done, valid.length);
    }
    return { byIsrc, truncated, unchecked: [], ...(error !== undefined && { error }) };
  }

  /** One batch: a single request, or for a single ISRC its pages (bounded). */
  private async batch(
    isrcs: readonly string[],
    ctx: CallContext,
  ): Promise<{ tracks: Track[]; truncated: boolean; error?: unknown }> {
    const tracks: Track[] = [];
    let cursor: string | undefined;
    do {
      let doc: Document<Resource[]>;
      try {
        doc = await this.reader.get<Document<Resource[]>>(
          '/tracks',
          { 'filter[isrc]': isrcs, include: TRACK_INCLUDE, 'page[cursor]': cursor },
          CACHE_TTL.catalog,
          isrcs.length === 1 ? `tracks with ISRC ${isrcs[0]}` : `tracks for ${isrcs.length} ISRCs`,
          ctx,
        );
      } catch (error) {
        // A later page of one ISRC's tracks: keep the pages already read.
        if (cursor === undefined || isAbort(error)) throw error;
        return { tracks, truncated: true, error };
      }
      const included = new Included(doc.included);
      tracks.push(...asArray(doc.data).map((resource) => toTrack(resource, included)));
      // Several ISRCs: TIDAL does not paginate, so any cursor is ignored on purpose.
      cursor = isrcs.length === 1 ? nextCursorOf(doc.links) : undefined;
    } while (cursor !== undefined && tracks.length < MAX_TRACKS_PER_ISRC);
    return { tracks: tracks.slice(0, MAX_TRACKS_PER_ISRC), truncated: cursor !== undefined };
  }
}
