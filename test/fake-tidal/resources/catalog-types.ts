/**
 * Store definitions for the catalog types. Relationship names are exactly the OAS "Available
 * options" of each GET /<type>/{id} include parameter; the ones the fake has no data for resolve
 * to empty (to-one: null) instead of 400, because real TIDAL accepts them.
 */
import type { Catalog, TrackRec } from '../catalog.js';
import { listParam } from '../jsonapi/query.js';
import {
  albumResource,
  artistResource,
  artworkResource,
  type Identifier,
  playlistResource,
  trackResource,
  videoResource,
} from '../jsonapi/serialize.js';
import {
  emptyRelationship as empty,
  type RelationshipDef,
  type RequestContext,
  type ResourceStore,
} from '../jsonapi/store.js';

const ids = (type: string, list: readonly { id: string }[]): Identifier[] =>
  list.map((x) => ({ id: x.id, type }));

function rel(targets: readonly string[], resolve: RelationshipDef['resolve']): RelationshipDef {
  return { targets, resolve };
}

const ONE = 'one' as const;

export function registerCatalogTypes(store: ResourceStore, c: Catalog): void {
  const art = (id: string): Identifier[] => [{ id, type: 'artworks' }];
  const available = (ctx: RequestContext) => (t: TrackRec) => c.isAvailable(t, ctx.country);

  store.register('albums', {
    load: (id, ctx) => {
      const a = c.album(id);
      return a && c.isAvailable(a, ctx.country) ? albumResource(a, c) : undefined;
    },
    relationships: {
      albumStatistics: empty(['albumStatistics'], ONE),
      artists: rel(['artists'], (id) =>
        ids(
          'artists',
          c.album(id)!.artistIds.map((a) => c.artist(a)!),
        ),
      ),
      coverArt: rel(['artworks'], (id) => art(c.album(id)!.artworkId)),
      genres: empty(['genres']),
      // Tracks missing in the country are left out (numberOfItems still counts them); videos
      // among the items are listed as videos, as on TIDAL.
      items: rel(['tracks', 'videos'], (id, ctx) =>
        c.albumEntries(id, ctx.country).map((it) => ({
          id: it.id,
          type: it.type,
          meta: { trackNumber: it.trackNumber, volumeNumber: it.volumeNumber },
        })),
      ),
      owners: empty(['users']),
      priceConfig: empty(['priceConfigurations'], ONE),
      providers: empty(['providers']),
      replacement: empty(['albums'], ONE),
      shares: empty(['shares']),
      similarAlbums: rel(['albums'], (id, ctx) =>
        ids(
          'albums',
          c
            .similarArtists(c.album(id)!.artistIds[0]!)
            .flatMap((a) => c.artistAlbums(a.id, ctx.country).slice(0, 1)),
        ),
      ),
      suggestedCoverArts: empty(['artworks']),
      usageRules: empty(['usageRules'], ONE),
    },
  });

  store.register('tracks', {
    load: (id, ctx) => {
      const t = c.track(id);
      return t && c.isAvailable(t, ctx.country) ? trackResource(t) : undefined;
    },
    relationships: {
      albums: rel(['albums'], (id) => [{ id: c.track(id)!.albumId, type: 'albums' }]),
      artists: rel(['artists'], (id) =>
        ids(
          'artists',
          c.track(id)!.artistIds.map((a) => c.artist(a)!),
        ),
      ),
      credits: empty(['credits']),
      download: empty(['downloads'], ONE),
      genres: empty(['genres']),
      lyrics: empty(['lyrics']),
      metadataStatus: empty(['trackMetadataStatus'], ONE),
      owners: empty(['users']),
      priceConfig: empty(['priceConfigurations'], ONE),
      providers: empty(['providers']),
      radio: empty(['playlists']),
      replacement: empty(['tracks'], ONE),
      shares: empty(['shares']),
      // Lead tracks of the main artist's similar artists: plausible and deterministic.
      similarTracks: rel(['tracks'], (id, ctx) =>
        ids(
          'tracks',
          c
            .similarArtists(c.track(id)!.artistIds[0]!)
            .flatMap((a) => c.artistAlbums(a.id, ctx.country).slice(0, 1))
            .map((al) => c.albumTracks(al.id)[0]!),
        ),
      ),
      sourceFile: empty(['trackSourceFiles'], ONE),
      suggestedTracks: empty(['tracks']),
      trackStatistics: empty(['trackStatistics'], ONE),
      usageRules: empty(['usageRules'], ONE),
    },
  });

  store.register('artists', {
    load: (id) => {
      const a = c.artist(id);
      return a ? artistResource(a) : undefined;
    },
    relationships: {
      albums: rel(['albums'], (id, ctx) => ids('albums', c.artistAlbums(id, ctx.country))),
      biography: empty(['artistBiographies'], ONE),
      claimStatus: empty(['artistClaimStatuses'], ONE),
      followers: empty(['users']),
      following: empty(['users']),
      owners: empty(['users']),
      profileArt: rel(['artworks'], (id) => art(c.artist(id)!.artworkId)),
      radio: empty(['playlists']),
      roles: empty(['artistRoles']),
      similarArtists: rel(['artists'], (id) => ids('artists', c.similarArtists(id))),
      trackProviders: empty(['providers']),
      tracks: {
        targets: ['tracks'],
        params: { collapseBy: { values: ['FINGERPRINT', 'NONE'], required: true } },
        // Most popular first; FINGERPRINT (default when included) keeps one track per ISRC.
        resolve: (id, ctx) => {
          const mine = c.tracks
            .filter((t) => t.artistIds.includes(id))
            .filter(available(ctx))
            .sort((a, b) => b.popularity - a.popularity || (a.id < b.id ? -1 : 1));
          if (listParam(ctx.query, 'collapseBy')[0] === 'NONE') return ids('tracks', mine);
          const seen = new Set<string>();
          return ids(
            'tracks',
            mine.filter((t) => !seen.has(t.isrc) && seen.add(t.isrc)),
          );
        },
      },
      videos: rel(['videos'], (id) =>
        ids(
          'videos',
          c.artist(id)!.videoIds.map((v) => c.video(v)!),
        ),
      ),
    },
  });

  store.register('videos', {
    load: (id) => {
      const v = c.video(id);
      return v ? videoResource(v) : undefined;
    },
    relationships: {
      albums: empty(['albums']),
      artists: rel(['artists'], (id) =>
        ids(
          'artists',
          c.video(id)!.artistIds.map((a) => c.artist(a)!),
        ),
      ),
      credits: empty(['credits']),
      providers: empty(['providers']),
      replacement: empty(['videos'], ONE),
      similarVideos: empty(['videos']),
      suggestedVideos: empty(['videos']),
      thumbnailArt: rel(['artworks'], (id) => art(c.video(id)!.artworkId)),
      usageRules: empty(['usageRules'], ONE),
    },
  });

  store.register('playlists', {
    load: (id) => {
      const p = c.playlist(id);
      return p ? playlistResource(p, c) : undefined;
    },
    relationships: {
      collaboratorProfiles: empty(['userProfiles']),
      collaborators: empty(['users']),
      coverArt: rel(['artworks'], (id) => art(c.playlist(id)!.artworkId)),
      items: rel(['tracks', 'videos'], (id, ctx) =>
        c
          .playlist(id)!
          .items.filter((it) => it.type === 'videos' || available(ctx)(c.track(it.id)!))
          .map((it) => ({
            id: it.id,
            type: it.type,
            meta: { itemId: it.itemId, addedAt: it.addedAt },
          })),
      ),
      ownerProfiles: empty(['userProfiles']),
      owners: empty(['users']),
      suggestedCoverArts: empty(['artworks']),
    },
  });

  store.register('artworks', {
    load: (id) => {
      const a = c.artwork(id);
      return a ? artworkResource(a) : undefined;
    },
    relationships: { owners: empty(['users']) },
  });
}
