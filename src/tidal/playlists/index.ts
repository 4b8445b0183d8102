/**
 * The user's playlists: reads (cached briefly, per user) and writes (never cached; every write
 * carries an Idempotency-Key so the retry layer may repeat it safely, and invalidates this
 * user's cached playlist reads). Batch sizes are TIDAL's: 50 per add/remove, 20 per reorder.
 */

import { apiPath, buildQuery } from '../api-path.js';
import { CACHE_TTL } from '../cache.js';
import type { Page, Playlist } from '../domain.js';
import type { TidalHttp } from '../http.js';
import {
  type Document,
  Included,
  nextCursorOf,
  relationshipIds,
  type Resource,
  type ResourceIdentifier,
} from '../jsonapi.js';
import { toPlaylist } from '../mappers.js';
import { entriesFrom, type PlaylistEntry } from './entries.js';

export type { PlaylistEntry } from './entries.js';
import { newIdempotencyKey } from '../idempotency.js';
import type { CallContext } from '../reader.js';
import type { TokenProvider } from '../token-provider.js';

export const ADD_BATCH_SIZE = 50;
export const REMOVE_BATCH_SIZE = 50;
export const REORDER_BATCH_SIZE = 20;
/** Enough for any playlist a person curates by hand (100 pages of TIDAL's 20). */
const MAX_ITEM_PAGES = 100;
// items.albums: the album and its release date on every track line, in the same request.
const ITEMS_INCLUDE = 'items,items.artists,items.albums';

/** A call on the logged-in user's behalf: their token is required. */
export interface UserContext extends CallContext {
  auth: TokenProvider;
  /**
   * Read past the cache: what a write is about to be decided on (duplicates, ownership, entry
   * handles) must be TIDAL's current state, not a copy from a minute ago.
   */
  fresh?: boolean;
}

export interface PlaylistWithEntries {
  playlist: Playlist;
  entries: Page<PlaylistEntry>;
}

export interface AddResult {
  added: { id: string; itemId: string }[];
  skipped: { id: string; reason: string }[];
}

export type PlaylistAttributes = {
  name?: string;
  description?: string;
  accessType?: 'PUBLIC' | 'UNLISTED';
};

export class TidalPlaylists {
  constructor(private readonly http: TidalHttp) {}

  private async read<T>(
    user: UserContext,
    path: string,
    query: Record<string, string | string[] | undefined>,
    what: string,
  ): Promise<T> {
    const qs = buildQuery({ countryCode: user.country, ...query });
    return this.http.get<T>(`${path}?${qs}`, {
      auth: user.auth,
      ttlMs: CACHE_TTL.user,
      what,
      signal: user.signal,
      fresh: user.fresh,
    });
  }

  /** The user's own playlists, most recently changed first. */
  async listMine(user: UserContext, cursor?: string): Promise<Page<Playlist>> {
    const doc = await this.read<Document<Resource[]>>(
      user,
      '/playlists',
      { 'filter[owners.id]': 'me', sort: '-lastModifiedAt', 'page[cursor]': cursor },
      'your playlists',
    );
    return { items: doc.data.map(toPlaylist), nextCursor: nextCursorOf(doc.links) };
  }

  /**
   * A playlist with its first page of entries and its owners' user ids, in one request. No
   * recording shows TIDAL accepting filter[owners.id] combined with filter[id], so ownership is
   * read from the playlist's own `owners` relationship instead (empty when TIDAL withholds it).
   */
  async getWithOwners(
    user: UserContext,
    playlistId: string,
  ): Promise<PlaylistWithEntries & { ownerIds: string[] }> {
    const doc = await this.read<Document<Resource>>(
      user,
      apiPath('playlists', playlistId),
      { include: `${ITEMS_INCLUDE},owners` },
      `playlist ${playlistId}`,
    );
    const ownerIds = relationshipIds(doc.data, 'owners').map((ref) => ref.id);
    return { ...this.withEntries(doc.data, doc.included), ownerIds };
  }

  /** Whether the playlist is among the user's own, by listing them (filter[owners.id]=me alone). */
  async isMine(user: UserContext, playlistId: string, maxPages = 10): Promise<boolean> {
    let cursor: string | undefined;
    for (let page = 0; page < maxPages; page++) {
      const mine = await this.listMine(user, cursor);
      if (mine.items.some((p) => p.id === playlistId)) return true;
      cursor = mine.nextCursor;
      if (cursor === undefined) return false;
    }
    return false;
  }

  private withEntries(resource: Resource, included: Resource[] | undefined): PlaylistWithEntries {
    return {
      playlist: toPlaylist(resource),
      entries: {
        items: entriesFrom(relationshipIds(resource, 'items'), new Included(included)),
        nextCursor: nextCursorOf(resource.relationships?.items?.links),
      },
    };
  }

  async entriesPage(
    user: UserContext,
    playlistId: string,
    cursor: string,
  ): Promise<Page<PlaylistEntry>> {
    const doc = await this.read<Document<ResourceIdentifier[]>>(
      user,
      apiPath('playlists', playlistId, 'relationships', 'items'),
      { include: ITEMS_INCLUDE, 'page[cursor]': cursor },
      `entries of playlist ${playlistId}`,
    );
    return {
      items: entriesFrom(doc.data, new Included(doc.included)),
      nextCursor: nextCursorOf(doc.links),
    };
  }

