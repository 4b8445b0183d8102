/**
 * Just enough JSON:API for TIDAL: resource objects, the `included` index joined on (type, id),
 * relationship identifiers in order, and cursor pagination links.
 */

export interface ResourceIdentifier {
  id: string;
  type: string;
  meta?: Record<string, unknown>;
}

export interface Links {
  self?: string;
  next?: string;
  meta?: { nextCursor?: string };
}

export interface Relationship {
  data?: ResourceIdentifier[] | ResourceIdentifier | null;
  links?: Links;
}

export interface Resource {
  id: string;
  type: string;
  attributes?: Record<string, unknown>;
  relationships?: Record<string, Relationship | undefined>;
}

export interface Document<D = Resource | Resource[] | ResourceIdentifier[]> {
  data: D;
  included?: Resource[];
  links?: Links;
  meta?: Record<string, unknown>;
}

/** Lookup of included resources by (type, id). */
export class Included {
  private readonly byKey = new Map<string, Resource>();

  constructor(...groups: (readonly Resource[] | undefined)[]) {
    for (const group of groups) {
      for (const resource of group ?? [])
        this.byKey.set(`${resource.type}:${resource.id}`, resource);
    }
  }

  get(type: string, id: string): Resource | undefined {
    return this.byKey.get(`${type}:${id}`);
  }

  /** Resolve identifiers to resources, keeping order and dropping ones TIDAL did not include. */
  resolve(ids: readonly ResourceIdentifier[]): Resource[] {
    const out: Resource[] = [];
    for (const ref of ids) {
      const found = this.get(ref.type, ref.id);
      if (found) out.push(found);
    }
    return out;
  }
}

/** Identifiers of a to-many relationship; empty when the relationship was not included. */
export function relationshipIds(resource: Resource, name: string): ResourceIdentifier[] {
  const data = resource.relationships?.[name]?.data;
  if (Array.isArray(data)) return data;
  return data ? [data] : [];
}

/** The cursor for the next page, from `links.meta.nextCursor` or the `page[cursor]` of `links.next`. */
export function nextCursorOf(links: Links | undefined): string | undefined {
  if (!links) return undefined;
  if (links.meta?.nextCursor) return links.meta.nextCursor;
  if (!links.next) return undefined;
  const query = links.next.split('?')[1];
  return query ? (new URLSearchParams(query).get('page[cursor]') ?? undefined) : undefined;
}

export function attr<T>(resource: Resource, name: string): T | undefined {
  return resource.attributes?.[name] as T | undefined;
}
