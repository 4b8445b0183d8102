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
      const lookup = await catalog.tracks.byIsrcs(isrcs, call, (_b, _of, done) =>
        onProgress ? onProgress(done) : Promise.resolve(),
      );
      return lookup.byIsrc;
    },
    async search(query) {
      const page = await catalog.search.first(query, ['tracks'], call);
      return page.sections.tracks?.items ?? [];
    },
  };
}
