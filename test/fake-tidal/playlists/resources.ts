/**
 * Makes user playlists first-class resources next to the editorial ones: GET /playlists/{id},
 * its items relationship (with meta.itemId), and includes all see both kinds.
 */
import type { Catalog } from '../catalog.js';
import { isoDuration } from '../catalog.js';
import type { Identifier, ResourceObject } from '../jsonapi/serialize.js';
import type { RelationshipDef, RequestContext, ResourceStore } from '../jsonapi/store.js';
import type { UserPlaylist, UserPlaylists } from './user-playlists.js';

export function userPlaylistResource(p: UserPlaylist, c: Catalog): ResourceObject {
  const seconds = p.items.reduce(
    (sum, it) =>
      sum + ((it.type === 'tracks' ? c.track(it.id) : c.video(it.id))?.durationSeconds ?? 0),
    0,
  );
  const videos = p.items.filter((it) => it.type === 'videos').length;
  return {
    id: p.id,
    type: 'playlists',
    attributes: {
      name: p.name,
      description: p.description,
      accessType: p.accessType,
      playlistType: p.playlistType,
      bounded: true,
      createdAt: p.createdAt,
      lastModifiedAt: p.lastModifiedAt,
      duration: isoDuration(seconds),
      numberOfItems: p.items.length,
      numberOfTrackItems: p.items.length - videos,
      numberOfVideoItems: videos,
      numberOfFollowers: 0,
      externalLinks: [
        { href: `https://tidal.com/browse/playlist/${p.id}`, meta: { type: 'TIDAL_SHARING' } },
      ],
    },
  };
}

/** Wrap the editorial 'playlists' definition so user playlists resolve first. */
export function registerUserPlaylists(
  store: ResourceStore,
  playlists: UserPlaylists,
  c: Catalog,
  options: { withholdOwners?: boolean } = {},
): void {
  const editorial = store.get('playlists');
  if (!editorial) throw new Error('register catalog types before user playlists');
  const wrap = (
    name: string,
    forUser: (p: UserPlaylist, ctx: RequestContext) => Identifier[],
  ): RelationshipDef => {
    const base = editorial.relationships[name]!;
    return {
      ...base,
      resolve: (id, ctx) => {
        const own = playlists.get(id);
        return own ? forUser(own, ctx) : base.resolve(id, ctx);
      },
    };
  };
  const relationships: Record<string, RelationshipDef> = { ...editorial.relationships };
  for (const name of Object.keys(relationships)) relationships[name] = wrap(name, () => []);
  relationships.owners = wrap('owners', (p) =>
    options.withholdOwners ? [] : [{ id: p.ownerId, type: 'users' }],
  );
  relationships.items = wrap('items', (p, ctx) =>
    p.items
      .filter((it) => {
        if (it.type !== 'tracks') return true;
        const track = c.track(it.id);
        return track !== undefined && c.isAvailable(track, ctx.country);
      })
      .map((it) => ({
        id: it.id,
        type: it.type,
        meta: { itemId: it.itemId, addedAt: it.addedAt },
      })),
  );
  store.register('playlists', {
    load: (id, ctx) => {
      const own = playlists.get(id);
      if (!own) return editorial.load(id, ctx);
      // A private playlist does not exist for anyone but its owner (TIDAL answers 404, not 403).
      if (own.accessType === 'PRIVATE' && ctx.token?.userId !== own.ownerId) return undefined;
      return userPlaylistResource(own, c);
    },
    relationships,
  });
}
