/** Artists and their similar artists: the artist with the first page in one request. */
import { apiPath } from '../api-path.js';
import { CACHE_TTL } from '../cache.js';
import type { Artist, Page } from '../domain.js';
import { NotFoundError } from '../errors.js';
import {
  type Document,
  Included,
  nextCursorOf,
  relationshipIds,
  type Resource,
  type ResourceIdentifier,
} from '../jsonapi.js';
import { toArtist } from '../mappers.js';
import { type ApiReader, asArray, type CallContext, mapRelated } from '../reader.js';

export interface ArtistWithSimilar {
  artist: Artist;
  similar: Page<Artist>;
}

export class ArtistsApi {
  constructor(private readonly reader: ApiReader) {}

  /** The artist and the first page of similar artists with their names: one request. */
  async withSimilar(artistId: string, ctx: CallContext): Promise<ArtistWithSimilar> {
    const doc = await this.reader.get<Document<Resource>>(
      apiPath('artists', artistId),
      { include: 'similarArtists' },
      CACHE_TTL.similar,
      `artist ${artistId}`,
      ctx,
    );
    const [resource] = asArray(doc.data);
    if (!resource) throw new NotFoundError(`artist ${artistId} was not found on TIDAL`);
    const included = new Included(doc.included);
    return {
      artist: toArtist(resource, included),
      similar: {
        items: mapRelated(relationshipIds(resource, 'similarArtists'), included, 'artists'),
        nextCursor: nextCursorOf(resource.relationships?.similarArtists?.links),
      },
    };
  }

  /** A page of similar artists (no cursor: the first page). */
  async similarPage(
    artistId: string,
    cursor: string | undefined,
    ctx: CallContext,
  ): Promise<Page<Artist>> {
    const doc = await this.reader.get<Document<ResourceIdentifier[]>>(
      apiPath('artists', artistId, 'relationships', 'similarArtists'),
      { include: 'similarArtists', 'page[cursor]': cursor },
      CACHE_TTL.similar,
      `artists similar to ${artistId}`,
      ctx,
    );
    return {
      items: mapRelated(doc.data, new Included(doc.included), 'artists'),
      nextCursor: nextCursorOf(doc.links),
    };
  }
}
