/** Resource pages in markdown, made from the read-only tools' own answers. */
import type { Track } from '../tidal/domain.js';
import getAlbum from '../tools/catalog/get-album.js';
import getArtist from '../tools/catalog/get-artist.js';
import getPlaylist from '../tools/library/get-playlist.js';
import { countryFor, runTool, type ToolDeps } from '../tools/shared/define-tool.js';
import { trackLine } from '../tools/shared/format.js';

/** A tool's text as markdown: its first line the heading, every other line a list item. */
export function asMarkdown(text: string): string {
  const [first = '', ...rest] = text.split('\n').filter((line) => line.trim() !== '');
  return [`# ${first}`, '', ...rest.map((line) => `- ${line.replace(/^- /, '')}`)].join('\n');
}

export async function toolResource(
  kind: 'album' | 'artist' | 'playlist',
  id: string,
  deps: ToolDeps,
  signal: AbortSignal,
): Promise<string> {
  const [tool, args] =
    kind === 'album'
      ? [getAlbum, { albumId: id }]
      : kind === 'artist'
        ? [getArtist, { artistId: id }]
        : [getPlaylist, { playlistId: id }];
  const result = await runTool(tool, args, deps, signal);
  return asMarkdown(result.text);
}

/** A track: its line, then its album (one request: the track with its album and artists). */
export async function trackResource(
  id: string,
  deps: ToolDeps,
  signal: AbortSignal,
): Promise<string> {
  const country = await countryFor(deps, signal);
  const track: Track = await deps.catalog.tracks.get(id, { country, signal });
  const album = track.album ? `Album: "${track.album.title}" (id ${track.album.id})` : undefined;
  return asMarkdown(
    [`Track (${country}): ${trackLine(track, { album: false })}`, album].filter(Boolean).join('\n'),
  );
}
