/**
 * Tool cursors are opaque to the model: base64url JSON naming the tool they belong to, what they
 * continue (search id and type, album, artist), the position inside TIDAL's pages, and what they
 * are bound to (the search query's fingerprint, the country). A cursor used with another tool,
 * query or country is an input error that says what to do, never silently reused.
 */

import * as z from 'zod/v4';

import { InputError } from './errors.js';
import { TIDAL_ID_PATTERN } from './params.js';

/** Ids decoded from a cursor obey the same rules as ids given directly. */
const Id = z.string().regex(TIDAL_ID_PATTERN);
const Country = z.string().regex(/^[A-Z]{2}$/);

const CursorSchema = z.discriminatedUnion('k', [
  z.object({
    k: z.literal('search'),
    // TIDAL's search ids are opaque; apiPath() encodes them and refuses "." and "..".
    id: z.string().min(1).max(512),
    t: z.enum(['tracks', 'albums', 'artists', 'videos', 'playlists']),
    c: z.string().optional(),
    o: z.number().int().min(0),
    /** queryFingerprint() of the search it continues. */
    q: z.string().min(1).max(32),
    cc: Country,
  }),
  z.object({
    k: z.literal('album'),
    id: Id,
    c: z.string().min(1),
    cc: Country,
    /** Items listed so far and the album's numberOfItems: the last page can tell what is missing. */
    n: z.number().int().min(0),
    of: z.number().int().min(0),
  }),
  z.object({
    k: z.literal('similar'),
    id: Id,
    c: z.string().optional(),
    o: z.number().int().min(0),
    cc: Country,
  }),
  // match_tracks: a result kept in ResultPages (`h`), from line `o` on.
  z.object({ k: z.literal('matches'), h: z.uuid(), o: z.number().int().min(0) }),
  // get_artist: one section of an artist; albums and singles page by offset in the sorted list.
  // `p`: the parts of the first artist request, whose cached answer holds the first pages.
  z.object({
    k: z.literal('artist'),
    id: Id,
    s: z.enum(['topTracks', 'albums', 'singles', 'videos', 'similarArtists']),
    p: z.array(z.enum(['tracks', 'albums', 'videos', 'similarArtists'])).max(4),
    c: z.string().optional(),
    o: z.number().int().min(0),
    cc: Country,
  }),
  // similar_tracks: `id` is the track (similar tracks) or the mix (radio) the pages come from.
  z.object({
    k: z.literal('similar-tracks'),
    src: z.enum(['similarTracks', 'trackRadio', 'artistRadio']),
    id: Id,
    seed: Id,
    c: z.string().optional(),
    o: z.number().int().min(0),
    cc: Country,
  }),
  z.object({
    k: z.literal('playlist-items'),
    id: Id,
    c: z.string().optional(),
    o: z.number().int().min(0),
    /** Items shown before this page, so positions continue. */
    n: z.number().int().min(0),
    cc: Country,
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

/** Which call hands out each kind of cursor, for "pass it to ..." messages. */
const ISSUED_BY: Record<Cursor['k'], string> = {
  search: 'search_catalog',
  album: 'get_album',
  similar: 'similar_artists',
  artist: 'get_artist',
  matches: 'match_tracks',
  'similar-tracks': 'similar_tracks',
  'playlist-items': 'get_playlist',
  library: 'get_library',
};

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
  if (!result.success) {
    throw new InputError(
      'cursor',
      `expected a nextCursor value returned by an earlier ${toolName} call (or repeat the call without cursor)`,
    );
  }
  if (result.data.k !== kind) {
    const owner = ISSUED_BY[result.data.k];
    throw new InputError(
      'cursor',
      `comes from ${owner}, not ${toolName}: pass it to ${owner}, or repeat this ${toolName} call without cursor`,
    );
  }
  return result.data as Extract<Cursor, { k: K }>;
}

/**
 * The country a cursor continues in: its own, unless the call names another one, which cannot
 * continue it (TIDAL's pages and availability are per country).
 */
export function cursorCountry(cursor: { cc: string }, given: string | undefined): string {
  if (given === undefined || given.toUpperCase() === cursor.cc) return cursor.cc;
  throw new InputError(
    'cursor',
    `belongs to a call for country ${cursor.cc}, not ${given.toUpperCase()}: repeat with country ${cursor.cc}, or call again without cursor`,
  );
}

/** A short fingerprint of a search query: case and spacing do not make another search. */
export function queryFingerprint(query: string): string {
  const normalized = query.trim().replace(/\s+/g, ' ').toLowerCase();
  // node:crypto is fetched here, not imported: loading it costs every start about 5 ms, and
  // most sessions never page a search.
  const { createHash } = process.getBuiltinModule('node:crypto');
  return createHash('sha256').update(normalized).digest('base64url').slice(0, 12);
}
