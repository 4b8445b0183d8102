/**
 * Tracks by ISRC. One request answers up to ISRC_BATCH_SIZE ISRCs (TIDAL then returns one track
 * per ISRC, unpaginated); a single ISRC returns every track that carries it, page after page.
 */
import { isAbort } from '../../errors.js';
import { apiPath } from '../api-path.js';
import { chunk } from '../batches.js';
import { CACHE_TTL } from '../cache.js';
import { mapSettled } from '../concurrency.js';
import type { Track } from '../domain.js';
import { NotFoundError } from '../errors.js';
import { isIsrc, ISRC_BATCH_SIZE, normalizeIsrc } from '../isrc.js';
import { type Document, Included, nextCursorOf, type Resource } from '../jsonapi.js';
import { toTrack } from '../mappers.js';
import { type ApiReader, asArray, type CallContext } from '../reader.js';

const TRACK_INCLUDE = 'albums,artists';
/** A single ISRC rarely maps to more than a handful of tracks; stop following pages here. */
const MAX_TRACKS_PER_ISRC = 100;

export interface IsrcLookup {
  /** Normalised ISRC -> its tracks in TIDAL's order; ISRCs without a track are absent. */
  byIsrc: Map<string, Track[]>;
  /** A single ISRC had more tracks than are listed (more than MAX_TRACKS_PER_ISRC, or a later page failed). */
  truncated: boolean;
  /** Normalised ISRC -> why its batch failed; the other batches' answers are kept. */
  failed: Map<string, unknown>;
  /** Why a later page of a single ISRC's tracks failed (the pages read are kept; truncated). */
  error?: unknown;
}

export class TracksApi {
  constructor(private readonly reader: ApiReader) {}

  /**
   * Tracks for any number of ISRCs (normalised and de-duplicated here; malformed ones are never
   * sent), in batches of ISRC_BATCH_SIZE sent side by side (mapSettled; the rate limiter paces
   * them). A failed batch is reported per ISRC without losing the others. `onBatch` reports
   * progress as batches finish (in whatever order they do): batches done and in all.
   */
  async byIsrcs(
    isrcs: readonly string[],
    ctx: CallContext,
    onBatch?: (done: number, of: number) => Promise<void>,
  ): Promise<IsrcLookup> {
    const valid = [...new Set(isrcs.map(normalizeIsrc).filter(isIsrc))];
    const batches = chunk(valid, ISRC_BATCH_SIZE);
    let done = 0;
    const settled = await mapSettled(
      batches,
      async (batch, _index, signal) => {
        try {
          return await this.batch(batch, { ...ctx, signal });
        } finally {
          done += 1;
          if (batches.length > 1) await onBatch?.(done, batches.length);
        }
      },
      { signal: ctx.signal },
    );
    const lookup: IsrcLookup = { byIsrc: new Map(), truncated: false, failed: new Map() };
    for (const [index, outcome] of settled.entries()) {
      if (!outcome.ok) {
        for (const isrc of batches[index] ?? []) lookup.failed.set(isrc, outcome.error);
        continue;
      }
      lookup.truncated ||= outcome.value.truncated;
      lookup.error ??= outcome.value.error;
      for (const track of outcome.value.tracks) {
        const key = track.isrc ? normalizeIsrc(track.isrc) : undefined;
        if (key !== undefined) lookup.byIsrc.set(key, [...(lookup.byIsrc.get(key) ?? []), track]);
      }
    }
    return lookup;
  }

  /** One track with its album and artists: one request. */
  async get(trackId: string, ctx: CallContext): Promise<Track> {
    const doc = await this.reader.get<Document<Resource>>(
      apiPath('tracks', trackId),
      { include: TRACK_INCLUDE },
      CACHE_TTL.catalog,
      `track ${trackId}`,
      ctx,
    );
    const [resource] = asArray(doc.data);
    if (!resource) throw new NotFoundError(`track ${trackId} was not found on TIDAL`);
    return toTrack(resource, new Included(doc.included));
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
