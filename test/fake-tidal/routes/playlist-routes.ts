/**
 * Playlist endpoints for user tokens: list mine, create, update, delete, and add / remove /
 * reorder items. Enforces what TIDAL does: user tokens with playlists.read / playlists.write,
 * owner-only writes, 1..50 items per add/remove and 1..20 per reorder, meta.itemId on
 * remove/reorder, and Idempotency-Key replay on every write.
 */
import type { TokenRecord } from '../auth/token-registry.js';
import type { Catalog } from '../catalog.js';
import { ApiError, badRequest, notFound } from '../jsonapi/errors.js';
import { pageFromQuery } from '../jsonapi/pagination.js';
import { listParam } from '../jsonapi/query.js';
import type { IdempotencyCache } from '../playlists/idempotency.js';
import { userPlaylistResource } from '../playlists/resources.js';
import type { AccessType, UserPlaylist, UserPlaylists } from '../playlists/user-playlists.js';
import { collectionDocument, type RouteDeps, singleResourceDocument } from './documents.js';
import type { ApiRequest, ApiResult, ApiRoute } from './router.js';

export function requireUser(token: TokenRecord, scope: string): string {
  if (token.kind !== 'user' || token.userId === undefined) {
    throw new ApiError(401, 'A user access token is required for this endpoint');
  }
  if (!token.scopes.includes(scope)) {
    throw new ApiError(403, `The access token lacks the ${scope} scope`, { code: 'FORBIDDEN' });
  }
  return token.userId;
}

function owned(playlists: UserPlaylists, id: string, userId: string): UserPlaylist {
  const playlist = playlists.get(id);
  if (!playlist) throw notFound();
  if (playlist.ownerId !== userId)
    throw new ApiError(403, 'Only the owner can change this playlist', { code: 'FORBIDDEN' });
  // Not documented: the spec only says mixes exist (playlistType MIX); TIDAL makes and rewrites
  // them, so the fake refuses changes the way it refuses someone else's playlist.
  if (playlist.playlistType !== 'USER')
    throw new ApiError(403, `A ${playlist.playlistType} playlist cannot be changed`, {
      code: 'FORBIDDEN',
    });
  return playlist;
}

function dataArray(body: unknown, max: number): Record<string, unknown>[] {
  const data = (body as { data?: unknown } | undefined)?.data;
  if (!Array.isArray(data) || data.length < 1 || data.length > max) {
    throw new ApiError(400, `data must hold 1 to ${max} items`, { source: { pointer: '/data' } });
  }
  return data as Record<string, unknown>[];
}

interface ItemRef {
  type: 'tracks' | 'videos';
  id: string;
  itemId: string;
}

function itemRef(entry: Record<string, unknown>, index: number, needItemId: boolean): ItemRef {
  const type = entry.type;
  const id = entry.id;
  if ((type !== 'tracks' && type !== 'videos') || typeof id !== 'string' || id === '') {
    throw new ApiError(400, 'each item needs type tracks|videos and an id', {
      source: { pointer: `/data/${index}` },
    });
  }
  const itemId = (entry.meta as { itemId?: unknown } | undefined)?.itemId;
  if (needItemId && typeof itemId !== 'string') {
    throw new ApiError(400, 'meta.itemId is required', {
      source: { pointer: `/data/${index}/meta/itemId` },
    });
  }
  return { type: type === 'videos' ? 'videos' : 'tracks', id, itemId: itemId as string };
}

function positionBefore(body: unknown): string | undefined {
  const value = (body as { meta?: { positionBefore?: unknown } } | undefined)?.meta?.positionBefore;
  return typeof value === 'string' ? value : undefined;
}

