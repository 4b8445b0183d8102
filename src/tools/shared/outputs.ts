/**
 * Output schemas shared by the tools. The item shapes are the domain schemas themselves
 * (src/tidal/domain.ts), so a field the mappers fill is always in the published outputSchema.
 */
import * as z from 'zod/v4';

import {
  AlbumRefSchema,
  AlbumSchema,
  ArtistRefSchema,
  ArtistSchema,
  PlaylistSchema,
  TrackSchema,
  VideoSchema,
} from '../../tidal/domain.js';

export const ArtistRefOutput = ArtistRefSchema;
export const AlbumRefOutput = AlbumRefSchema;
export const TrackOutput = TrackSchema;
export const AlbumOutput = AlbumSchema;
export const ArtistOutput = ArtistSchema;
export const VideoOutput = VideoSchema;
export const PlaylistOutput = PlaylistSchema;

/** A bounded list with the cursor to continue it. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().optional().describe('Pass as `cursor` to get the next items.'),
  });
}
