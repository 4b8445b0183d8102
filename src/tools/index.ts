/** The tool registry: every tool the server offers, in the order tools/list shows them. */
import type { AnyToolDefinition } from './define-tool.js';
import getAlbum from './get-album.js';
import managePlaylist from './manage-playlist.js';
import searchCatalog from './search-catalog.js';
import similarArtists from './similar-artists.js';
import tracksByIsrc from './tracks-by-isrc.js';

export const TOOLS: readonly AnyToolDefinition[] = [
  searchCatalog,
  getAlbum,
  tracksByIsrc,
  similarArtists,
  managePlaylist,
];
