/**
 * The logged-in user's personal mixes. TIDAL serves each family from its own resource
 * (userDailyMixes, userDiscoveryMixes, userNewReleaseMixes); their items are playlists of type
 * MIX. These replace the relationships of /userRecommendations, which the OAS (1.10.104) marks
 * deprecated. No countryCode is documented here either.
 */
import { apiPath, buildQuery } from '../api-path.js';
import { CACHE_TTL } from '../cache.js';
import type { Page, Playlist } from '../domain.js';
import type { TidalHttp } from '../http.js';
import { type Document, Included, nextCursorOf, type ResourceIdentifier } from '../jsonapi.js';
import { toPlaylist } from '../mappers.js';
import type { UserContext } from '../playlists/index.js';

export const MIX_FAMILIES = ['daily', 'discovery', 'new_release'] as const;
export type MixFamily = (typeof MIX_FAMILIES)[number];

const RESOURCE: Record<MixFamily, string> = {
  daily: 'userDailyMixes',
  discovery: 'userDiscoveryMixes',
  new_release: 'userNewReleaseMixes',
};

export interface Mix {
  family: MixFamily;
  /** Absent when TIDAL listed the mix without including it. */
  playlist?: Playlist;
  id: string;
}

export class TidalMixes {
  constructor(private readonly http: TidalHttp) {}

  /** One page of one family's mixes, with names and sizes (include=items). */
  async page(user: UserContext, family: MixFamily, cursor?: string): Promise<Page<Mix>> {
    const query = buildQuery({ include: 'items', 'page[cursor]': cursor });
    const doc = await this.http.get<Document<ResourceIdentifier[]>>(
      `${apiPath(RESOURCE[family], 'me', 'relationships', 'items')}?${query}`,
      { auth: user.auth, ttlMs: CACHE_TTL.user, what: `your ${family} mixes`, signal: user.signal },
    );
    const included = new Included(doc.included);
    return {
      items: (doc.data ?? []).map((ref) => {
        const resource = included.get(ref.type, ref.id);
        return { family, id: ref.id, ...(resource && { playlist: toPlaylist(resource) }) };
      }),
      nextCursor: nextCursorOf(doc.links),
    };
  }
}
