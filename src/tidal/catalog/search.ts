/**
 * Search: one request returns the search resource with the first page of every requested type,
 * in full (`include=`); later pages of one type come from its relationship by cursor.
 */
import { apiPath } from '../api-path.js';
import { CACHE_TTL } from '../cache.js';
import type { Album, Artist, Page, Playlist, Track, Video } from '../domain.js';
import { NotFoundError } from '../errors.js';
import {
  type Document,
  Included,
  nextCursorOf,
  relationshipIds,
  type Resource,
  type ResourceIdentifier,
} from '../jsonapi.js';
import { type ApiReader, asArray, type CallContext, mapRelated } from '../reader.js';

export const SEARCH_TYPES = ['tracks', 'albums', 'artists', 'videos', 'playlists'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export interface SearchItemByType {
  tracks: Track;
  albums: Album;
  artists: Artist;
  videos: Video;
  playlists: Playlist;
}

export interface SearchFirstPage {
  searchId: string;
  didYouMean?: string;
  sections: { [K in SearchType]?: Page<SearchItemByType[K]> };
}

/** Include paths per search type: the items plus what a one-line rendering needs. */
const SEARCH_INCLUDES: Record<SearchType, string[]> = {
  tracks: ['tracks', 'tracks.artists', 'tracks.albums'],
  albums: ['albums', 'albums.artists'],
  artists: ['artists'],
  videos: ['videos', 'videos.artists'],
  playlists: ['playlists'],
};

/**
 * Artwork rides along in the same request (cover and picture URLs for the structured output)
 * while the include stays within TIDAL's default limit of 10 distinct resources; with every
 * type asked for, only album covers fit.
 */
const ARTWORK_INCLUDES: [SearchType, string][] = [
  ['albums', 'albums.coverArt'],
  ['artists', 'artists.profileArt'],
];
const MAX_INCLUDE_RESOURCES = 10;

export function searchInclude(types: readonly SearchType[]): string[] {
  const paths = types.flatMap((type) => SEARCH_INCLUDES[type]);
  for (const [type, path] of ARTWORK_INCLUDES) {
    if (types.includes(type) && paths.length < MAX_INCLUDE_RESOURCES) paths.push(path);
  }
  return paths;
}

export class SearchApi {
  constructor(private readonly reader: ApiReader) {}

  /** One request: the search resource plus the first page of every requested type, in full. */
  async first(
    query: string,
    types: readonly SearchType[],
    ctx: CallContext,
  ): Promise<SearchFirstPage> {
    const include = searchInclude(types).join(',');
    const doc = await this.reader.get<Document<Resource[]>>(
      '/searchResults',
      { 'filter[query]': query, include },
      CACHE_TTL.search,
      `search "${query}"`,
      ctx,
    );
    const [result] = asArray(doc.data);
    if (!result) throw new NotFoundError(`search "${query}" returned no result document`);
    const included = new Included(doc.included);
    const sections: SearchFirstPage['sections'] = {};
    for (const type of types) {
      const page: Page<unknown> = {
        items: mapRelated(relationshipIds(result, type), included, type),
        nextCursor: nextCursorOf(result.relationships?.[type]?.links),
      };
      Object.assign(sections, { [type]: page });
    }
    const didYouMean = result.attributes?.didYouMean;
    return {
      searchId: result.id,
      sections,
      ...(typeof didYouMean === 'string' && didYouMean !== '' ? { didYouMean } : {}),
    };
  }

  /** A page of one result type of an earlier search (no cursor: the first page). */
  async page<K extends SearchType>(
    searchId: string,
    type: K,
    cursor: string | undefined,
    ctx: CallContext,
  ): Promise<Page<SearchItemByType[K]>> {
    const doc = await this.reader.get<Document<ResourceIdentifier[]>>(
      apiPath('searchResults', searchId, 'relationships', type),
      { include: searchInclude([type]).join(','), 'page[cursor]': cursor },
      CACHE_TTL.search,
      `more ${type} for an earlier search`,
      ctx,
    );
    return {
      items: mapRelated(doc.data, new Included(doc.included), type),
      nextCursor: nextCursorOf(doc.links),
    };
  }
}
