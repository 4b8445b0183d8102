/**
 * Generic `include` engine. Parses comma-separated dot paths into a tree, validates each segment
 * against the store's relationship definitions (unknown -> 400 naming it; depth <= 3; <= 10
 * distinct resources, TIDAL's documented defaults), then builds a compound document:
 * - `relationships.<rel>` is set only for requested relationships, holding the first page of
 *   identifiers and links whose `next` carries only page[cursor];
 * - related resources go to top-level `included`, once each, never repeating primary data.
 * Type qualifiers (`items.tracks:albums`) restrict a segment to one type of a polymorphic list.
 */
import { badRequest } from './errors.js';
import { embeddedLinks, pageOf } from './pagination.js';
import type { Identifier, RelationshipObject, ResourceObject } from './serialize.js';
import type { RequestContext, ResourceStore } from './store.js';

export const MAX_INCLUDE_DEPTH = 3;
export const MAX_INCLUDE_RESOURCES = 10;

export type IncludeTree = Map<string, IncludeTree>;

function splitSegment(segment: string): { qualifier?: string; rel: string } {
  const i = segment.indexOf(':');
  return i < 0 ? { rel: segment } : { qualifier: segment.slice(0, i), rel: segment.slice(i + 1) };
}

export function parseInclude(
  values: readonly string[],
  rootTypes: readonly string[],
  store: ResourceStore,
): IncludeTree {
  const tree: IncludeTree = new Map();
  const distinct = new Set<string>();
  for (const path of values) {
    const segments = path.split('.');
    if (segments.length > MAX_INCLUDE_DEPTH) {
      throw badRequest(
        `Include path '${path}' is too deep: the maximum depth is ${MAX_INCLUDE_DEPTH}`,
        'include',
      );
    }
    let types = rootTypes;
    let node = tree;
    for (const [i, segment] of segments.entries()) {
      const { qualifier, rel } = splitSegment(segment);
      const candidates = qualifier ? types.filter((t) => t === qualifier) : types;
      const defs = candidates.flatMap((t) => store.relationship(t, rel) ?? []);
      if (rel === '' || defs.length === 0) {
        throw badRequest(
          `Invalid include path '${path}': '${segment}' is not a relationship of ${types.join('|')}`,
          'include',
        );
      }
      distinct.add(segments.slice(0, i + 1).join('.'));
      let child = node.get(segment);
      if (!child) {
        child = new Map();
        node.set(segment, child);
      }
      node = child;
      types = [...new Set(defs.flatMap((d) => d.targets))];
    }
  }
  if (distinct.size > MAX_INCLUDE_RESOURCES) {
    throw badRequest(
      `Include names ${distinct.size} distinct resources; the maximum is ${MAX_INCLUDE_RESOURCES}`,
      'include',
    );
  }
  return tree;
}

const key = (type: string, id: string) => `${type}\u0000${id}`;

/** Accumulates one response document's resources so each (type,id) exists exactly once. */
export class DocumentBuilder {
  private readonly resources = new Map<string, ResourceObject>();
  private readonly primary = new Set<string>();
  private readonly includedKeys: string[] = [];

  constructor(
    private readonly store: ResourceStore,
    private readonly ctx: RequestContext,
  ) {}

  addPrimary(resource: ResourceObject): ResourceObject {
    const k = key(resource.type, resource.id);
    this.resources.set(k, resource);
    this.primary.add(k);
    return resource;
  }

  /** Sets the requested relationships on `resource` and includes their first pages, recursively. */
  expand(resource: ResourceObject, tree: IncludeTree): void {
    for (const [segment, child] of tree) {
      const { qualifier, rel } = splitSegment(segment);
      if (qualifier && qualifier !== resource.type) continue;
      const def = this.store.relationship(resource.type, rel);
      if (!def) continue; // valid for another type of a polymorphic list, not this one
      const rels = (resource.relationships ??= {});
      let relObj = rels[rel];
      if (!relObj) {
        relObj = this.relationshipObject(resource, rel);
        rels[rel] = relObj;
      }
      const ids =
        relObj.data === null ? [] : Array.isArray(relObj.data) ? relObj.data : [relObj.data];
      this.includeAll(ids, child);
    }
  }

  /** Includes the resources behind `ids` (e.g. a relationship endpoint's page) and expands them. */
  includeAll(ids: readonly Identifier[], tree: IncludeTree): void {
    for (const id of ids) {
      const resource = this.resolve(id);
      if (resource) this.expand(resource, tree);
    }
  }

  included(): ResourceObject[] {
    return this.includedKeys.map((k) => this.resources.get(k)!);
  }

  private resolve(id: Identifier): ResourceObject | undefined {
    const k = key(id.type, id.id);
    let resource = this.resources.get(k);
    if (!resource) {
      resource = this.store.load(id.type, id.id, this.ctx);
      if (!resource) return undefined;
      this.resources.set(k, resource);
      this.includedKeys.push(k);
    }
    return resource;
  }

  private relationshipObject(owner: ResourceObject, rel: string): RelationshipObject {
    const def = this.store.relationship(owner.type, rel)!;
    const all = def.resolve(owner.id, this.ctx);
    const selfPath = `/${owner.type}/${encodeURIComponent(owner.id)}/relationships/${rel}`;
    if (def.cardinality === 'one') return { data: all[0] ?? null, links: { self: selfPath } };
    const page = pageOf(all, 0, this.ctx.pageSize);
    return { data: page.items, links: embeddedLinks(selfPath, page.nextCursor) };
  }
}
