/**
 * In which countries given tracks can be played. TIDAL answers a catalog request in one country
 * at a time and leaves out what is not available there, so each country costs one batch request
 * per 20 track ids (`GET /tracks?filter[id]=…`, ids only, no includes: the smallest answer). The
 * requests go through the client like any other: cached, paced by the rate limiter, retried.
 */
import { chunk } from '../batches.js';
import { CACHE_TTL } from '../cache.js';
import { type Document, nextCursorOf, type Resource } from '../jsonapi.js';
import { type ApiReader, asArray, type CallContext } from '../reader.js';

/** The filter[id] batch size clients observe to work; TIDAL documents no limit. */
export const TRACK_ID_BATCH_SIZE = 20;
/** A batch of 20 ids fits one page; a few more guard against a smaller page size. */
const MAX_PAGES_PER_BATCH = 5;

export class AvailabilityApi {
  constructor(private readonly reader: ApiReader) {}

  /** Country -> the ids among `trackIds` that TIDAL serves there. Requests run concurrently. */
  async ofTracks(
    trackIds: readonly string[],
    countries: readonly string[],
    ctx: Omit<CallContext, 'country'>,
  ): Promise<Map<string, Set<string>>> {
    const batches = chunk([...new Set(trackIds)], TRACK_ID_BATCH_SIZE);
    const found = new Map<string, Set<string>>(countries.map((c) => [c, new Set<string>()]));
    await Promise.all(
      countries.flatMap((country) =>
        batches.map(async (batch) => {
          for (const id of await this.available(batch, { ...ctx, country })) {
            found.get(country)?.add(id);
          }
        }),
      ),
    );
    return found;
  }

  private async available(ids: string[], ctx: CallContext): Promise<string[]> {
    const out: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES_PER_BATCH; page++) {
      const doc = await this.reader.get<Document<Resource[]>>(
        '/tracks',
        { 'filter[id]': ids, 'page[cursor]': cursor },
        CACHE_TTL.catalog,
        `availability of ${ids.length} track${ids.length === 1 ? '' : 's'} in ${ctx.country}`,
        ctx,
      );
      out.push(...asArray(doc.data).map((track) => track.id));
      cursor = nextCursorOf(doc.links);
      if (cursor === undefined) break;
    }
    return out;
  }
}
