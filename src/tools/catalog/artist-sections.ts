/**
 * The sections of get_artist and how each one pages. Top tracks, videos and similar artists come
 * in TIDAL's order and continue with TIDAL's cursors. Albums and singles come from one list TIDAL
 * neither sorts nor filters by type, so it is read whole (first page embedded in the artist
 * request, 20 releases per further request), duplicate releases are folded together, the rest is
 * split by type and sorted newest first, and these two sections page by offset into that list.
 */
import * as z from 'zod/v4';

import type { ArtistPart, ArtistProfile, TidalCatalog } from '../../tidal/catalog/index.js';
import type { Album, Page } from '../../tidal/domain.js';
import { type Position, takeItems } from '../../tidal/paging.js';
import type { CallContext } from '../../tidal/reader.js';
import { encodeCursor } from '../shared/cursor.js';
import { AlbumOutput } from '../shared/outputs.js';

export const ARTIST_SECTIONS = [
  'topTracks',
  'albums',
  'singles',
  'videos',
  'similarArtists',
] as const;
export type ArtistSection = (typeof ARTIST_SECTIONS)[number];

/** Which artist relationship a section comes from. */
export const SECTION_PART: Record<ArtistSection, ArtistPart> = {
  topTracks: 'tracks',
  albums: 'albums',
  singles: 'albums',
  videos: 'videos',
  similarArtists: 'similarArtists',
};

export const ReleaseOutput = AlbumOutput.extend({
  otherVersions: z
    .array(z.object({ id: z.string(), explicit: z.boolean() }))
    .optional()
    .describe(
      'Other TIDAL releases of the same album (same title, type, tracks and date, e.g. the clean version), folded into this entry.',
    ),
});
export type Release = z.infer<typeof ReleaseOutput>;

export interface SectionPage<T> {
  items: T[];
  nextCursor?: string;
  /** Albums and singles only: how many there are in all. */
  total?: number;
}

/** What every section needs: whose, the parts of the artist request (for cursors), how many. */
export interface SectionScope {
  artistId: string;
  parts: ArtistPart[];
  limit: number;
  catalog: Pick<TidalCatalog, 'artists'>;
  call: CallContext;
}

/** A section in TIDAL's order, from `start`; `first` is the page embedded in the profile. */
export async function pagedSection(
  scope: SectionScope,
  section: Exclude<ArtistSection, 'albums' | 'singles'>,
  start: Position,
  first: Page<unknown> | undefined,
): Promise<SectionPage<unknown>> {
  const { artistId, catalog, call } = scope;
  const part = SECTION_PART[section];
  const taken = await takeItems<unknown>(start, scope.limit, (c) =>
    c === undefined && first
      ? Promise.resolve(first)
      : catalog.artists.partPage(artistId, part, c, call),
  );
  return {
    items: taken.items,
    ...(taken.next && {
      nextCursor: encodeCursor({
        k: 'artist',
        id: artistId,
        s: section,
        p: scope.parts,
        c: taken.next.cursor,
        o: taken.next.offset,
        cc: call.country,
      }),
    }),
  };
}

export function isSingleOrEp(album: Album): boolean {
  return album.type === 'SINGLE' || album.type === 'EP';
}

/** Releases that differ only in explicitness or barcode, folded into the first of them. */
export function foldVersions(albums: readonly Album[]): Release[] {
  const byKey = new Map<string, Release>();
  // The explicit (original) release is kept when there is one, then the more popular.
  const preferred = [...albums].sort(
    (a, b) => Number(b.explicit) - Number(a.explicit) || (b.popularity ?? 0) - (a.popularity ?? 0),
  );
  const key = (a: Album) =>
    [a.title.trim().toLowerCase(), a.version ?? '', a.type, a.numberOfTracks, a.releaseDate].join(
      '\u0000',
    );
  for (const album of preferred) {
    const kept = byKey.get(key(album));
    if (!kept) byKey.set(key(album), { ...album });
    else (kept.otherVersions ??= []).push({ id: album.id, explicit: album.explicit });
  }
  // Back to TIDAL's order for the kept ones, so equal dates keep it after sorting.
  const kept = new Set([...byKey.values()].map((r) => r.id));
  return albums.flatMap((a) => (kept.has(a.id) ? [byKey.get(key(a))!] : []));
}

/** Newest first; releases without a date last; otherwise TIDAL's order (the sort is stable). */
export function newestFirst<T extends Album>(albums: readonly T[]): T[] {
  return [...albums].sort((a, b) => {
    if (a.releaseDate === b.releaseDate) return 0;
    if (a.releaseDate === undefined) return 1;
    if (b.releaseDate === undefined) return -1;
    return a.releaseDate < b.releaseDate ? 1 : -1;
  });
}

export interface ReleaseSections {
  albums?: SectionPage<Release>;
  singles?: SectionPage<Release>;
  /** Set when the artist has more releases than are read. */
  truncated: boolean;
}

/** The albums and/or singles sections, each from its own offset into the sorted list. */
export async function releaseSections(
  scope: SectionScope,
  wanted: readonly { section: 'albums' | 'singles'; offset: number }[],
  profile: Pick<ArtistProfile, 'albums'> | undefined,
): Promise<ReleaseSections> {
  const { artistId, catalog, call, limit } = scope;
  const { albums, complete } = await catalog.artists.allReleases(artistId, profile?.albums, call);
  const sorted = newestFirst(foldVersions(albums));
  const out: ReleaseSections = { truncated: !complete };
  for (const { section, offset } of wanted) {
    const list = sorted.filter((a) => isSingleOrEp(a) === (section === 'singles'));
    const end = offset + limit;
    out[section] = {
      items: list.slice(offset, end),
      total: list.length,
      ...(end < list.length && {
        nextCursor: encodeCursor({
          k: 'artist',
          id: artistId,
          s: section,
          p: scope.parts,
          o: end,
          cc: call.country,
        }),
      }),
    };
  }
  return out;
}
