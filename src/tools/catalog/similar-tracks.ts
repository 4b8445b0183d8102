import * as z from 'zod/v4';

import type { Mix } from '../../tidal/catalog/index.js';
import type { Page, Track } from '../../tidal/domain.js';
import { type Position, START, takeItems } from '../../tidal/paging.js';
import type { CallContext } from '../../tidal/reader.js';
import { cursorCountry, decodeCursor, encodeCursor } from '../shared/cursor.js';
import {
  defineTool,
  READS_TIDAL,
  type ToolContext,
  type ToolResult,
} from '../shared/define-tool.js';
import { InputError } from '../shared/errors.js';
import { credits, lines, moreLine, trackLine } from '../shared/format.js';
import { linkParam } from '../shared/link-param.js';
import { ArtistRefOutput, TrackOutput } from '../shared/outputs.js';
import { countParam, idParam, ParamCountry, ParamCursor, ParamTrackId } from '../shared/params.js';

const SOURCES = ['similarTracks', 'trackRadio', 'artistRadio'] as const;
type Source = (typeof SOURCES)[number];

const inputSchema = z.strictObject({
  trackId: ParamTrackId.optional().describe(
    'TIDAL track id or link (from search_catalog, get_album, get_artist or tracks_by_isrc): tracks like this one.',
  ),
  artistId: idParam(
    'artist',
    'TIDAL artist id or link (from search_catalog or get_artist): tracks in the style of this artist (its radio).',
  ).optional(),
  url: linkParam(
    ['track', 'artist'],
    'https://tidal.com/browse/track/75413016',
    'A tidal.com track or artist link, instead of trackId or artistId.',
  ).optional(),
  limit: countParam(1, 50, 'How many tracks to return, 1 to 50 (default 20).').optional(),
  cursor: ParamCursor.optional().describe(
    'nextCursor of an earlier similar_tracks call (the seed may be omitted).',
  ),
  country: ParamCountry.optional(),
});

const outputSchema = z.object({
  country: z.string(),
  source: z
    .enum(SOURCES)
    .describe(
      "Where the tracks come from: the track's similar tracks, its track radio (when TIDAL lists no similar tracks), or the artist's radio.",
    ),
  seed: z.object({
    type: z.enum(['track', 'artist']),
    id: z.string(),
    title: z.string().optional(),
    name: z.string().optional(),
    artists: z.array(ArtistRefOutput).optional(),
  }),
  tracks: z.array(TrackOutput),
  nextCursor: z.string().optional().describe('Pass as `cursor` to get more tracks.'),
});

type Output = z.infer<typeof outputSchema>;

const DEFAULT_TRACKS = 20;

function seedName(seed: Output['seed']): string {
  if (seed.type === 'artist')
    return seed.name ? `${seed.name} (id ${seed.id})` : `artist ${seed.id}`;
  if (!seed.title) return `track ${seed.id}`;
  const by = seed.artists && seed.artists.length > 0 ? ` — ${credits(seed.artists)}` : '';
  return `"${seed.title}"${by} (track id ${seed.id})`;
}

function heading(output: Output, first: boolean): string {
  const who = seedName(output.seed);
  if (!first) return `More tracks for ${who} (${output.country}):`;
  switch (output.source) {
    case 'similarTracks':
      return `Tracks similar to ${who}, from TIDAL's similar tracks (${output.country}):`;
    case 'trackRadio':
      return `TIDAL lists no similar tracks for ${who}; from its track radio instead (${output.country}):`;
    default:
      return `Artist radio of ${who} (${output.country}):`;
  }
}

function render(output: Output, first: boolean): string {
  return lines(
    heading(output, first),
    output.tracks.length > 0
      ? output.tracks.map((t) => `- ${trackLine(t)}`)
      : ['- none: TIDAL has no similar tracks or radio for it in this country'],
    moreLine(output.nextCursor),
  );
}

interface Origin {
  source: Source;
  /** The track (similar tracks) or mix (radio) that later pages are read from. */
  pagesOf: string;
  seed: Output['seed'];
  first?: Page<Track>;
}

/** Pages of `origin` from `start`, without the seed track itself (radios open with it). */
async function take(
  origin: Origin,
  start: Position,
  limit: number,
  ctx: ToolContext,
  call: CallContext,
): Promise<Pick<Output, 'tracks' | 'nextCursor'>> {
  const radio = ctx.deps.catalog.radio;
  const fetch = (c: string | undefined): Promise<Page<Track>> =>
    c === undefined && origin.first
      ? Promise.resolve(origin.first)
      : origin.source === 'similarTracks'
        ? radio.similarPage(origin.pagesOf, c, call)
        : radio.mixPage(origin.pagesOf, c, call);
  const withoutSeed = (page: Page<Track>) =>
    origin.seed.type === 'track'
      ? { ...page, items: page.items.filter((t) => t.id !== origin.seed.id) }
      : page;
  const taken = await takeItems(start, limit, async (c) => withoutSeed(await fetch(c)));
  return {
    tracks: taken.items,
    ...(taken.next && {
      nextCursor: encodeCursor({
        k: 'similar-tracks',
        src: origin.source,
        id: origin.pagesOf,
        seed: origin.seed.id,
        c: taken.next.cursor,
        o: taken.next.offset,
        cc: call.country,
      }),
    }),
  };
}

