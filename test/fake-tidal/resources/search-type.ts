/**
 * The `searchResults` type. Its id is opaque to clients (TIDAL: "An opaque search results
 * identifier") but the fake needs to recover the query from it on the relationship endpoints,
 * so it is base64url of [query, country]; the country actually used is always the request's.
 */
import { randomUUID } from 'node:crypto';

import type { Catalog, SearchResult } from '../catalog.js';
import type { Identifier } from '../jsonapi/serialize.js';
import type { RelationshipDef, ResourceStore } from '../jsonapi/store.js';

export function encodeSearchId(query: string, country: string): string {
  return Buffer.from(JSON.stringify([query, country]), 'utf8').toString('base64url');
}

export function decodeSearchId(id: string): { query: string; country: string } | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(id, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === 'string' &&
      typeof parsed[1] === 'string'
    ) {
      return { query: parsed[0], country: parsed[1] };
    }
  } catch {
    // not ours: 404 like any unknown id
  }
  return undefined;
}

const RESULT_TYPES = ['tracks', 'albums', 'artists', 'playlists', 'videos'] as const;

export function registerSearchType(store: ResourceStore, c: Catalog): void {
  const rel = (
    pick: (r: SearchResult) => Identifier[],
    targets: readonly string[],
  ): RelationshipDef => ({
    targets,
    resolve: (id, ctx) => {
      const decoded = decodeSearchId(id);
      return decoded ? pick(c.search(decoded.query, ctx.country, ctx.explicitFilter)) : [];
    },
  });
  const relationships: Record<string, RelationshipDef> = {
    topHits: rel((r) => r.topHits.map((h) => ({ id: h.id, type: h.type })), RESULT_TYPES),
  };
  for (const type of RESULT_TYPES) {
    relationships[type] = rel((r) => r[type].map((x) => ({ id: x.id, type })), [type]);
  }
  store.register('searchResults', {
    load: (id) => {
      const decoded = decodeSearchId(id);
      if (!decoded) return undefined;
      return {
        id,
        type: 'searchResults',
        attributes: { query: decoded.query, trackingId: randomUUID() },
      };
    },
    relationships,
  });
}
