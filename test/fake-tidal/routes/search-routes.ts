/**
 * GET /searchResults?filter[query]=… (a collection of exactly one searchResults resource with an
 * opaque id) and GET /searchResults/{id}/relationships/<type> for later pages.
 */
import { badRequest, notFound } from '../jsonapi/errors.js';
import { DocumentBuilder, parseInclude } from '../jsonapi/include.js';
import { listParam, queryEntries, scalarParam, withQuery } from '../jsonapi/query.js';
import { encodeSearchId } from '../resources/search-type.js';
import { relationshipDocument, relationshipParams, type RouteDeps } from './documents.js';
import type { ApiRoute } from './router.js';

const COMMON = ['explicitFilter', 'countryCode', 'deviceType', 'systemType', 'clientVersion'];
export const MAX_QUERY_LENGTH = 256;

export function searchRoutes(deps: RouteDeps): ApiRoute[] {
  return [
    {
      method: 'GET',
      pattern: '/searchResults',
      query: ['filter[query]', ...COMMON, 'include', 'replaceMedia'],
      handler: (req) => {
        const query = scalarParam(req.query, 'filter[query]');
        if (query === undefined) {
          throw badRequest("Missing required parameter 'filter[query]'", 'filter[query]');
        }
        if (query.length > MAX_QUERY_LENGTH) {
          throw badRequest(
            `'filter[query]' must be at most ${MAX_QUERY_LENGTH} characters`,
            'filter[query]',
          );
        }
        const id = encodeSearchId(query, req.ctx.country);
        const resource = deps.store.load('searchResults', id, req.ctx);
        if (!resource) throw notFound();
        const tree = parseInclude(listParam(req.query, 'include'), ['searchResults'], deps.store);
        const doc = new DocumentBuilder(deps.store, req.ctx);
        doc.addPrimary(resource);
        doc.expand(resource, tree);
        const included = doc.included();
        const links = { self: withQuery(req.path, queryEntries(req.query)) };
        const data = [resource];
        return { body: included.length > 0 ? { data, included, links } : { data, links } };
      },
    },
    {
      method: 'GET',
      pattern: '/searchResults/:id/relationships/:rel',
      query: relationshipParams(deps.store, 'searchResults', [
        'page[cursor]',
        ...COMMON,
        'include',
        'replaceMedia',
      ]),
      handler: (req) => relationshipDocument(deps, req, 'searchResults'),
    },
  ];
}
