/**
 * Catalog endpoints: GET /<type>/{id}, GET /<type>/{id}/relationships/<rel> (generic over the
 * store), and the filtered collections GET /tracks, /albums, /artists, /videos with TIDAL's
 * documented filter semantics. Allowed query parameters are copied from the OAS per operation.
 */
import { type Catalog, ISRC_PATTERN } from '../catalog.js';
import type { AlbumRec, TrackRec } from '../catalog/model.js';
import { badRequest } from '../jsonapi/errors.js';
import { pageFromQuery } from '../jsonapi/pagination.js';
import { listParam } from '../jsonapi/query.js';
import {
  albumResource,
  artistResource,
  trackResource,
  videoResource,
} from '../jsonapi/serialize.js';
import {
  collectionDocument,
  filterValues,
  relationshipDocument,
  relationshipParams,
  type RouteDeps,
  singleResourceDocument,
} from './documents.js';
import type { ApiRequest, ApiRoute } from './router.js';

const SINGLE_PARAMS: Record<string, readonly string[]> = {
  albums: ['countryCode', 'include', 'replaceMedia', 'shareCode'],
  tracks: ['countryCode', 'include', 'replaceMedia', 'shareCode'],
  artists: ['countryCode', 'include', 'replaceMedia'],
  videos: ['countryCode', 'include', 'replaceMedia'],
  playlists: ['countryCode', 'include', 'replaceMedia'],
};
const SORTS = ['createdAt', '-createdAt', 'title', '-title'] as const;

function requireSomeFilter(req: ApiRequest, filters: readonly string[]): void {
  if (!filters.some((f) => listParam(req.query, f).length > 0)) {
    throw badRequest(
      `At least one filter is required. Available filters: ${filters.join(', ')}`,
      'filter',
    );
  }
}

/** Documented default `-createdAt`; ids break ties so pages are stable. */
function sortBy<T extends { id: string; title: string }>(
  req: ApiRequest,
  items: T[],
  createdAt: (x: T) => string,
): T[] {
  const values = listParam(req.query, 'sort');
  for (const v of values) {
    if (!(SORTS as readonly string[]).includes(v)) {
      throw badRequest(`Invalid sort '${v}'. Allowed: ${SORTS.join(', ')}`, 'sort');
    }
  }
  const sort = values[0] ?? '-createdAt';
  const field = sort.replace(/^-/, '');
  const dir = sort.startsWith('-') ? -1 : 1;
  const keyOf = (x: T) => (field === 'title' ? x.title : createdAt(x));
  return [...items].sort((a, b) => {
    const ka = keyOf(a);
    const kb = keyOf(b);
    return ka === kb ? (a.id < b.id ? -1 : 1) : ka < kb ? -dir : dir;
  });
}

function tracksCollection(deps: RouteDeps, c: Catalog, req: ApiRequest) {
  requireSomeFilter(req, ['filter[id]', 'filter[isrc]', 'filter[owners.id]']);
  const isrcs = filterValues(deps, req, 'filter[isrc]');
  const ids = filterValues(deps, req, 'filter[id]');
  const owners = filterValues(deps, req, 'filter[owners.id]');
  for (const isrc of isrcs) {
    if (!ISRC_PATTERN.test(isrc)) {
      throw badRequest('Invalid ISRC: Must be 3 groups, 12 symbols in total', 'filter[isrc]');
    }
  }
  const country = req.ctx.country;
  const idOk = (t: TrackRec) => ids.length === 0 || ids.includes(t.id);
  const sort = (list: TrackRec[]) => sortBy(req, list, (t) => t.createdAt);
  if (owners.length > 0) return collectionDocument(deps, req, 'tracks', []); // catalog has no owners
  if (isrcs.length > 1) {
    // Several ISRCs: one track per ISRC, in request order, no pagination (OAS filter[isrc]).
    const picked = [...new Set(isrcs)].flatMap((isrc) =>
      sort(c.tracksByIsrc(isrc, country).filter(idOk)).slice(0, 1),
    );
    return collectionDocument(deps, req, 'tracks', picked.map(trackResource));
  }
  const matches =
    isrcs.length === 1
      ? c.tracksByIsrc(isrcs[0]!, country).filter(idOk)
      : [...new Set(ids)]
          .flatMap((id) => c.track(id) ?? [])
          .filter((t) => c.isAvailable(t, country));
  const page = pageFromQuery(sort(matches), req.query, req.ctx.pageSize);
  return collectionDocument(deps, req, 'tracks', page.items.map(trackResource), page.nextCursor);
}

