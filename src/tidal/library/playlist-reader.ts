/**
 * Any playlist the caller can see: editorial, a user's public or unlisted one, a mix, or (with the
 * user's token) the user's own private ones. With the app's client-credentials token TIDAL shows
 * what is public; a private playlist then does not exist (404). The first page of items comes in
 * the same request as the playlist and its owners; later pages by cursor.
 */
import { apiPath } from '../api-path.js';
import { CACHE_TTL } from '../cache.js';
import type { Page, Playlist } from '../domain.js';
import { NotFoundError } from '../errors.js';
import {
  type Document,
  Included,
  nextCursorOf,
  relationshipIds,
  type Resource,
  type ResourceIdentifier,
} from '../jsonapi.js';
import { toPlaylist } from '../mappers.js';
import { entriesFrom, type PlaylistEntry } from '../playlists/entries.js';
import { type ApiReader, asArray, type CallContext } from '../reader.js';

/** Items with their artists and, for tracks, their album: one line each, no extra requests. */
const ITEMS_INCLUDE = 'items,items.artists,items.tracks:albums';

export interface PlaylistDetails {
  playlist: Playlist;
  /** User ids of the owners TIDAL lists (none for editorial playlists). */
  ownerIds: string[];
  entries: Page<PlaylistEntry>;
}

export class PlaylistReader {
  constructor(private readonly reader: ApiReader) {}

  /** The playlist, its owners and its first page of items: one request. */
  async get(playlistId: string, ctx: CallContext): Promise<PlaylistDetails> {
    const doc = await this.reader.get<Document<Resource>>(
      apiPath('playlists', playlistId),
      { include: `${ITEMS_INCLUDE},owners` },
      CACHE_TTL.user,
      `playlist ${playlistId}`,
      ctx,
    );
    const [resource] = asArray(doc.data);
    if (!resource) throw new NotFoundError(`playlist ${playlistId} was not found on TIDAL`);
    return {
      playlist: toPlaylist(resource),
      ownerIds: relationshipIds(resource, 'owners').map((ref) => ref.id),
      entries: {
        items: entriesFrom(relationshipIds(resource, 'items'), new Included(doc.included)),
        nextCursor: nextCursorOf(resource.relationships?.items?.links),
      },
    };
  }

  /** A page of items (no cursor: the first page), in playlist order. */
  async entriesPage(
    playlistId: string,
    cursor: string | undefined,
    ctx: CallContext,
  ): Promise<Page<PlaylistEntry>> {
    const doc = await this.reader.get<Document<ResourceIdentifier[]>>(
      apiPath('playlists', playlistId, 'relationships', 'items'),
      { include: ITEMS_INCLUDE, 'page[cursor]': cursor },
      CACHE_TTL.user,
      `items of playlist ${playlistId}`,
      ctx,
    );
    return {
      items: entriesFrom(doc.data, new Included(doc.included)),
      nextCursor: nextCursorOf(doc.links),
    };
  }
}
