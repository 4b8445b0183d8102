/**
 * What discovery needs beyond the catalog types: track and artist radio (mixes served as
 * playlists of type MIX, see mixes.ts) and artist roles. Registered after the catalog types and
 * user playlists, wrapping their definitions so both keep working unchanged.
 */
import type { Catalog } from '../catalog.js';
import { ARTIST_ROLES, ROLE_NAMES } from '../catalog/generate-discovery.js';
import type { RelationshipDef, ResourceStore, ResourceTypeDef } from '../jsonapi/store.js';
import { mixId, mixResource, mixTracks, parseMixId } from './mixes.js';

function replaceRelationships(
  store: ResourceStore,
  type: string,
  replacements: Record<string, RelationshipDef>,
): void {
  const base = store.get(type);
  if (!base) throw new Error(`register ${type} before the discovery types`);
  store.register(type, { ...base, relationships: { ...base.relationships, ...replacements } });
}

/** Playlists that are mixes resolve here; every other id goes to the wrapped definition. */
function withMixes(base: ResourceTypeDef, c: Catalog): ResourceTypeDef {
  const relationships: Record<string, RelationshipDef> = {};
  for (const [name, def] of Object.entries(base.relationships)) {
    relationships[name] = {
      ...def,
      resolve: (id, ctx) => {
        if (!parseMixId(id)) return def.resolve(id, ctx);
        if (name !== 'items') return [];
        return mixTracks(c, id, ctx.country).map((t, i) => ({
          id: t.id,
          type: 'tracks',
          meta: { itemId: `${id}-${i + 1}`, addedAt: '2026-01-01T00:00:00Z' },
        }));
      },
    };
  }
  return {
    load: (id, ctx) => (parseMixId(id) ? mixResource(c, id, ctx.country) : base.load(id, ctx)),
    relationships,
  };
}

export function registerDiscoveryTypes(store: ResourceStore, c: Catalog): void {
  replaceRelationships(store, 'tracks', {
    radio: {
      targets: ['playlists'],
      resolve: (id) => [{ id: mixId('track', id), type: 'playlists' }],
    },
  });
  replaceRelationships(store, 'artists', {
    radio: {
      targets: ['playlists'],
      resolve: (id) => [{ id: mixId('artist', id), type: 'playlists' }],
    },
    roles: {
      targets: ['artistRoles'],
      resolve: (id) => (ARTIST_ROLES[id] ?? []).map((role) => ({ id: role, type: 'artistRoles' })),
    },
  });
  store.register('artistRoles', {
    load: (id) => {
      const name = ROLE_NAMES[id];
      return name ? { id, type: 'artistRoles', attributes: { name } } : undefined;
    },
    relationships: {},
  });
  const playlists = store.get('playlists');
  if (!playlists) throw new Error('register playlists before the discovery types');
  store.register('playlists', withMixes(playlists, c));
}
