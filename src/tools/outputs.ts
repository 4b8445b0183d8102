/** Output schemas shared by the tools; they mirror src/tidal/domain.ts. */
import * as z from 'zod/v4';

export const ArtistRefOutput = z.object({ id: z.string(), name: z.string() });
export const AlbumRefOutput = z.object({ id: z.string(), title: z.string() });

export const TrackOutput = z.object({
  id: z.string(),
  title: z.string(),
  version: z.string().optional(),
  artists: z.array(ArtistRefOutput),
  album: AlbumRefOutput.optional(),
  durationSeconds: z.number(),
  explicit: z.boolean(),
  isrc: z.string().optional(),
  url: z.string(),
  trackNumber: z.number().optional(),
  volumeNumber: z.number().optional(),
});

export const AlbumOutput = z.object({
  id: z.string(),
  title: z.string(),
  version: z.string().optional(),
  type: z.string(),
  artists: z.array(ArtistRefOutput),
  releaseDate: z.string().optional(),
  numberOfTracks: z.number(),
  numberOfVolumes: z.number(),
  durationSeconds: z.number(),
  explicit: z.boolean(),
  barcode: z.string(),
  url: z.string(),
  coverUrl: z.string().optional(),
  copyright: z.string().optional(),
  mediaTags: z.array(z.string()),
});

export const ArtistOutput = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  pictureUrl: z.string().optional(),
  popularity: z.number().optional(),
});

export const VideoOutput = z.object({
  id: z.string(),
  title: z.string(),
  artists: z.array(ArtistRefOutput),
  durationSeconds: z.number(),
  explicit: z.boolean(),
  releaseDate: z.string().optional(),
  url: z.string(),
});

export const PlaylistOutput = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  type: z.string().optional(),
  accessType: z.string().optional(),
  numberOfItems: z.number().optional(),
  durationSeconds: z.number().optional(),
  lastModifiedAt: z.string().optional(),
  url: z.string(),
});

/** A bounded list with the cursor to continue it. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().optional().describe('Pass as `cursor` to get the next items.'),
  });
}