function hasTracks(page: Page<Track>): boolean {
  return page.items.length > 0 || page.nextCursor !== undefined;
}

/** Where the tracks come from: one request for a track (similar tracks and radio) or an artist. */
async function origin(
  seed: { type: 'track' | 'artist'; id: string },
  ctx: ToolContext,
  call: CallContext,
): Promise<Origin> {
  const radio = ctx.deps.catalog.radio;
  const fromMix = (source: Source, mix: Mix, s: Output['seed']): Origin => ({
    source,
    pagesOf: mix.mixId,
    seed: s,
    first: mix.tracks,
  });
  if (seed.type === 'artist') {
    const found = await radio.forArtist(seed.id, call);
    const s = { type: 'artist' as const, id: found.artist.id, name: found.artist.name };
    if (found.radio) return fromMix('artistRadio', found.radio, s);
    return { source: 'artistRadio', pagesOf: s.id, seed: s, first: { items: [] } };
  }
  const found = await radio.forTrack(seed.id, call);
  const s = {
    type: 'track' as const,
    id: found.track.id,
    title: found.track.title,
    artists: found.track.artists,
  };
  if (!hasTracks(found.similar) && found.radio) return fromMix('trackRadio', found.radio, s);
  return { source: 'similarTracks', pagesOf: s.id, seed: s, first: found.similar };
}

function seedOf(input: z.infer<typeof inputSchema>): { type: 'track' | 'artist'; id: string } {
  const given = [input.trackId, input.artistId, input.url].filter((v) => v !== undefined);
  if (given.length !== 1) {
    throw new InputError('trackId', 'give exactly one of trackId, artistId or url');
  }
  if (input.trackId !== undefined) return { type: 'track', id: input.trackId };
  if (input.artistId !== undefined) return { type: 'artist', id: input.artistId };
  const link = input.url as { kind: string; id: string };
  return { type: link.kind === 'artist' ? 'artist' : 'track', id: link.id };
}

export default defineTool({
  name: 'similar_tracks',
  title: 'Find tracks like a TIDAL track or artist',
  description: [
    'Tracks like one track (TIDAL\'s similar tracks, else its track radio) or in the style of an artist (its radio), in TIDAL\'s order: for "more like this" and playlists.',
    'By trackId, artistId or url; the result names the source. Tracks carry BPM, key, ISRC and ids; up to `limit` (default 20) with a nextCursor.',
  ].join('\n'),
  inputSchema,
  outputSchema,
  annotations: READS_TIDAL,
  async handler(input, ctx) {
    const call = { country: ctx.country(input.country), signal: ctx.signal };
    const limit = input.limit ?? DEFAULT_TRACKS;
    if (input.cursor !== undefined) return more(input, limit, ctx, call);
    const from = await origin(seedOf(input), ctx, call);
    const output: Output = {
      country: call.country,
      source: from.source,
      seed: from.seed,
      ...(await take(from, START, limit, ctx, call)),
    };
    return { structured: output, text: render(output, true) };
  },
});

/** A later page, from a nextCursor: one request per TIDAL page not yet cached, nothing else. */
async function more(
  input: z.infer<typeof inputSchema>,
  limit: number,
  ctx: ToolContext,
  call: CallContext,
): Promise<ToolResult<Output>> {
  const cursor = decodeCursor(input.cursor ?? '', 'similar-tracks', 'similar_tracks');
  call = { ...call, country: cursorCountry(cursor, input.country) };
  const given = input.trackId ?? input.artistId ?? input.url?.id;
  if (given !== undefined && given !== cursor.seed) {
    throw new InputError('cursor', `belongs to the results for ${cursor.seed}, not for ${given}`);
  }
  let from: Origin = {
    source: cursor.src,
    pagesOf: cursor.id,
    seed: { type: cursor.src === 'artistRadio' ? 'artist' : 'track', id: cursor.seed },
  };
  if (cursor.c === undefined) {
    // Still inside the first page: the first call's seed request (normally cached) holds it.
    const again = await origin(from.seed, ctx, call);
    if (again.source === from.source && again.pagesOf === from.pagesOf) from = again;
  }
  const output: Output = {
    country: call.country,
    source: from.source,
    seed: from.seed,
    ...(await take(from, { cursor: cursor.c, offset: cursor.o }, limit, ctx, call)),
  };
  return { structured: output, text: render(output, false) };
}
