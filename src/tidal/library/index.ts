/**
 * The user's library and any playlist: favorites per kind, personal mixes, playlist reads for any
 * caller, and the batch lookups favorites need. Composed once per process, like TidalCatalog.
 */
import type { TidalHttp } from '../http.js';
import { ApiReader } from '../reader.js';
import type { TokenProvider } from '../token-provider.js';
import { TidalCollections } from './collections.js';
import { LibraryLookups } from './lookups.js';
import { TidalMixes } from './mixes.js';
import { PlaylistReader } from './playlist-reader.js';

export {
  COLLECTION_KINDS,
  type CollectionKind,
  type Favorite,
  type FavoriteItem,
  FAVORITES_BATCH_SIZE,
  type FavoritesWrite,
} from './collections.js';
export { type Mix, MIX_FAMILIES, type MixFamily } from './mixes.js';
export type { PlaylistDetails } from './playlist-reader.js';

export class TidalLibrary {
  readonly favorites: TidalCollections;
  readonly mixes: TidalMixes;
  readonly playlists: PlaylistReader;
  readonly lookups: LibraryLookups;

  constructor(http: TidalHttp, appAuth: TokenProvider) {
    const reader = new ApiReader(http, appAuth);
    this.favorites = new TidalCollections(http);
    this.mixes = new TidalMixes(http);
    this.playlists = new PlaylistReader(reader);
    this.lookups = new LibraryLookups(reader);
  }
}
