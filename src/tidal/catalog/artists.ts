/**
 * Artists: the profile with the first page of every requested section in one request (the
 * artist resource's relationships, embedded with `include=`), later pages from the relationship
 * endpoints by cursor, and the artist's whole release list for sorting (TIDAL's albums
 * relationship has no sort or type filter, so the only way to order it is to read all of it).
 */
import { apiPath } from '../api-path.js';
import { CACHE_TTL } from '../cache.js';
import type { Album, Artist, Page, Track, Video } from '../domain.js';
import { NotFoundError } from '../errors.js';
import {
  attr,
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

/** The artist relationships a profile can embed, named as TIDAL names them. */
export type ArtistPart = 'tracks' | 'albums' | 'videos' | 'similarArtists';

export interface ArtistPartItem {
  tracks: Track;
  albums: Album;
  videos: Video;
  similarArtists: Artist;
}

/**
 * Include paths per part: the items plus what their one-line renderings need. With every part
 * and the profile's own two this is exactly TIDAL's default limit of 10 distinct resources.
 */
const PART_INCLUDES: Record<ArtistPart, readonly string[]> = {
  tracks: ['tracks', 'tracks.albums', 'tracks.artists'],
  albums: ['albums', 'albums.artists'],
  videos: ['videos', 'videos.artists'],
  similarArtists: ['similarArtists'],
};
const PROFILE_INCLUDES = ['profileArt', 'roles'];

/** The artist's release list is read whole to sort it; 10 pages is 200 releases at TIDAL's size. */
export const MAX_RELEASE_PAGES = 10;

export type ArtistProfile = {
  artist: Artist;
  /** TIDAL's artist roles (e.g. Artist, Songwriter, Producer); empty when it lists none. */
  roles: string[];
} & { [K in ArtistPart]?: Page<ArtistPartItem[K]> };

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

  /**
   * The artist (picture, roles) with the first page of each requested part: one request.
   * Embedded `tracks` come in TIDAL's popularity order; the spec gives the artist request no
   * `collapseBy`, so duplicates are collapsed however TIDAL does it there, and later pages ask
   * the relationship endpoint for FINGERPRINT explicitly.
   */
  async profile(
    artistId: string,
    parts: readonly ArtistPart[],
    ctx: CallContext,
  ): Promise<ArtistProfile> {
    const include = [...PROFILE_INCLUDES, ...parts.flatMap((part) => PART_INCLUDES[part])];
    const doc = await this.reader.get<Document<Resource>>(
      apiPath('artists', artistId),
      { include: include.join(',') },
      CACHE_TTL.catalog,
      `artist ${artistId}`,
      ctx,
    );
    const [resource] = asArray(doc.data);
    if (!resource) throw new NotFoundError(`artist ${artistId} was not found on TIDAL`);
    // The artist is primary data, never repeated in `included`, yet its tracks and albums point
    // back to it: resolve against both.
    const included = new Included(doc.included, [resource]);
    const profile: ArtistProfile = {
      artist: toArtist(resource, included),
      roles: included
        .resolve(relationshipIds(resource, 'roles'))
        .flatMap((role) => attr<string>(role, 'name') ?? []),
    };
    for (const part of parts) {
      const page: Page<unknown> = {
        items: mapRelated(relationshipIds(resource, part), included, itemType(part)),
        nextCursor: nextCursorOf(resource.relationships?.[part]?.links),
      };
      Object.assign(profile, { [part]: page });
    }
    return profile;
  }

  /** A page of one part from its relationship endpoint (no cursor: the first page). */
  async partPage<K extends ArtistPart>(
    artistId: string,
    part: K,
    cursor: string | undefined,
    ctx: CallContext,
  ): Promise<Page<ArtistPartItem[K]>> {
    const doc = await this.reader.get<Document<ResourceIdentifier[]>>(
      apiPath('artists', artistId, 'relationships', part),
      {
        // Required on this endpoint (and only here): one track per fingerprint, no duplicates.
        ...(part === 'tracks' && { collapseBy: 'FINGERPRINT' }),
        include: PART_INCLUDES[part].join(','),
        'page[cursor]': cursor,
      },
      part === 'similarArtists' ? CACHE_TTL.similar : CACHE_TTL.catalog,
      `${part === 'similarArtists' ? 'similar artists' : part} of artist ${artistId}`,
      ctx,
    );
    return {
      items: mapRelated(doc.data, new Included(doc.included), itemType(part)),
      nextCursor: nextCursorOf(doc.links),
    };
  }

  /**
   * Every release of the artist (albums, EPs, singles in TIDAL's order), continuing from the
   * first page when the caller already has it; `complete` is false past MAX_RELEASE_PAGES.
   */
  async allReleases(
    artistId: string,
    first: Page<Album> | undefined,
    ctx: CallContext,
  ): Promise<{ albums: Album[]; complete: boolean }> {
    let page = first ?? (await this.partPage(artistId, 'albums', undefined, ctx));
    const albums = [...page.items];
    for (let pages = 1; page.nextCursor !== undefined; pages++) {
      if (pages >= MAX_RELEASE_PAGES) return { albums, complete: false };
      page = await this.partPage(artistId, 'albums', page.nextCursor, ctx);
      albums.push(...page.items);
    }
    return { albums, complete: true };
  }
}

function itemType(part: ArtistPart): string {
  return part === 'similarArtists' ? 'artists' : part;
}
