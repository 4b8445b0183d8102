/**
 * The domain objects the tools work with: plain data, ids as strings, durations in seconds, no
 * JSON:API left, optional fields omitted rather than null.
 *
 * Each shape is a zod schema and its type is inferred from it, so the tools' output schemas (which
 * reuse these) and the mappers that fill them can never drift apart: a field added here is in the
 * published outputSchema and type-checked in the mapper at once. zod is not MCP, so this stays in
 * the client layer.
 */
import * as z from 'zod/v4';

export const ArtistRefSchema = z.object({ id: z.string(), name: z.string() });
export type ArtistRef = z.infer<typeof ArtistRefSchema>;

export const AlbumRefSchema = z.object({
  id: z.string(),
  title: z.string(),
  releaseDate: z.string().optional(),
});
export type AlbumRef = z.infer<typeof AlbumRefSchema>;

export const TrackSchema = z.object({
  id: z.string(),
  /** Album and playlist items can be videos; absent means a track. */
  type: z.literal('video').optional(),
  title: z.string(),
  version: z.string().optional(),
  artists: z.array(ArtistRefSchema),
  album: AlbumRefSchema.optional(),
  durationSeconds: z.number(),
  explicit: z.boolean(),
  /** Absent for videos. */
  isrc: z.string().optional(),
  url: z.string(),
  trackNumber: z.number().optional(),
  volumeNumber: z.number().optional(),
  bpm: z.number().optional(),
  /** Key and scale in words, e.g. "A minor" or "F# dorian"; absent when TIDAL does not know. */
  key: z.string().optional(),
  /** 0..1, TIDAL's popularity score. */
  popularity: z.number().optional(),
  /** Quality and format, e.g. LOSSLESS, HIRES_LOSSLESS, DOLBY_ATMOS. */
  mediaTags: z.array(z.string()).optional(),
});
export type Track = z.infer<typeof TrackSchema>;

export const AlbumSchema = z.object({
  id: z.string(),
  title: z.string(),
  version: z.string().optional(),
  /** ALBUM, EP or SINGLE (new values may appear). */
  type: z.string(),
  artists: z.array(ArtistRefSchema),
  releaseDate: z.string().optional(),
  numberOfTracks: z.number(),
  numberOfVolumes: z.number(),
  durationSeconds: z.number(),
  explicit: z.boolean(),
  barcode: z.string(),
  url: z.string(),
  coverUrl: z.string().optional(),
  copyright: z.string().optional(),
  popularity: z.number().optional(),
  mediaTags: z.array(z.string()),
});
export type Album = z.infer<typeof AlbumSchema>;

export const ArtistSchema = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  pictureUrl: z.string().optional(),
  popularity: z.number().optional(),
});
export type Artist = z.infer<typeof ArtistSchema>;

export const VideoSchema = z.object({
  id: z.string(),
  title: z.string(),
  artists: z.array(ArtistRefSchema),
  durationSeconds: z.number(),
  explicit: z.boolean(),
  releaseDate: z.string().optional(),
  url: z.string(),
});
export type Video = z.infer<typeof VideoSchema>;

export const PlaylistSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  /** USER, EDITORIAL, MIX or ARTIST (new values may appear). */
  type: z.string().optional(),
  accessType: z.string().optional(),
  numberOfItems: z.number().optional(),
  durationSeconds: z.number().optional(),
  lastModifiedAt: z.string().optional(),
  url: z.string(),
});
export type Playlist = z.infer<typeof PlaylistSchema>;

/** One page of a cursor-paginated list. `nextCursor` is TIDAL's cursor for the following page. */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}
