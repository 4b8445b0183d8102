/**
 * Store types for the user's library, so the generic relationship endpoint and include engine
 * serve them: userCollection{Tracks,Albums,Artists,Videos,Playlists} (items with meta.addedAt)
 * and the three mix resources (items are MIX playlists). `me` and the user's own id both resolve
 * to the token's user.
 */
import type { Catalog } from '../catalog.js';
import { badRequest } from '../jsonapi/errors.js';
import { listParam } from '../jsonapi/query.js';
import type { Identifier } from '../jsonapi/serialize.js';
import { emptyRelationship, type RequestContext, type ResourceStore } from '../jsonapi/store.js';
import type { UserPlaylists } from '../playlists/user-playlists.js';
import { COLLECTION_KINDS, type CollectionKind, type UserCollections } from './collections.js';
import { LISTENER_MIXES, type MixFamily } from './seed.js';

export const COLLECTION_TYPE: Record<CollectionKind, string> = {
  tracks: 'userCollectionTracks',
  albums: 'userCollectionAlbums',
  artists: 'userCollectionArtists',
  videos: 'userCollectionVideos',
  playlists: 'userCollectionPlaylists',
};

export const MIX_TYPE: Record<MixFamily, string> = {
  daily: 'userDailyMixes',
  discovery: 'userDiscoveryMixes',
  newRelease: 'userNewReleaseMixes',
};

/** The user a library path names: `me` or their own id; anyone else's library does not exist. */
export function libraryOwner(pathId: string, ctx: RequestContext): string | undefined {
  const userId = ctx.token?.userId;
  return userId !== undefined && (pathId === 'me' || pathId === userId) ? userId : undefined;
}

/** The OAS sort values per kind; the fake implements addedAt and title/name, both directions. */
const SORTABLE: Record<CollectionKind, string> = {
  tracks: 'title',
  albums: 'title',
  artists: 'name',
  videos: 'title',
  playlists: 'name',
};

function label(c: Catalog, playlists: UserPlaylists, kind: CollectionKind, id: string): string {
  switch (kind) {
    case 'tracks':
      return c.track(id)?.title ?? '';
    case 'albums':
      return c.album(id)?.title ?? '';
    case 'artists':
      return c.artist(id)?.name ?? '';
    case 'videos':
      return c.video(id)?.title ?? '';
    case 'playlists':
      return playlists.get(id)?.name ?? c.playlist(id)?.name ?? '';
  }
}

export function registerLibraryTypes(
  store: ResourceStore,
  c: Catalog,
  playlists: UserPlaylists,
  collections: UserCollections,
): void {
  for (const kind of COLLECTION_KINDS) {
    const type = COLLECTION_TYPE[kind];
    store.register(type, {
      load: (id, ctx) => {
        const owner = libraryOwner(id, ctx);
        return owner === undefined ? undefined : { id: owner, type };
      },
      relationships: {
        items: {
          targets: [kind],
          resolve: (id, ctx) => {
            const owner = libraryOwner(id, ctx);
            if (owner === undefined) return [];
            const sort = listParam(ctx.query, 'sort')[0] ?? '-addedAt';
            const field = sort.replace(/^-/, '');
            if (field !== 'addedAt' && field !== SORTABLE[kind]) {
              throw badRequest(`The fake TIDAL does not implement sort '${sort}'`, 'sort');
            }
            let entries = collections.list(owner, kind);
            if (field !== 'addedAt') {
              const key = (e: { id: string }) => label(c, playlists, kind, e.id);
              entries = [...entries].sort((a, b) => key(a).localeCompare(key(b)));
            }
            if (sort.startsWith('-') === (field !== 'addedAt')) entries.reverse();
            return entries.map((e): Identifier => ({
              id: e.id,
              type: kind,
              meta: { addedAt: e.addedAt },
            }));
          },
        },
        owners: emptyRelationship(['users']),
      },
    });
  }
  for (const family of Object.keys(MIX_TYPE) as MixFamily[]) {
    const type = MIX_TYPE[family];
    store.register(type, {
      load: (id, ctx) => {
        const owner = libraryOwner(id, ctx);
        return owner === undefined ? undefined : { id: owner, type };
      },
      relationships: {
        items: {
          targets: ['playlists'],
          // Only the listener has mixes; anyone else's list is empty.
          resolve: (id, ctx) =>
            LISTENER_MIXES[family]
              .filter((mixId) => playlists.get(mixId)?.ownerId === libraryOwner(id, ctx))
              .map((mixId) => ({ id: mixId, type: 'playlists' })),
        },
      },
    });
  }
}
