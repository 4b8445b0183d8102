import * as z from 'zod/v4';

import type { ArtistProfile } from '../../tidal/catalog/index.js';
import type { Artist } from '../../tidal/domain.js';
import { type Position, START } from '../../tidal/paging.js';
import type { CallContext } from '../../tidal/reader.js';
import { artistByName, ResolvedFromOutput } from '../shared/artist-by-name.js';
import { cursorCountry, decodeCursor } from '../shared/cursor.js';
import {
  defineTool,
  READS_TIDAL,
  type ToolContext,
  type ToolResult,
} from '../shared/define-tool.js';
import { InputError } from '../shared/errors.js';
import { linkParam } from '../shared/link-param.js';
import { ArtistOutput, listOf, TrackOutput, VideoOutput } from '../shared/outputs.js';
import {
  DEFAULT_LIMIT,
  freeText,
  listParam,
  ParamArtistId,
  ParamCountry,
  ParamCursor,
  ParamLimit,
} from '../shared/params.js';
import {
  ARTIST_SECTIONS,
  type ArtistSection,
  pagedSection,
  ReleaseOutput,
  releaseSections,
  SECTION_PART,
  type SectionScope,
} from './artist-sections.js';
import { render } from './get-artist-text.js';

const DEFAULT_SECTIONS: ArtistSection[] = ['topTracks', 'albums'];

const inputSchema = z.strictObject({
  artistId: ParamArtistId.optional(),
  artistName: freeText(1, 256, 'an artist name')
    .optional()
    .describe(
      'Artist name when the id is unknown; the best search match is used, and the result says which artist was picked and lists up to 3 other matches with ids.',
    ),
  url: linkParam(
    ['artist'],
    'https://tidal.com/browse/artist/1566',
    'A tidal.com artist link, e.g. https://tidal.com/browse/artist/1566, instead of artistId.',
  ).optional(),
  include: listParam(
    z.enum(ARTIST_SECTIONS, {
      error: `expected one of ${ARTIST_SECTIONS.join(', ')}`,
    }),
    1,
    ARTIST_SECTIONS.length,
    'section',
  )
    .optional()
    .describe(
      'Sections to return (default ["topTracks", "albums"]): topTracks (most popular tracks), albums (newest first), singles (singles and EPs, newest first), videos, similarArtists.',
    ),
  limit: ParamLimit.optional().describe('Items per section, 1 to 50 (default 10).'),
  cursor: ParamCursor.optional().describe(
    'nextCursor of one section of an earlier get_artist call: more of that section.',
  ),
  country: ParamCountry.optional(),
});

const ReleasesOutput = listOf(ReleaseOutput).extend({
  total: z.number().optional().describe('How many there are in all.'),
});

const outputSchema = z.object({
  country: z.string(),
  artist: ArtistOutput.partial({ name: true, url: true }).extend({
    roles: z.array(z.string()).optional().describe('TIDAL artist roles, e.g. Artist, Producer.'),
  }),
  resolvedFrom: ResolvedFromOutput.optional(),
  topTracks: listOf(TrackOutput).optional().describe('Most popular first, one per recording.'),
  albums: ReleasesOutput.optional().describe('Albums, newest first.'),
  singles: ReleasesOutput.optional().describe('Singles and EPs, newest first.'),
  videos: listOf(VideoOutput).optional(),
  similarArtists: listOf(ArtistOutput).optional(),
  note: z.string().optional(),
});

export type Output = z.infer<typeof outputSchema>;

const TRUNCATED_NOTE =
  'The artist has more releases than get_artist reads (200); albums and singles are sorted among the first 200 TIDAL lists.';

/** Similar-artist lists are names and links; pictures and popularity would only cost context. */
function compact(artist: Artist): Artist {
  return { id: artist.id, name: artist.name, url: artist.url };
}

function seedOf(input: z.infer<typeof inputSchema>): { artistId?: string; artistName?: string } {
  const given = [input.artistId, input.artistName, input.url].filter((v) => v !== undefined);
  if (given.length !== 1) {
    throw new InputError('artistId', 'give exactly one of artistId, artistName or url');
  }
  if (input.artistName !== undefined) return { artistName: input.artistName };
  return { artistId: input.artistId ?? input.url?.id };
}

