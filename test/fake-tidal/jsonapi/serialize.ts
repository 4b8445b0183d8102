/**
 * Catalog records -> OAS resource objects (`Albums_Attributes`, `Tracks_Attributes`, ...).
 * Only attributes the OAS declares are emitted, with the documented formats: ISO 8601 durations,
 * `YYYY-MM-DD` release dates, popularity in 0..1, TIDAL_SHARING external links.
 * `relationships` is never set here: the include engine adds just the requested ones.
 */
import { type Catalog, isoDuration } from '../catalog.js';
import type {
  AlbumRec,
  ArtistRec,
  ArtworkRec,
  PlaylistRec,
  TrackRec,
  VideoRec,
} from '../catalog/model.js';
import type { Links } from './pagination.js';

export interface Identifier {
  id: string;
  type: string;
  meta?: Record<string, unknown>;
}

export interface RelationshipObject {
  data: Identifier[] | Identifier | null;
  links: Links;
}

export interface ResourceObject {
  id: string;
  type: string;
  attributes?: Record<string, unknown>;
  relationships?: Record<string, RelationshipObject>;
}

const sharing = (kind: string, id: string) => [
  { href: `https://tidal.com/browse/${kind}/${id}`, meta: { type: 'TIDAL_SHARING' } },
];

export function trackResource(t: TrackRec): ResourceObject {
  return {
    id: t.id,
    type: 'tracks',
    attributes: {
      title: t.title,
      ...(t.version ? { version: t.version } : {}),
      isrc: t.isrc,
      duration: isoDuration(t.durationSeconds),
      explicit: t.explicit,
      popularity: t.popularity,
      key: t.key,
      keyScale: t.keyScale,
      bpm: t.bpm,
      mediaTags: t.mediaTags,
      createdAt: t.createdAt,
      externalLinks: sharing('track', t.id),
    },
  };
}

export function albumResource(a: AlbumRec, catalog: Catalog): ResourceObject {
  return {
    id: a.id,
    type: 'albums',
    attributes: {
      title: a.title,
      ...(a.version ? { version: a.version } : {}),
      barcodeId: a.barcodeId,
      albumType: a.albumType,
      duration: isoDuration(catalog.albumDurationSeconds(a)),
      explicit: catalog.albumExplicit(a),
      mediaTags: a.mediaTags,
      numberOfItems: catalog.albumItemCount(a),
      numberOfVolumes: a.numberOfVolumes,
      popularity: a.popularity,
      releaseDate: a.releaseDate,
      copyright: { text: a.copyright },
      externalLinks: sharing('album', a.id),
    },
  };
}

export function artistResource(a: ArtistRec): ResourceObject {
  return {
    id: a.id,
    type: 'artists',
    attributes: { name: a.name, popularity: a.popularity, externalLinks: sharing('artist', a.id) },
  };
}

export function videoResource(v: VideoRec): ResourceObject {
  return {
    id: v.id,
    type: 'videos',
    attributes: {
      title: v.title,
      isrc: v.isrc,
      duration: isoDuration(v.durationSeconds),
      explicit: v.explicit,
      popularity: v.popularity,
      releaseDate: v.releaseDate,
      externalLinks: sharing('video', v.id),
    },
  };
}

export function playlistResource(p: PlaylistRec, catalog: Catalog): ResourceObject {
  const seconds = p.items.reduce(
    (s, it) =>
      s +
      (it.type === 'tracks'
        ? (catalog.track(it.id)?.durationSeconds ?? 0)
        : (catalog.video(it.id)?.durationSeconds ?? 0)),
    0,
  );
  const videos = p.items.filter((it) => it.type === 'videos').length;
  return {
    id: p.id,
    type: 'playlists',
    attributes: {
      name: p.name,
      description: p.description,
      accessType: 'PUBLIC',
      playlistType: 'EDITORIAL',
      bounded: true,
      createdAt: p.createdAt,
      lastModifiedAt: p.lastModifiedAt,
      duration: isoDuration(seconds),
      numberOfItems: p.items.length,
      numberOfTrackItems: p.items.length - videos,
      numberOfVideoItems: videos,
      numberOfFollowers: p.numberOfFollowers,
      externalLinks: sharing('playlist', p.id),
    },
  };
}

/** Image URLs follow TIDAL's resources host layout: the uuid split into path segments. */
export function artworkResource(a: ArtworkRec): ResourceObject {
  const path = a.id.replace(/-/g, '/');
  return {
    id: a.id,
    type: 'artworks',
    attributes: {
      mediaType: 'IMAGE',
      files: a.sizes.map(([width, height]) => ({
        href: `https://resources.tidal.com/images/${path}/${width}x${height}.jpg`,
        meta: { width, height },
      })),
    },
  };
}