function attributes(
  body: unknown,
  id?: string,
): { name?: string; description?: string; accessType?: AccessType } {
  const data = (
    body as
      { data?: { type?: unknown; id?: unknown; attributes?: Record<string, unknown> } } | undefined
  )?.data;
  if (!data || data.type !== 'playlists')
    throw new ApiError(400, 'data.type must be playlists', { source: { pointer: '/data/type' } });
  if (id !== undefined && data.id !== id)
    throw new ApiError(400, 'data.id must equal the path id', { source: { pointer: '/data/id' } });
  const a = data.attributes ?? {};
  const out: { name?: string; description?: string; accessType?: AccessType } = {};
  if (a.name !== undefined) {
    if (typeof a.name !== 'string' || a.name.length < 1)
      throw new ApiError(400, 'name must be a non-empty string', {
        source: { pointer: '/data/attributes/name' },
      });
    out.name = a.name;
  }
  if (a.description !== undefined) {
    if (typeof a.description !== 'string')
      throw new ApiError(400, 'description must be a string', {
        source: { pointer: '/data/attributes/description' },
      });
    out.description = a.description;
  }
  if (a.accessType !== undefined) {
    if (a.accessType !== 'PUBLIC' && a.accessType !== 'UNLISTED') {
      throw new ApiError(400, 'accessType must be PUBLIC or UNLISTED', {
        source: { pointer: '/data/attributes/accessType' },
      });
    }
    out.accessType = a.accessType;
  }
  return out;
}

const mutation = (req: ApiRequest): ApiResult => ({
  status: 200,
  body: { links: { self: req.path } },
});

export interface PlaylistRouteDeps extends RouteDeps {
  playlists: UserPlaylists;
  idempotency: IdempotencyCache;
  catalog: Catalog;
}