export default defineTool({
  name: 'get_artist',
  title: 'Get a TIDAL artist with top tracks, albums and more',
  description: [
    'One TIDAL artist (name, link, picture, popularity, roles) with the sections named in include: topTracks, albums, singles (with EPs), videos, similarArtists; default topTracks and albums; releases newest first.',
    'By artistId, artistName (the result names the pick and up to 3 other matches) or url.',
    'Each section holds up to `limit` items with its own nextCursor.',
  ].join('\n'),
  inputSchema,
  outputSchema,
  annotations: READS_TIDAL,
  async handler(input, ctx) {
    const call = { country: ctx.country(input.country), signal: ctx.signal };
    const limit = input.limit ?? DEFAULT_LIMIT;
    if (input.cursor !== undefined) return more(input, limit, ctx, call);
    const seed = seedOf(input);
    const sections = ARTIST_SECTIONS.filter((s) => (input.include ?? DEFAULT_SECTIONS).includes(s));
    const byName =
      seed.artistName !== undefined
        ? await artistByName(ctx.deps.catalog, seed.artistName, call)
        : undefined;
    const artistId = byName?.artistId ?? seed.artistId ?? '';
    const parts = [...new Set(sections.map((s) => SECTION_PART[s]))];
    const profile = await ctx.deps.catalog.artists.profile(artistId, parts, call);
    const output: Output = {
      country: call.country,
      artist: { ...profile.artist, ...(profile.roles.length > 0 && { roles: profile.roles }) },
      ...(byName && { resolvedFrom: byName.resolvedFrom }),
    };
    const scope = { artistId, parts, limit, catalog: ctx.deps.catalog, call };
    await fill(output, scope, sections, profile, () => START);
    return { structured: output, text: render(output) };
  },
});

/** The sections, each from its own start; `profile` holds their first pages. */
async function fill(
  output: Output,
  scope: SectionScope,
  sections: readonly ArtistSection[],
  profile: ArtistProfile | undefined,
  start: (section: ArtistSection) => Position,
): Promise<void> {
  const releases = sections.flatMap((s) =>
    s === 'albums' || s === 'singles' ? [{ section: s, offset: start(s).offset }] : [],
  );
  if (releases.length > 0) {
    const found = await releaseSections(scope, releases, profile);
    for (const { section } of releases) Object.assign(output, { [section]: found[section] });
    if (found.truncated) output.note = TRUNCATED_NOTE;
  }
  for (const section of sections) {
    if (section === 'albums' || section === 'singles') continue;
    const page = await pagedSection(
      scope,
      section,
      start(section),
      profile?.[SECTION_PART[section]],
    );
    const items = section === 'similarArtists' ? (page.items as Artist[]).map(compact) : page.items;
    Object.assign(output, { [section]: { ...page, items } });
  }
}

/**
 * More of one section, from a nextCursor. The first pages come from the first call's artist
 * request, which is normally still cached; later pages from the relationship endpoints.
 */
async function more(
  input: z.infer<typeof inputSchema>,
  limit: number,
  ctx: ToolContext,
  call: CallContext,
): Promise<ToolResult<Output>> {
  const cursor = decodeCursor(input.cursor ?? '', 'artist', 'get_artist');
  call = { ...call, country: cursorCountry(cursor, input.country) };
  const givenId = input.artistId ?? input.url?.id;
  if (givenId !== undefined && givenId !== cursor.id) {
    throw new InputError('cursor', `belongs to artist ${cursor.id}, not to artist ${givenId}`);
  }
  if (input.artistName !== undefined || input.include !== undefined) {
    throw new InputError(
      input.artistName !== undefined ? 'artistName' : 'include',
      'not used with cursor: the cursor already names the artist and the section',
    );
  }
  const catalog = ctx.deps.catalog;
  const scope = { artistId: cursor.id, parts: cursor.p, limit, catalog, call };
  const fromProfile = cursor.c === undefined || cursor.s === 'albums' || cursor.s === 'singles';
  const profile = fromProfile
    ? await catalog.artists.profile(cursor.id, cursor.p, call)
    : undefined;
  const output: Output = { country: call.country, artist: { id: cursor.id } };
  await fill(output, scope, [cursor.s], profile, () => ({ cursor: cursor.c, offset: cursor.o }));
  return { structured: output, text: render(output) };
}
