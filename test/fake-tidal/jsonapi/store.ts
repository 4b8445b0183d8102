/**
 * Generic resource store: (type, id) -> resource object, plus named relationship resolvers per
 * type. Endpoints and the include engine only talk to this interface, so a later issue can
 * register user-owned types (users, user playlists) without touching either.
 */
import type { TokenRecord } from '../auth/token-registry.js';
import type { ExplicitFilter } from '../catalog.js';
import type { Query } from './query.js';
import type { Identifier, ResourceObject } from './serialize.js';

/** Per-request inputs every resolver may depend on. */
export interface RequestContext {
  /** Resolved ISO country (explicit countryCode, or the user token's country). */
  country: string;
  explicitFilter: ExplicitFilter;
  pageSize: number;
  query: Query;
  token?: TokenRecord;
}

export interface RelationshipDef {
  /** Types the related identifiers can have; include-path validation walks these. */
  targets: readonly string[];
  /** To-one relationships serialise `data` as one identifier or null. Default 'many'. */
  cardinality?: 'many' | 'one';
  /** Extra query parameters the relationship endpoint accepts, with allowed values (`collapseBy`). */
  params?: Record<string, { values: readonly string[]; required: boolean }>;
  /** Full ordered identifier list; paging is applied by the caller. */
  resolve(ownerId: string, ctx: RequestContext): Identifier[];
}

export interface ResourceTypeDef {
  /** undefined = 404 (missing, or not available in ctx.country). */
  load(id: string, ctx: RequestContext): ResourceObject | undefined;
  relationships: Record<string, RelationshipDef>;
}

/** A relationship TIDAL documents but the fake has no data for: always empty, never a 400. */
export function emptyRelationship(
  targets: readonly string[],
  cardinality: 'many' | 'one' = 'many',
): RelationshipDef {
  return { targets, cardinality, resolve: () => [] };
}

export class ResourceStore {
  private readonly types = new Map<string, ResourceTypeDef>();

  register(type: string, def: ResourceTypeDef): this {
    this.types.set(type, def);
    return this;
  }

  /** The registered definition, so a later module can wrap it (user playlists over editorial). */
  get(type: string): ResourceTypeDef | undefined {
    return this.types.get(type);
  }

  has(type: string): boolean {
    return this.types.has(type);
  }

  load(type: string, id: string, ctx: RequestContext): ResourceObject | undefined {
    return this.types.get(type)?.load(id, ctx);
  }

  relationship(type: string, name: string): RelationshipDef | undefined {
    const rels = this.types.get(type)?.relationships;
    return rels && Object.hasOwn(rels, name) ? rels[name] : undefined;
  }

  relationshipNames(type: string): string[] {
    return Object.keys(this.types.get(type)?.relationships ?? {});
  }
}
