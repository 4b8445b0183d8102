/**
 * The three document shapes (OAS *_Single_Resource_Data_Document, *_Multi_Resource_Data_Document,
 * *_Multi_Relationship_Data_Document), built generically from the store + include engine.
 * `included` is omitted when empty; `relationships` only exists for requested includes.
 */
import { badRequest, notFound } from '../jsonapi/errors.js';
import { DocumentBuilder, parseInclude } from '../jsonapi/include.js';
import { type Links, pageFromQuery, topLevelLinks } from '../jsonapi/pagination.js';
import { enumParam, listParam, queryEntries, scalarParam, withQuery } from '../jsonapi/query.js';
import type { ResourceObject } from '../jsonapi/serialize.js';
import type { ResourceStore } from '../jsonapi/store.js';
import type { ApiRequest, ApiResult } from './router.js';

export interface RouteDeps {
  store: ResourceStore;
  maxFilterValues: number;
}

function compound(data: unknown, doc: DocumentBuilder, links: Links): ApiResult {
  const included = doc.included();
  return { body: included.length > 0 ? { data, included, links } : { data, links } };
}

export function singleResourceDocument(
  deps: RouteDeps,
  req: ApiRequest,
  type: string,
  id: string,
): ApiResult {
  const resource = deps.store.load(type, id, req.ctx);
  if (!resource) throw notFound();
  const tree = parseInclude(listParam(req.query, 'include'), [type], deps.store);
  const doc = new DocumentBuilder(deps.store, req.ctx);
  doc.addPrimary(resource);
  doc.expand(resource, tree);
  return compound(resource, doc, { self: withQuery(req.path, queryEntries(req.query)) });
}

/** `resources` is the final page; primaries are registered first so `included` never repeats one. */
export function collectionDocument(
  deps: RouteDeps,
  req: ApiRequest,
  type: string,
  resources: ResourceObject[],
  nextCursor?: string,
): ApiResult {
  const tree = parseInclude(listParam(req.query, 'include'), [type], deps.store);
  const doc = new DocumentBuilder(deps.store, req.ctx);
  for (const r of resources) doc.addPrimary(r);
  for (const r of resources) doc.expand(r, tree);
  return compound(resources, doc, topLevelLinks(req.path, req.query, nextCursor));
}

/** Query parameters accepted by GET /<type>/{id}/relationships/<rel>. */
export function relationshipParams(
  store: ResourceStore,
  type: string,
  base: readonly string[],
): (params: Record<string, string>) => readonly string[] {
  return (params) => {
    const def = store.relationship(type, params.rel ?? '');
    if (!def) throw notFound(`No endpoint matches /${type}/{id}/relationships/${params.rel ?? ''}`);
    return [...base, ...Object.keys(def.params ?? {})];
  };
}

/**
 * GET /<type>/{id}/relationships/<rel>. Include paths stay relative to the root resource, so the
 * only allowed top-level include is <rel> itself (plus nested paths below it).
 */
export function relationshipDocument(deps: RouteDeps, req: ApiRequest, type: string): ApiResult {
  const { id = '', rel = '' } = req.params;
  const def = deps.store.relationship(type, rel)!;
  for (const [name, spec] of Object.entries(def.params ?? {})) {
    if (spec.required && scalarParam(req.query, name) === undefined) {
      throw badRequest(`Missing required parameter '${name}'`, name);
    }
    enumParam(req.query, name, spec.values);
  }
  if (!deps.store.load(type, id, req.ctx)) throw notFound();
  const tree = parseInclude(listParam(req.query, 'include'), [type], deps.store);
  for (const name of tree.keys()) {
    if (name !== rel) throw badRequest(`Only '${rel}' can be included on this endpoint`, 'include');
  }
  const all = def.resolve(id, req.ctx);
  const doc = new DocumentBuilder(deps.store, req.ctx);
  const sub = tree.get(rel);
  if (def.cardinality === 'one') {
    const data = all[0] ?? null;
    if (sub && data) doc.includeAll([data], sub);
    return compound(data, doc, topLevelLinks(req.path, req.query));
  }
  const page = pageFromQuery(all, req.query, req.ctx.pageSize);
  if (sub) doc.includeAll(page.items, sub);
  return compound(page.items, doc, topLevelLinks(req.path, req.query, page.nextCursor));
}

/** A filter's values (repeated and/or comma-separated), capped like TIDAL's batch limit. */
export function filterValues(deps: RouteDeps, req: ApiRequest, name: string): string[] {
  const values = listParam(req.query, name);
  if (values.length > deps.maxFilterValues) {
    throw badRequest(
      `Too many values for '${name}': ${values.length} given, at most ${deps.maxFilterValues} allowed`,
      name,
    );
  }
  return values;
}
