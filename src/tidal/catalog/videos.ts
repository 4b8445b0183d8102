/** Videos: which of some ids are TIDAL videos (to tell a video id from an unknown track id). */
import { chunk } from '../batches.js';
import { CACHE_TTL } from '../cache.js';
import type { Document, Resource } from '../jsonapi.js';
import { type ApiReader, asArray, type CallContext } from '../reader.js';

/** filter[id] takes several values per request; 20 is the cap third-party clients keep to. */
const IDS_PER_REQUEST = 20;

export class VideosApi {
  constructor(private readonly reader: ApiReader) {}

  /** The subset of `ids` that are videos, in ceil(n/20) requests. */
  async which(ids: readonly string[], ctx: CallContext): Promise<Set<string>> {
    const found = new Set<string>();
    for (const batch of chunk([...new Set(ids)], IDS_PER_REQUEST)) {
      const doc = await this.reader.get<Document<Resource[]>>(
        '/videos',
        { 'filter[id]': batch },
        CACHE_TTL.catalog,
        batch.length === 1 ? `video ${batch[0]}` : `${batch.length} videos`,
        ctx,
      );
      for (const video of asArray(doc.data)) found.add(video.id);
    }
    return found;
  }
}
