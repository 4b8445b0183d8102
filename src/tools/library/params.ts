/** Parameters of the library toolset (get_library, get_playlist, manage_favorites). */
import * as z from 'zod/v4';

import { InputError } from '../shared/errors.js';
import { looksLikeTidalUrl, parseTidalUrl } from '../shared/links.js';
import { countParam, freeText, idParam } from '../shared/params.js';

export const DEFAULT_PAGE_LIMIT = 50;

export const ParamPageLimit = countParam(
  1,
  100,
  `How many items to return, 1 to 100 (default ${DEFAULT_PAGE_LIMIT}).`,
);

const PLAYLIST_ID_DESCRIPTION =
  'Playlist or mix id (a UUID, or a mix id) or its tidal.com link, from get_library, search_catalog or manage_playlist create.';

/** A mix is read as the playlist of type MIX with the same id, so its link is welcome too. */
function mixAsPlaylist(value: unknown): unknown {
  if (typeof value !== 'string' || !looksLikeTidalUrl(value)) return value;
  const link = parseTidalUrl(value);
  return link?.kind === 'mix' ? link.id : value;
}

export const ParamPlaylistId = z
  .preprocess(mixAsPlaylist, idParam('playlist', PLAYLIST_ID_DESCRIPTION))
  .describe(PLAYLIST_ID_DESCRIPTION);

export const ParamPlaylistUrl = freeText(1, 500, 'a tidal.com playlist link').describe(
  'A TIDAL playlist or mix link (https://tidal.com/browse/playlist/…, listen.tidal.com/playlist/…), instead of playlistId.',
);

/** The id in a tidal.com playlist or mix link; an input error naming the field otherwise. */
export function playlistIdFromUrl(url: string): string {
  const link = parseTidalUrl(url);
  if (link?.kind === 'playlist' || link?.kind === 'mix') return link.id;
  throw new InputError(
    'url',
    link
      ? `is a link to ${/^[aeiou]/.test(link.kind) ? 'an' : 'a'} ${link.kind}, not to a playlist or mix`
      : 'expected a TIDAL playlist link such as https://tidal.com/browse/playlist/<id> (or pass playlistId)',
  );
}
