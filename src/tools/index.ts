/** The tool registry: every tool the server offers, in the order tools/list shows them. */
import type { AnyToolDefinition } from './shared/define-tool.js';
import getAlbum from './catalog/get-album.js';
import getArtist from './catalog/get-artist.js';
import managePlaylist from './playlists/manage-playlist/index.js';
import matchTracks from './catalog/match-tracks/index.js';
import searchCatalog from './catalog/search-catalog.js';
import similarArtists from './catalog/similar-artists.js';
import similarTracks from './catalog/similar-tracks.js';
import tracksByIsrc from './catalog/tracks-by-isrc.js';

export const TOOLS: readonly AnyToolDefinition[] = [
  searchCatalog,
  getAlbum,
  tracksByIsrc,
  similarArtists,
  getArtist,
  similarTracks,
  matchTracks,
  managePlaylist,
];
