/**
 * The tool registry: every tool the server offers, in the order tools/list shows them, and the
 * one place read-only mode is decided: a tool that writes is left out unless it declares what it
 * becomes in read-only mode (account without logout).
 */
import account from './account/account.js';
import getAlbum from './catalog/get-album.js';
import getArtist from './catalog/get-artist.js';
import matchTracks from './catalog/match-tracks/index.js';
import searchCatalog from './catalog/search-catalog.js';
import similarArtists from './catalog/similar-artists.js';
import similarTracks from './catalog/similar-tracks.js';
import tracksByIsrc from './catalog/tracks-by-isrc.js';
import getLibrary from './library/get-library.js';
import getPlaylist from './library/get-playlist.js';
import manageFavorites from './library/manage-favorites/index.js';
import managePlaylist from './playlists/manage-playlist/index.js';
import type { AnyToolDefinition } from './shared/define-tool.js';

export const TOOLS: readonly AnyToolDefinition[] = [
  searchCatalog,
  getAlbum,
  tracksByIsrc,
  similarArtists,
  getArtist,
  similarTracks,
  matchTracks,
  getPlaylist,
  getLibrary,
  manageFavorites,
  managePlaylist,
  account,
];

/** The tools a server offers; in read-only mode none that changes anything on TIDAL. */
export function toolsFor(options: { readOnly: boolean }): readonly AnyToolDefinition[] {
  if (!options.readOnly) return TOOLS;
  return TOOLS.flatMap((tool) =>
    tool.annotations.readOnlyHint ? [tool] : tool.readOnlyVariant ? [tool.readOnlyVariant] : [],
  );
}
