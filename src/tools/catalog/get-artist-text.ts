/** The text of a get_artist result: the artist, then one block per section, each with its cursor. */
import type { ArtistRef } from '../../tidal/domain.js';
import { resolvedLine } from '../shared/artist-by-name.js';
import { albumLine, artistLine, lines, moreLine, trackLine, videoLine } from '../shared/format.js';
import type { Release } from './artist-sections.js';
import type { Output } from './get-artist.js';

const HEADINGS = {
  topTracks: 'Top tracks',
  albums: 'Albums, newest first',
  singles: 'Singles and EPs, newest first',
  videos: 'Videos',
  similarArtists: 'Similar artists',
} as const;

function releaseLine(release: Release, context: ArtistRef[]): string {
  const others = (release.otherVersions ?? [])
    .map((v) => `id ${v.id}${v.explicit ? ' (explicit)' : ' (clean)'}`)
    .join(', ');
  return `${albumLine(release, { context })}${others ? ` · also as ${others}` : ''}`;
}

function section(output: Output, name: keyof typeof HEADINGS, context: ArtistRef[]): string[] {
  const list = output[name];
  if (!list) return [];
  const total = 'total' in list && list.total !== undefined ? ` of ${list.total}` : '';
  const heading = `${HEADINGS[name]} (${list.items.length}${total}):`;
  const body = list.items.map((item) => {
    switch (name) {
      case 'topTracks':
        return `- ${trackLine(item as never, { context })}`;
      case 'albums':
      case 'singles':
        return `- ${releaseLine(item as Release, context)}`;
      case 'videos':
        return `- ${videoLine(item as never)}`;
      default:
        return `- ${artistLine(item as never)}`;
    }
  });
  return [
    heading,
    ...(body.length > 0 ? body : ['- none listed by TIDAL']),
    moreLine(list.nextCursor) ?? '',
  ];
}

export function render(output: Output): string {
  const a = output.artist;
  const who = a.name ? `${a.name} (id ${a.id})` : `artist ${a.id}`;
  // Credits equal to the artist's own (compared by id) are left out of its lines.
  const context = [{ id: a.id, name: a.name ?? '' }];
  const header = a.name
    ? [
        `Artist: ${[
          who,
          a.roles && `roles ${a.roles.join(', ')}`,
          a.popularity !== undefined && `popularity ${a.popularity}`,
          a.url,
        ]
          .filter(Boolean)
          .join(' · ')} (${output.country})`,
        a.pictureUrl && `Picture: ${a.pictureUrl}`,
      ]
    : [`More of ${who} (${output.country}):`];
  return lines(
    output.resolvedFrom && resolvedLine(output.resolvedFrom, who),
    header,
    (Object.keys(HEADINGS) as (keyof typeof HEADINGS)[]).flatMap((name) =>
      section(output, name, context),
    ),
    output.note,
  );
}
