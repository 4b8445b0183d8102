/**
 * Tool cursors are opaque to the model: base64url JSON naming the tool they belong to, what they
 * continue (search id and type, album, artist) and the position inside TIDAL's pages.
 */
import * as z from 'zod/v4';
import { InputError } from './errors.js';
import { TIDAL_ID_PATTERN } from './params.js';

/** Ids decoded from a cursor obey the same rules as ids given directly. */
const Id = z.string().regex(TIDAL_ID_PATTERN);

const CursorSchema = z.discriminatedUnion('k', [
  z.object({
    k: z.literal('search'),
    // TIDAL's search ids are opaque; apiPath() encodes them and refuses "." and "..".
    id: z.string().min(1).max(512),
    t: z.enum(['tracks', 'albums', 'artists', 'videos', 'playlists']),
    c: z.string().optional(),
    o: z.number().int().min(0),
  }),
  z.object({ k: z.literal('album'), id: Id, c: z.string().min(1) }),
  z.object({
    k: z.literal('similar'),
    id: Id,
    c: z.string().optional(),
    o: z.number().int().min(0),
  }),
  // get_artist: one section of an artist; albums and singles page by offset in the sorted list.
  // `p`: the parts of the first artist request, whose cached answer holds the first pages.
  z.object({
    k: z.literal('artist'),
    id: Id,
    s: z.enum(['topTracks', 'albums', 'singles', 'videos', 'similarArtists']),
    p: z.array(z.enum(['tracks', 'albums', 'videos', 'similarArtists'])).max(4),
    c: z.string().optional(),
    o: z.number().int().min(0),
  }),
  // similar_tracks: `id` is the track (similar tracks) or the mix (radio) the pages come from.
  z.object({
    k: z.literal('similar-tracks'),
    src: z.enum(['similarTracks', 'trackRadio', 'artistRadio']),
    id: Id,
    seed: Id,
    c: z.string().optional(),
    o: z.number().int().min(0),
  }),
  z.object({
    k: z.literal('playlist-items'),
    id: Id,
    c: z.string().optional(),
    o: z.number().int().min(0),
    /** Items shown before this page, so positions continue. */
    n: z.number().int().min(0),
  }),
  z.object({
    k: z.literal('library'),
    kind: z.string().min(1),
    c: z.string().optional(),
    o: z.number().int().min(0),
    /** mixes: which family the position is in (daily, discovery, new release). */
    f: z.number().int().min(0).optional(),
  }),
]);

export type Cursor = z.infer<typeof CursorSchema>;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

export function decodeCursor<K extends Cursor['k']>(
  value: string,
  kind: K,
  toolName: string,
): Extract<Cursor, { k: K }> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const result = CursorSchema.safeParse(parsed);
  if (!result.success || result.data.k !== kind) {
    throw new InputError(
      'cursor',
      `expected a nextCursor value returned by an earlier ${toolName} call`,
    );
  }
  return result.data as Extract<Cursor, { k: K }>;
}