export function playlistRoutes(deps: PlaylistRouteDeps): ApiRoute[] {
  const { playlists, idempotency, catalog } = deps;
  const write = (req: ApiRequest, userId: string, apply: () => ApiResult) =>
    idempotency.run(
      userId,
      req.headers['idempotency-key'],
      `${req.method} ${req.path} ${JSON.stringify(req.body ?? null)}`,
      apply,
    );

  /** Writes to one of the caller's own playlists: scope, Idempotency-Key replay, ownership. */
  const ownedWrite = (req: ApiRequest, apply: (playlist: UserPlaylist) => ApiResult) => {
    const userId = requireUser(req.token, 'playlists.write');
    return write(req, userId, () => apply(owned(playlists, req.params.id ?? '', userId)));
  };

  return [
    {
      method: 'GET',
      pattern: '/playlists',
      query: [
        'page[cursor]',
        'sort',
        'countryCode',
        'include',
        'filter[collaborators.id]',
        'filter[id]',
        'filter[owners.id]',
        'replaceMedia',
      ],
      handler: (req) => {
        const owners = listParam(req.query, 'filter[owners.id]');
        const ids = listParam(req.query, 'filter[id]');
        if (owners.length === 0 && ids.length === 0) {
          throw badRequest(
            'At least one filter is required. Available filters: filter[owners.id], filter[id], filter[collaborators.id]',
            'filter',
          );
        }
        if (owners.length === 0) {
          // filter[id] alone: any playlist the caller can see, editorial ones included.
          const visible = [...new Set(ids)].flatMap(
            (id) => deps.store.load('playlists', id, req.ctx) ?? [],
          );
          return collectionDocument(deps, req, 'playlists', visible);
        }
        const ownerIds = owners.map((o) =>
          o === 'me' ? requireUser(req.token, 'playlists.read') : o,
        );
        let list = ownerIds.flatMap((o) => playlists.ownedBy(o));
        if (ids.length > 0) list = list.filter((p) => ids.includes(p.id));
        const sort = listParam(req.query, 'sort')[0] ?? '-createdAt';
        const key = sort.replace(/^-/, '') as 'createdAt' | 'lastModifiedAt' | 'name';
        if (!['createdAt', 'lastModifiedAt', 'name'].includes(key))
          throw badRequest(`Invalid sort '${sort}'`, 'sort');
        const dir = sort.startsWith('-') ? -1 : 1;
        list = [...list].sort((a, b) =>
          a[key] === b[key] ? (a.id < b.id ? -1 : 1) : a[key] < b[key] ? -dir : dir,
        );
        const page = pageFromQuery(list, req.query, req.ctx.pageSize);
        return collectionDocument(
          deps,
          req,
          'playlists',
          page.items.map((p) => userPlaylistResource(p, catalog)),
          page.nextCursor,
        );
      },
    },
    {
      method: 'POST',
      pattern: '/playlists',
      query: [],
      handler: (req) => {
        const userId = requireUser(req.token, 'playlists.write');
        return write(req, userId, () => {
          const attrs = attributes(req.body);
          if (attrs.name === undefined)
            throw new ApiError(400, 'name is required', {
              source: { pointer: '/data/attributes/name' },
            });
          const created = playlists.create(userId, { ...attrs, name: attrs.name });
          return {
            status: 201,
            body: {
              data: userPlaylistResource(created, catalog),
              links: { self: `/playlists/${created.id}` },
            },
          };
        });
      },
    },
    {
      method: 'PATCH',
      pattern: '/playlists/:id',
      query: [],
      handler: (req) => {
        return ownedWrite(req, (playlist) => {
          Object.assign(playlist, attributes(req.body, playlist.id));
          playlists.touch(playlist);
          return singleResourceDocument(deps, { ...req, query: {} }, 'playlists', playlist.id);
        });
      },
    },
    {
      method: 'DELETE',
      pattern: '/playlists/:id',
      query: [],
      handler: (req) => {
        const userId = requireUser(req.token, 'playlists.write');
        return write(req, userId, () => {
          playlists.delete(owned(playlists, req.params.id ?? '', userId).id);
          return mutation(req);
        });
      },
    },
    {
      method: 'POST',
      pattern: '/playlists/:id/relationships/items',
      query: [],
      handler: (req) => {
        return ownedWrite(req, (playlist) => {
          const refs = dataArray(req.body, 50).map((e, i) => itemRef(e, i, false));
          const exists = (r: { type: string; id: string }) =>
            (r.type === 'tracks' ? catalog.track(r.id) : catalog.video(r.id)) !== undefined;
          const added = playlists.add(
            playlist,
            refs.filter(exists).map(({ type, id }) => ({ type, id })),
            positionBefore(req.body),
          );
          const skipped = refs
            .filter((r) => !exists(r))
            .map((r) => ({ id: r.id, type: r.type, reason: 'NOT_FOUND' }));
          return {
            status: 200,
            body: {
              data: added.map((a) => ({
                id: a.id,
                type: a.type,
                meta: { itemId: a.itemId, addedAt: a.addedAt },
              })),
              links: { self: req.path },
              meta: { skipped },
            },
          };
        });
      },
    },
    {
      method: 'DELETE',
      pattern: '/playlists/:id/relationships/items',
      query: [],
      handler: (req) => {
        return ownedWrite(req, (playlist) => {
          const refs = dataArray(req.body, 50).map((e, i) => itemRef(e, i, true));
          for (const [i, ref] of refs.entries()) {
            if (!playlist.items.some((it) => it.itemId === ref.itemId && it.id === ref.id)) {
              throw new ApiError(
                400,
                `no item ${ref.itemId} for ${ref.type} ${ref.id} in this playlist`,
                { source: { pointer: `/data/${i}/meta/itemId` } },
              );
            }
          }
          playlists.remove(playlist, new Set(refs.map((r) => r.itemId)));
          return mutation(req);
        });
      },
    },
    {
      method: 'PATCH',
      pattern: '/playlists/:id/relationships/items',
      query: [],
      handler: (req) => {
        return ownedWrite(req, (playlist) => {
          const refs = dataArray(req.body, 20).map((e, i) => itemRef(e, i, true));
          const before = positionBefore(req.body);
          if (before !== undefined && !playlist.items.some((it) => it.itemId === before)) {
            throw new ApiError(400, `positionBefore ${before} is not an item of this playlist`, {
              source: { pointer: '/meta/positionBefore' },
            });
          }
          for (const [i, ref] of refs.entries()) {
            if (!playlist.items.some((it) => it.itemId === ref.itemId)) {
              throw new ApiError(400, `no item ${ref.itemId} in this playlist`, {
                source: { pointer: `/data/${i}/meta/itemId` },
              });
            }
          }
          playlists.move(
            playlist,
            refs.map((r) => r.itemId),
            before,
          );
          return mutation(req);
        });
      },
    },
  ];
}
