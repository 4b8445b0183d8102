/**
 * The user's library: GET/POST/DELETE /userCollection{Kind}/{id}/relationships/items and GET
 * /user{Daily,Discovery,NewRelease}Mixes/{id}/relationships/items. Enforces what the OAS says:
 * user tokens with collection.read / collection.write / recommendations.read, 1..50 items per
 * write, `type` matching the collection, Idempotency-Key replay, and the 409 codes of collection
 * adds. Where TIDAL's behaviour is not documented the fake picks one and says so:
 * - an id already in the collection is skipped as ALREADY_PRESENT (the OAS skip reason) unless
 *   the fake runs with `collectionDuplicates: 'conflict'`, which answers 409
 *   DUPLICATE_ITEMS_IN_COLLECTION for the whole request instead (the OAS documents both);
 * - removing an id that is not in the collection is not an error;
 * - an id TIDAL does not know is skipped as NOT_FOUND.
 */
import type { Catalog } from '../catalog.js';
import { ApiError, notFound } from '../jsonapi/errors.js';
import { enumParam } from '../jsonapi/query.js';
import {
  COLLECTION_KINDS,
  type CollectionKind,
  type UserCollections,
} from '../library/collections.js';
import { COLLECTION_TYPE, libraryOwner, MIX_TYPE } from '../library/resources.js';
import type { IdempotencyCache } from '../playlists/idempotency.js';
import type { UserPlaylists } from '../playlists/user-playlists.js';
import { relationshipDocument, type RouteDeps } from './documents.js';
import { requireUser } from './playlist-routes.js';
import type { ApiRequest, ApiResult, ApiRoute } from './router.js';

export interface LibraryRouteDeps extends RouteDeps {
  catalog: Catalog;
  playlists: UserPlaylists;
  collections: UserCollections;
  idempotency: IdempotencyCache;
  duplicates: 'skip' | 'conflict';
  /** Most items one collection may hold (TOO_MANY_ITEMS_IN_COLLECTION beyond). */
  limit: number;
}

const READ_PARAMS = ['page[cursor]', 'sort', 'locale', 'include', 'replaceMedia'];

function owner(req: ApiRequest, scope: string): string {
  const userId = requireUser(req.token, scope);
  if (libraryOwner(req.params.id ?? '', req.ctx) !== userId) throw notFound();
  return userId;
}

function refs(body: unknown, kind: CollectionKind): string[] {
  const data = (body as { data?: unknown } | undefined)?.data;
  if (!Array.isArray(data) || data.length < 1 || data.length > 50) {
    throw new ApiError(400, 'data must hold 1 to 50 items', { source: { pointer: '/data' } });
  }
  return data.map((entry: { type?: unknown; id?: unknown }, i) => {
    if (entry?.type !== kind || typeof entry.id !== 'string' || entry.id === '') {
      throw new ApiError(400, `each item needs type ${kind} and an id`, {
        source: { pointer: `/data/${i}` },
      });
    }
    return entry.id;
  });
}

function exists(deps: LibraryRouteDeps, kind: CollectionKind, id: string, userId: string): boolean {
  const c = deps.catalog;
  switch (kind) {
    case 'tracks':
      return c.track(id) !== undefined;
    case 'albums':
      return c.album(id) !== undefined;
    case 'artists':
      return c.artist(id) !== undefined;
    case 'videos':
      return c.video(id) !== undefined;
    case 'playlists': {
      const own = deps.playlists.get(id);
      if (own) return own.accessType !== 'PRIVATE' || own.ownerId === userId;
      return c.playlist(id) !== undefined;
    }
  }
}

function add(deps: LibraryRouteDeps, req: ApiRequest, kind: CollectionKind, userId: string) {
  const ids = refs(req.body, kind);
  const seen = new Set<string>();
  const skipped: { id: string; type: string; reason: string }[] = [];
  const fresh: string[] = [];
  for (const id of ids) {
    if (!exists(deps, kind, id, userId)) skipped.push({ id, type: kind, reason: 'NOT_FOUND' });
    else if (seen.has(id) || deps.collections.has(userId, kind, id)) {
      if (deps.duplicates === 'conflict') {
        throw new ApiError(409, 'Collection already contains one or more items', {
          code: 'DUPLICATE_ITEMS_IN_COLLECTION',
        });
      }
      skipped.push({ id, type: kind, reason: 'ALREADY_PRESENT' });
    } else fresh.push(id);
    seen.add(id);
  }
  if (deps.collections.size(userId, kind) + fresh.length > deps.limit) {
    throw new ApiError(409, 'Collection item limit reached', {
      code: 'TOO_MANY_ITEMS_IN_COLLECTION',
    });
  }
  const added = deps.collections.add(userId, kind, fresh);
  return {
    status: 200,
    body: {
      data: added.map((e) => ({ id: e.id, type: kind, meta: { addedAt: e.addedAt } })),
      links: { self: req.path },
      meta: { skipped },
    },
  };
}

function collectionRoutes(deps: LibraryRouteDeps, kind: CollectionKind): ApiRoute[] {
  const type = COLLECTION_TYPE[kind];
  const pattern = `/${type}/:id/relationships/items`;
  const write = (req: ApiRequest, apply: (userId: string) => ApiResult) => {
    const userId = owner(req, 'collection.write');
    const fingerprint = `${req.method} ${req.path} ${JSON.stringify(req.body ?? null)}`;
    return deps.idempotency.run(userId, req.headers['idempotency-key'], fingerprint, () =>
      apply(userId),
    );
  };
  return [
    {
      method: 'GET',
      pattern,
      query: kind === 'playlists' ? ['collectionView', ...READ_PARAMS] : READ_PARAMS,
      handler: (req) => {
        owner(req, 'collection.read');
        if (kind === 'playlists') enumParam(req.query, 'collectionView', ['FLAT', 'FOLDERS']);
        return relationshipDocument(
          deps,
          { ...req, params: { ...req.params, rel: 'items' } },
          type,
        );
      },
    },
    {
      method: 'POST',
      pattern,
      query: [],
      handler: (req) => write(req, (userId) => add(deps, req, kind, userId)),
    },
    {
      method: 'DELETE',
      pattern,
      query: [],
      handler: (req) =>
        write(req, (userId) => {
          deps.collections.remove(userId, kind, refs(req.body, kind));
          return { status: 200, body: { links: { self: req.path } } };
        }),
    },
  ];
}

export function libraryRoutes(deps: LibraryRouteDeps): ApiRoute[] {
  const mixRoutes = Object.values(MIX_TYPE).map((type): ApiRoute => ({
    method: 'GET',
    pattern: `/${type}/:id/relationships/items`,
    query: ['page[cursor]', 'locale', 'include', 'replaceMedia'],
    handler: (req) => {
      owner(req, 'recommendations.read');
      return relationshipDocument(deps, { ...req, params: { ...req.params, rel: 'items' } }, type);
    },
  }));
  return [...COLLECTION_KINDS.flatMap((kind) => collectionRoutes(deps, kind)), ...mixRoutes];
}
