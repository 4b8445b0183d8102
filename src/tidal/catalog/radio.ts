/**
 * "More like this": a track's similar tracks, and track and artist radio. A radio is a mix, a
 * playlist TIDAL generates; its relationship holds the mix id and the tracks are the mix's items.
 * One request answers the first page of both a track's similar tracks and its radio (TIDAL's
 * similar list can be empty, and the radio is the fallback), with the seed itself; later pages
 * come from the similarTracks relationship or the mix's items by cursor.
 *
 * The radio relationship endpoints are not used: the track one takes no countryCode, while the
 * include on the track and artist resources does.
 */
import { apiPath } from '../api-path.js';
import { CACHE_TTL } from '../cache.js';
import type { Artist, Page, Track } from '../domain.js';
import { NotFoundError } from '../errors.js';
import {
  type Document,
  Included,
  nextCursorOf,
  relationshipIds,
  type Resource,
  type ResourceIdentifier,
} from '../jsonapi.js';
import { toArtist, toTrack } from '../mappers.js';
import { type ApiReader, asArray, type CallContext, mapRelated, mapTrackItems } from '../reader.js';

const SIMILAR_INCLUDE = ['similarTracks', 'similarTracks.artists', 'similarTracks.albums'];
const RADIO_INCLUDE = ['radio', 'radio.items', 'radio.items.artists', 'radio.items.albums'];
const MIX_ITEMS_INCLUDE = 'items,items.artists,items.albums';

/** The first page of a mix, and its id for the pages after it. */
export interface Mix {
  mixId: string;
  tracks: Page<Track>;
}

export interface TrackSeed {
  track: Track;
  similar: Page<Track>;
  radio?: Mix;
}

export interface ArtistSeed {
  artist: Artist;
  radio?: Mix;
}

export class RadioApi {
  constructor(private readonly reader: ApiReader) {}

  /** The track, its first page of similar tracks and its radio's first page: one request. */
  async forTrack(trackId: string, ctx: CallContext): Promise<TrackSeed> {
    const resource = await this.seed('tracks', trackId, ['artists', ...SIMILAR_INCLUDE], ctx);
    return {
      track: toTrack(resource.resource, resource.included),
      similar: {
        items: mapRelated(
          relationshipIds(resource.resource, 'similarTracks'),
          resource.included,
          'tracks',
        ),
        nextCursor: nextCursorOf(resource.resource.relationships?.similarTracks?.links),
      },
      ...mixOf(resource.resource, resource.included),
    };
  }

  /** The artist and its radio's first page: one request. */
  async forArtist(artistId: string, ctx: CallContext): Promise<ArtistSeed> {
    const resource = await this.seed('artists', artistId, [], ctx);
    return {
      artist: toArtist(resource.resource, resource.included),
      ...mixOf(resource.resource, resource.included),
    };
  }

  /** A page of a track's similar tracks (no cursor: the first page). */
  async similarPage(
    trackId: string,
    cursor: string | undefined,
    ctx: CallContext,
  ): Promise<Page<Track>> {
    const doc = await this.reader.get<Document<ResourceIdentifier[]>>(
      apiPath('tracks', trackId, 'relationships', 'similarTracks'),
      { include: SIMILAR_INCLUDE.join(','), 'page[cursor]': cursor },
      CACHE_TTL.similar,
      `tracks similar to ${trackId}`,
      ctx,
    );
    return {
      items: mapRelated(doc.data, new Included(doc.included), 'tracks'),
      nextCursor: nextCursorOf(doc.links),
    };
  }

  /** A page of a mix (no cursor: the first page). */
  async mixPage(mixId: string, cursor: string | undefined, ctx: CallContext): Promise<Page<Track>> {
    const doc = await this.reader.get<Document<ResourceIdentifier[]>>(
      apiPath('playlists', mixId, 'relationships', 'items'),
      { include: MIX_ITEMS_INCLUDE, 'page[cursor]': cursor },
      CACHE_TTL.similar,
      `radio ${mixId}`,
      ctx,
    );
    return {
      items: onlyTracks(mapTrackItems(doc.data, new Included(doc.included))),
      nextCursor: nextCursorOf(doc.links),
    };
  }

  private async seed(
    type: 'tracks' | 'artists',
    id: string,
    include: string[],
    ctx: CallContext,
  ): Promise<{ resource: Resource; included: Included }> {
    const what = `${type === 'tracks' ? 'track' : 'artist'} ${id}`;
    const doc = await this.reader.get<Document<Resource>>(
      apiPath(type, id),
      { include: [...include, ...RADIO_INCLUDE].join(',') },
      CACHE_TTL.similar,
      what,
      ctx,
    );
    const [resource] = asArray(doc.data);
    if (!resource) throw new NotFoundError(`${what} was not found on TIDAL`);
    // Primary data is never repeated in `included`; the radio's items can point back to it.
    return { resource, included: new Included(doc.included, [resource]) };
  }
}

/** Radio items are tracks; a video among them would not fit a "more like this" list. */
function onlyTracks(items: Track[]): Track[] {
  return items.filter((t) => t.type !== 'video');
}

function mixOf(resource: Resource, included: Included): { radio?: Mix } {
  const [ref] = relationshipIds(resource, 'radio');
  const mix = ref ? included.get(ref.type, ref.id) : undefined;
  if (!ref || !mix) return {};
  return {
    radio: {
      mixId: ref.id,
      tracks: {
        items: onlyTracks(mapTrackItems(relationshipIds(mix, 'items'), included)),
        nextCursor: nextCursorOf(mix.relationships?.items?.links),
      },
    },
  };
}
