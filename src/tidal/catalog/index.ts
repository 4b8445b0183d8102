/**
 * Catalog reads with the fewest requests TIDAL allows, one module per resource: `include=` pulls
 * related resources into the same response, first pages come embedded, later pages are fetched
 * by cursor with `include` and `countryCode` always set by us (TIDAL's own `links.next` does not
 * always carry them).
 */
import type { TidalHttp } from '../http.js';
import { ApiReader } from '../reader.js';
import type { TokenProvider } from '../token-provider.js';
import { AlbumsApi } from './albums.js';
import { ArtistsApi } from './artists.js';
import { AvailabilityApi } from './availability.js';
import { RadioApi } from './radio.js';
import { SearchApi } from './search.js';
import { TracksApi } from './tracks.js';
import { VideosApi } from './videos.js';

export type { AlbumWithTracks } from './albums.js';
export type { ArtistPart, ArtistProfile, ArtistWithSimilar } from './artists.js';
export type { ArtistSeed, Mix, TrackSeed } from './radio.js';
export {
  SEARCH_TYPES,
  type SearchFirstPage,
  type SearchItemByType,
  type SearchType,
} from './search.js';
export type { IsrcLookup } from './tracks.js';

export class TidalCatalog {
  readonly search: SearchApi;
  readonly albums: AlbumsApi;
  readonly tracks: TracksApi;
  readonly artists: ArtistsApi;
  readonly radio: RadioApi;
  readonly availability: AvailabilityApi;
  readonly videos: VideosApi;

  constructor(http: TidalHttp, appAuth: TokenProvider) {
    const reader = new ApiReader(http, appAuth);
    this.search = new SearchApi(reader);
    this.albums = new AlbumsApi(reader);
    this.tracks = new TracksApi(reader);
    this.artists = new ArtistsApi(reader);
    this.radio = new RadioApi(reader);
    this.availability = new AvailabilityApi(reader);
    this.videos = new VideosApi(reader);
  }
}
