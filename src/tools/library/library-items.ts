/** get_library's item shape and its one-line rendering, per kind. */
import * as z from 'zod/v4';

import type { Album, Artist, Playlist, Track, Video } from '../../tidal/domain.js';
import type { Favorite, Mix } from '../../tidal/library/index.js';
import { albumLine, artistLine, playlistLine, trackLine, videoLine } from '../shared/format.js';
import {
  AlbumOutput,
  ArtistOutput,
  PlaylistOutput,
  TrackOutput,
  VideoOutput,
} from '../shared/outputs.js';

export const LIBRARY_KINDS = [
  'playlists',
  'favorite_playlists',
  'tracks',
  'albums',
  'artists',
  'videos',
  'mixes',
] as const;
export type LibraryKind = (typeof LIBRARY_KINDS)[number];

export const LibraryItemOutput = z.object({
  id: z.string(),
  /** When it became a favorite (favorites only). */
  addedAt: z.string().optional(),
  track: TrackOutput.optional(),
  album: AlbumOutput.optional(),
  artist: ArtistOutput.optional(),
  video: VideoOutput.optional(),
  playlist: PlaylistOutput.optional(),
  /** Mixes only: daily, discovery or new_release. */
  mix: z.enum(['daily', 'discovery', 'new_release']).optional(),
});
export type LibraryItem = z.infer<typeof LibraryItemOutput>;

type FavoriteKind = 'tracks' | 'albums' | 'artists' | 'videos' | 'playlists';

/** A favorite as an item: the object goes in the field of its kind. */
export function favoriteItem(kind: FavoriteKind, f: Favorite): LibraryItem {
  const base = { id: f.id, ...(f.addedAt && { addedAt: f.addedAt }) };
  if (!f.item) return base;
  switch (kind) {
    case 'tracks':
      return { ...base, track: f.item as Track };
    case 'albums':
      return { ...base, album: f.item as Album };
    case 'artists':
      return { ...base, artist: f.item as Artist };
    case 'videos':
      return { ...base, video: f.item as Video };
    case 'playlists':
      return { ...base, playlist: f.item as Playlist };
  }
}

export function mixItem(m: Mix): LibraryItem {
  return { id: m.id, mix: m.family, ...(m.playlist && { playlist: m.playlist }) };
}

const MIX_WORDS = {
  daily: 'daily mix',
  discovery: 'discovery mix',
  new_release: 'new-release mix',
};

const SINGULAR: Record<LibraryKind, string> = {
  playlists: 'playlist',
  favorite_playlists: 'playlist',
  tracks: 'track',
  albums: 'album',
  artists: 'artist',
  videos: 'video',
  mixes: 'mix',
};

export function itemLine(kind: LibraryKind, item: LibraryItem): string {
  const added = item.addedAt ? ` · added ${item.addedAt.slice(0, 10)}` : '';
  const mix = item.mix ? ` · ${MIX_WORDS[item.mix]}` : '';
  const body = item.track
    ? trackLine(item.track)
    : item.album
      ? albumLine(item.album)
      : item.artist
        ? artistLine(item.artist)
        : item.video
          ? videoLine(item.video)
          : item.playlist
            ? playlistLine(item.playlist)
            : `${SINGULAR[kind]} ${item.id} (not available to you right now)`;
  return `${body}${mix}${added}`;
}
