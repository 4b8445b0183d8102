/** Parameters of the library toolset (get_library, get_playlist, manage_favorites). */
import * as z from 'zod/v4';
import { InputError } from '../shared/errors.js';
import { ParamTidalId } from '../shared/params.js';

export const DEFAULT_PAGE_LIMIT = 50;

export const ParamPageLimit = z
  .number()
  .int('expected a whole number')
  .min(1, 'expected at least 1')
  .max(100, 'expected at most 100')
  .describe(`How many items to return, 1 to 100 (default ${DEFAULT_PAGE_LIMIT}).`);

export const ParamPlaylistId = ParamTidalId.describe(
  'Playlist or mix id (a UUID, or a mix id) from get_library, search_catalog or manage_playlist create.',
);

export const ParamPlaylistUrl = z
  .string()
  .trim()
  .min(1)
  .max(500, 'expected a tidal.com playlist link')
  .describe(
    'A TIDAL playlist or mix link (https://tidal.com/browse/playlist/…, listen.tidal.com/playlist/…), instead of playlistId.',
  );

const LINK =
  /^https?:\/\/(?:www\.|listen\.)?tidal\.com\/(?:browse\/)?(?:playlist|mix)\/([A-Za-z0-9_-]{1,64})(?:[/?#].*)?$/;

/** The id in a tidal.com playlist or mix link; an input error naming the field otherwise. */
export function playlistIdFromUrl(url: string): string {
  const id = LINK.exec(url)?.[1];
  if (id === undefined) {
    throw new InputError(
      'url',
      'expected a TIDAL playlist link such as https://tidal.com/browse/playlist/<id> (or pass playlistId)',
    );
  }
  return id;
}
