/**
 * The TIDAL catalog as a source for src/matching: ISRCs through the batched lookup (20 per
 * request), searches as one request each for the first page of tracks. Both go through the
 * client, so they are cached, paced by the rate limiter and cancelled with the call.
 */
import type { MatchSource } from '../../matching/index.js';
import type { TidalCatalog } from '../../tidal/catalog/index.js';
import type { Track } from '../../tidal/domain.js';
import type { CallContext } from '../../tidal/reader.js';

export function catalogMatchSource(catalog: TidalCatalog, call: CallContext): MatchSource<Track> {
  return {
    async byIsrcs(isrcs, onProgress) {
      // Progress in ISRCs, from batches done: exact at the end, close enough on the way.
      const lookup = await catalog.tracks.byIsrcs(isrcs, call, (done, of) =>
        onProgress ? onProgress(Math.round((isrcs.length * done) / of)) : Promise.resolve(),
      );
      // An ISRC whose batch failed is absent, so its line falls back to a search by its text.
      return lookup.byIsrc;
    },
    async search(query) {
      const page = await catalog.search.first(query, ['tracks'], call);
      return page.sections.tracks?.items ?? [];
    },
  };
}