function albumsCollection(deps: RouteDeps, c: Catalog, req: ApiRequest) {
  requireSomeFilter(req, ['filter[barcodeId]', 'filter[id]', 'filter[owners.id]']);
  const barcodes = filterValues(deps, req, 'filter[barcodeId]');
  const ids = filterValues(deps, req, 'filter[id]');
  const owners = filterValues(deps, req, 'filter[owners.id]');
  const available = (a: AlbumRec) =>
    c.isAvailable(a, req.ctx.country) && (ids.length === 0 || ids.includes(a.id));
  const toResource = (a: AlbumRec) => albumResource(a, c);
  if (owners.length > 0) return collectionDocument(deps, req, 'albums', []);
  if (barcodes.length > 0) {
    // One album per barcode, in request order, not paginated (OAS filter[barcodeId]).
    const found = [...new Set(barcodes)]
      .flatMap((b) => c.albumByBarcode(b) ?? [])
      .filter(available);
    return collectionDocument(deps, req, 'albums', found.map(toResource));
  }
  const matches = [...new Set(ids)].flatMap((id) => c.album(id) ?? []).filter(available);
  const page = pageFromQuery(
    sortBy(req, matches, (a) => a.releaseDate),
    req.query,
    req.ctx.pageSize,
  );
  return collectionDocument(deps, req, 'albums', page.items.map(toResource), page.nextCursor);
}

export function catalogRoutes(deps: RouteDeps, c: Catalog): ApiRoute[] {
  const routes: ApiRoute[] = [];
  for (const [type, params] of Object.entries(SINGLE_PARAMS)) {
    routes.push(
      {
        method: 'GET',
        pattern: `/${type}/:id`,
        query: params,
        handler: (req) => singleResourceDocument(deps, req, type, req.params.id ?? ''),
      },
      {
        method: 'GET',
        pattern: `/${type}/:id/relationships/:rel`,
        query: relationshipParams(deps.store, type, ['page[cursor]', ...params]),
        handler: (req) => relationshipDocument(deps, req, type),
      },
    );
  }
  const many = ['countryCode', 'include', 'replaceMedia'];
  routes.push(
    {
      method: 'GET',
      pattern: '/tracks',
      query: [
        'page[cursor]',
        'sort',
        ...many,
        'shareCode',
        'filter[id]',
        'filter[isrc]',
        'filter[owners.id]',
      ],
      handler: (req) => tracksCollection(deps, c, req),
    },
    {
      method: 'GET',
      pattern: '/albums',
      query: [
        'page[cursor]',
        'sort',
        ...many,
        'shareCode',
        'filter[barcodeId]',
        'filter[id]',
        'filter[owners.id]',
      ],
      handler: (req) => albumsCollection(deps, c, req),
    },
    {
      method: 'GET',
      pattern: '/artists',
      query: [...many, 'filter[handle]', 'filter[id]', 'filter[owners.id]'],
      handler: (req) => {
        requireSomeFilter(req, ['filter[handle]', 'filter[id]', 'filter[owners.id]']);
        filterValues(deps, req, 'filter[handle]'); // generated artists have no handles
        filterValues(deps, req, 'filter[owners.id]');
        const ids = [...new Set(filterValues(deps, req, 'filter[id]'))];
        return collectionDocument(
          deps,
          req,
          'artists',
          ids.flatMap((id) => c.artist(id) ?? []).map(artistResource),
        );
      },
    },
    {
      method: 'GET',
      pattern: '/videos',
      query: [...many, 'filter[id]', 'filter[isrc]'],
      handler: (req) => {
        requireSomeFilter(req, ['filter[id]', 'filter[isrc]']);
        const ids = filterValues(deps, req, 'filter[id]');
        const isrcs = filterValues(deps, req, 'filter[isrc]');
        const found = c.videos.filter(
          (v) =>
            (ids.length === 0 || ids.includes(v.id)) &&
            (isrcs.length === 0 || isrcs.includes(v.isrc)),
        );
        return collectionDocument(deps, req, 'videos', found.map(videoResource));
      },
    },
  );
  return routes;
}
