/**
 * Playlists owned by fake users: created, renamed, filled, pruned and reordered through the
 * write endpoints. Every entry gets its own itemId, so the same track can appear twice and each
 * occurrence is addressed separately, as on TIDAL.
 */
import { randomUUID } from 'node:crypto';

import { FAKE_USERS } from '../users.js';

export type AccessType = 'PUBLIC' | 'UNLISTED';
/** PRIVATE exists in TIDAL's read model but cannot be set through the API (only seeded here). */
export type ReadAccessType = AccessType | 'PRIVATE';

export interface UserPlaylistItem {
  type: 'tracks' | 'videos';
  id: string;
  itemId: string;
  addedAt: string;
}

/** USER playlists are made by people; TIDAL makes MIX playlists for a user, who cannot edit them. */
export type PlaylistType = 'USER' | 'MIX';

export interface UserPlaylist {
  id: string;
  ownerId: string;
  playlistType: PlaylistType;
  name: string;
  description: string;
  accessType: ReadAccessType;
  createdAt: string;
  lastModifiedAt: string;
  items: UserPlaylistItem[];
}

/** A playlist of FAKE_USERS.other, for "not your playlist" tests. */
export const OTHER_USERS_PLAYLIST_ID = '5151aaaa-0000-4000-8000-000000000001';

export class UserPlaylists {
  private readonly byId = new Map<string, UserPlaylist>();

  constructor(private readonly now: () => Date = () => new Date()) {
    const at = '2026-01-01T00:00:00Z';
    this.byId.set(OTHER_USERS_PLAYLIST_ID, {
      id: OTHER_USERS_PLAYLIST_ID,
      ownerId: FAKE_USERS.other.id,
      playlistType: 'USER',
      name: "Someone else's mix",
      description: '',
      accessType: 'PUBLIC',
      createdAt: at,
      lastModifiedAt: at,
      items: [],
    });
  }

  /** Seeds a playlist as it is (the library seed's mixes and private playlists). */
  insert(playlist: UserPlaylist): void {
    this.byId.set(playlist.id, playlist);
  }

  get(id: string): UserPlaylist | undefined {
    return this.byId.get(id);
  }

  ownedBy(ownerId: string): UserPlaylist[] {
    return [...this.byId.values()].filter((p) => p.ownerId === ownerId);
  }

  create(
    ownerId: string,
    attrs: { name: string; description?: string; accessType?: AccessType },
  ): UserPlaylist {
    const at = this.now().toISOString();
    const playlist: UserPlaylist = {
      id: randomUUID(),
      ownerId,
      playlistType: 'USER',
      name: attrs.name,
      description: attrs.description ?? '',
      accessType: attrs.accessType ?? 'PUBLIC',
      createdAt: at,
      lastModifiedAt: at,
      items: [],
    };
    this.byId.set(playlist.id, playlist);
    return playlist;
  }

  /** A mix TIDAL made for this user (owned by them, not editable), filled with catalog tracks. */
  createMix(ownerId: string, name: string, trackIds: readonly string[]): UserPlaylist {
    const mix = this.create(ownerId, { name, accessType: 'UNLISTED' });
    mix.playlistType = 'MIX';
    this.add(
      mix,
      trackIds.map((id) => ({ type: 'tracks', id })),
    );
    return mix;
  }

  delete(id: string): boolean {
    return this.byId.delete(id);
  }

  touch(playlist: UserPlaylist): void {
    playlist.lastModifiedAt = this.now().toISOString();
  }

  /** Insert before the entry `positionBefore` (an itemId), or append. */
  add(
    playlist: UserPlaylist,
    refs: { type: 'tracks' | 'videos'; id: string }[],
    positionBefore?: string,
  ): UserPlaylistItem[] {
    const addedAt = this.now().toISOString();
    const entries = refs.map((ref) => ({ ...ref, itemId: randomUUID(), addedAt }));
    const at =
      positionBefore === undefined
        ? -1
        : playlist.items.findIndex((i) => i.itemId === positionBefore);
    if (at < 0) playlist.items.push(...entries);
    else playlist.items.splice(at, 0, ...entries);
    this.touch(playlist);
    return entries;
  }

  remove(playlist: UserPlaylist, itemIds: ReadonlySet<string>): void {
    playlist.items = playlist.items.filter((i) => !itemIds.has(i.itemId));
    this.touch(playlist);
  }

  /** Move entries (in the given order) before `positionBefore`, or to the end. */
  move(playlist: UserPlaylist, itemIds: readonly string[], positionBefore?: string): void {
    const moving = itemIds.map((id) => playlist.items.find((i) => i.itemId === id)!);
    const rest = playlist.items.filter((i) => !itemIds.includes(i.itemId));
    const at =
      positionBefore === undefined ? -1 : rest.findIndex((i) => i.itemId === positionBefore);
    if (at < 0) rest.push(...moving);
    else rest.splice(at, 0, ...moving);
    playlist.items = rest;
    this.touch(playlist);
  }
}