  /** Every entry, in playlist order, starting from an already fetched first page. */
  async allEntries(
    user: UserContext,
    playlistId: string,
    first: Page<PlaylistEntry>,
  ): Promise<{ entries: PlaylistEntry[]; complete: boolean }> {
    const entries = [...first.items];
    let cursor = first.nextCursor;
    for (let pages = 1; cursor !== undefined && pages < MAX_ITEM_PAGES; pages++) {
      const page = await this.entriesPage(user, playlistId, cursor);
      entries.push(...page.items);
      cursor = page.nextCursor;
    }
    return { entries, complete: cursor === undefined };
  }

  async create(
    user: UserContext,
    attributes: PlaylistAttributes & { name: string },
  ): Promise<Playlist> {
    const result = await this.http.send<Document<Resource>>(
      'POST',
      '/playlists',
      { data: { type: 'playlists', attributes } },
      this.writeOptions(user, 'a new playlist'),
    );
    await this.invalidate(user);
    if (!result.body?.data)
      throw new TypeError('TIDAL returned no playlist for the create request');
    return toPlaylist(result.body.data);
  }

  async update(
    user: UserContext,
    playlistId: string,
    attributes: PlaylistAttributes,
  ): Promise<void> {
    await this.http.send(
      'PATCH',
      apiPath('playlists', playlistId),
      { data: { id: playlistId, type: 'playlists', attributes } },
      this.writeOptions(user, `playlist ${playlistId}`),
    );
    await this.invalidate(user);
  }

  async delete(user: UserContext, playlistId: string): Promise<void> {
    await this.http.send(
      'DELETE',
      apiPath('playlists', playlistId),
      undefined,
      this.writeOptions(user, `playlist ${playlistId}`),
    );
    await this.invalidate(user);
  }

  /** One POST of at most ADD_BATCH_SIZE items. */
  async addBatch(
    user: UserContext,
    playlistId: string,
    trackIds: readonly string[],
    positionBefore?: string,
  ): Promise<AddResult> {
    const body = {
      data: trackIds.map((id) => ({ type: 'tracks', id })),
      ...(positionBefore !== undefined && { meta: { positionBefore } }),
    };
    try {
      const result = await this.http.send<{
        data?: ResourceIdentifier[];
        meta?: { skipped?: { id: string; reason?: string }[] };
      }>(
        'POST',
        // The spec documents no query parameter here (not even countryCode).
        apiPath('playlists', playlistId, 'relationships', 'items'),
        body,
        this.writeOptions(user, `playlist ${playlistId}`),
      );
      return {
        added: (result.body?.data ?? []).map((ref) => ({
          id: ref.id,
          itemId: typeof ref.meta?.itemId === 'string' ? ref.meta.itemId : '',
        })),
        skipped: (result.body?.meta?.skipped ?? []).map((s) => ({
          id: s.id,
          reason: s.reason ?? 'NOT_FOUND',
        })),
      };
    } finally {
      await this.invalidate(user);
    }
  }

  /** One DELETE of at most REMOVE_BATCH_SIZE entries. */
  async removeBatch(
    user: UserContext,
    playlistId: string,
    entries: readonly PlaylistEntry[],
  ): Promise<void> {
    try {
      await this.http.send(
        'DELETE',
        apiPath('playlists', playlistId, 'relationships', 'items'),
        { data: entries.map((e) => ({ type: e.type, id: e.id, meta: { itemId: e.itemId } })) },
        this.writeOptions(user, `playlist ${playlistId}`),
      );
    } finally {
      await this.invalidate(user);
    }
  }

  /** One PATCH moving at most REORDER_BATCH_SIZE entries before `positionBefore` (or to the end). */
  async moveBatch(
    user: UserContext,
    playlistId: string,
    entries: readonly PlaylistEntry[],
    positionBefore?: string,
  ): Promise<void> {
    const body = {
      data: entries.map((e) => ({ type: e.type, id: e.id, meta: { itemId: e.itemId } })),
      ...(positionBefore !== undefined && { meta: { positionBefore } }),
    };
    try {
      await this.http.send(
        'PATCH',
        apiPath('playlists', playlistId, 'relationships', 'items'),
        body,
        this.writeOptions(user, `playlist ${playlistId}`),
      );
    } finally {
      await this.invalidate(user);
    }
  }

  private writeOptions(user: UserContext, what: string) {
    // One key per request: TIDAL replays the first response if the retry layer sends it again.
    return { auth: user.auth, what, signal: user.signal, idempotencyKey: newIdempotencyKey() };
  }

  /** Our write changed this user's playlists: drop their cached playlist reads (not the catalog). */
  private async invalidate(user: UserContext): Promise<void> {
    const scope = await user.auth.cacheScope();
    this.http.cache.invalidate((key) => key.startsWith(`${scope} `) && key.includes('/playlists'));
  }
}
