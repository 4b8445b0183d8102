/**
 * The logged-in user's favorites ("My Collection"), one collection per kind: pages newest first
 * with the date each item was added, and writes of at most 50 ids, each request with its own
 * Idempotency-Key so the retry layer may repeat it safely. These endpoints document no
 * countryCode, so they go through TidalHttp directly instead of ApiReader (which always adds one).
 */

import { apiPath, buildQuery } from '../api-path.js';
import { CACHE_TTL } from '../cache.js';
import type { Album, Artist, Page, Playlist, Track, Video } from '../domain.js';
import type { TidalHttp } from '../http.js';
import { newIdempotencyKey } from '../idempotency.js';
import { type Document, Included, nextCursorOf, type ResourceIdentifier } from '../jsonapi.js';
import type { UserContext } from '../playlists/index.js';
import { mapItem } from '../reader.js';

export const COLLECTION_KINDS = ['tracks', 'albums', 'artists', 'videos', 'playlists'] as const;
export type CollectionKind = (typeof COLLECTION_KINDS)[number];

/** TIDAL's most ids per add or remove request (OAS maxItems). */
export const FAVORITES_BATCH_SIZE = 50;

const RESOURCE: Record<CollectionKind, string> = {
  tracks: 'userCollectionTracks',
  albums: 'userCollectionAlbums',
  artists: 'userCollectionArtists',
  videos: 'userCollectionVideos',
  playlists: 'userCollectionPlaylists',
};

/** Enough to render a line per item (artists, a track's album) in the same request. */
const INCLUDE: Record<CollectionKind, string> = {
  tracks: 'items,items.artists,items.albums',
  albums: 'items,items.artists',
  artists: 'items',
  videos: 'items,items.artists',
  playlists: 'items',
};

export type FavoriteItem = Track | Album | Artist | Video | Playlist;

export interface Favorite {
  id: string;
  addedAt?: string;
  /** Absent when TIDAL did not include it (e.g. no longer available in the user's country). */
  item?: FavoriteItem;
}

export interface FavoritesWrite {
  /** Ids TIDAL added, with the time it recorded. */
  added: { id: string; addedAt?: string }[];
  /** Ids TIDAL did not add, with its reason (ALREADY_PRESENT, NOT_FOUND, ...). */
  skipped: { id: string; reason: string }[];
}

interface AddResponse {
  data?: ResourceIdentifier[];
  meta?: { skipped?: { id?: string; reason?: string }[] };
}

export class TidalCollections {
  constructor(private readonly http: TidalHttp) {}

  private itemsPath(kind: CollectionKind): string {
    return apiPath(RESOURCE[kind], 'me', 'relationships', 'items');
  }

  /** One page of favorites, most recently added first. */
  async page(user: UserContext, kind: CollectionKind, cursor?: string): Promise<Page<Favorite>> {
    const query = buildQuery({ include: INCLUDE[kind], sort: '-addedAt', 'page[cursor]': cursor });
    const doc = await this.http.get<Document<ResourceIdentifier[]>>(
      `${this.itemsPath(kind)}?${query}`,
      {
        auth: user.auth,
        ttlMs: CACHE_TTL.user,
        what: `your favorite ${kind}`,
        signal: user.signal,
        fresh: user.fresh,
      },
    );
    const included = new Included(doc.included);
    return {
      items: (doc.data ?? []).map((ref) => {
        const resource = included.get(ref.type, ref.id);
        const item = resource
          ? (mapItem(resource, included) as FavoriteItem | undefined)
          : undefined;
        const addedAt = typeof ref.meta?.addedAt === 'string' ? ref.meta.addedAt : undefined;
        return { id: ref.id, ...(addedAt && { addedAt }), ...(item && { item }) };
      }),
      nextCursor: nextCursorOf(doc.links),
    };
  }

  /** One POST of at most FAVORITES_BATCH_SIZE ids. */
  async add(
    user: UserContext,
    kind: CollectionKind,
    ids: readonly string[],
  ): Promise<FavoritesWrite> {
    try {
      const result = await this.http.send<AddResponse>(
        'POST',
        this.itemsPath(kind),
        { data: ids.map((id) => ({ type: kind, id })) },
        this.writeOptions(user, kind),
      );
      return {
        added: (result.body?.data ?? []).map((ref) => ({
          id: ref.id,
          ...(typeof ref.meta?.addedAt === 'string' && { addedAt: ref.meta.addedAt }),
        })),
        skipped: (result.body?.meta?.skipped ?? []).flatMap((s) =>
          s.id === undefined ? [] : [{ id: s.id, reason: s.reason ?? 'NOT_FOUND' }],
        ),
      };
    } finally {
      await this.invalidate(user, kind);
    }
  }

  /** One DELETE of at most FAVORITES_BATCH_SIZE ids. */
  async remove(user: UserContext, kind: CollectionKind, ids: readonly string[]): Promise<void> {
    try {
      await this.http.send(
        'DELETE',
        this.itemsPath(kind),
        { data: ids.map((id) => ({ type: kind, id })) },
        this.writeOptions(user, kind),
      );
    } finally {
      await this.invalidate(user, kind);
    }
  }

  private writeOptions(user: UserContext, kind: CollectionKind) {
    // One key per request: TIDAL replays the first response if the retry layer sends it again.
    return {
      auth: user.auth,
      what: `your favorite ${kind}`,
      signal: user.signal,
      idempotencyKey: newIdempotencyKey(),
    };
  }

  /** Our write changed this collection: drop its cached pages (nothing else). */
  private async invalidate(user: UserContext, kind: CollectionKind): Promise<void> {
    const prefix = `${await user.auth.cacheScope()} /${RESOURCE[kind]}/`;
    this.http.cache.invalidate((key) => key.startsWith(prefix));
  }
}
