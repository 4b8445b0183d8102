/**
 * The read side shared by every TIDAL resource module: GET through the client (cache, rate limit,
 * retry), with `countryCode` always set by us and the caller's token (the app's client-credentials
 * token by default, the user's when a call carries one), plus the JSON:API helpers that turn a
 * relationship into domain objects in order.
 */
import { buildQuery, type QueryValue } from './api-path.js';
import type { Track } from './domain.js';
import type { TidalHttp } from './http.js';
import { type Document, type Included, type Resource, type ResourceIdentifier } from './jsonapi.js';
import { toAlbum, toArtist, toPlaylist, toTrack, toVideo } from './mappers.js';
import type { TokenProvider } from './token-provider.js';

export interface CallContext {
  country: string;
  signal?: AbortSignal;
  /** Whose token to send; the app's client-credentials token when absent. */
  auth?: TokenProvider;
}

export class ApiReader {
  constructor(
    readonly http: TidalHttp,
    private readonly appAuth: TokenProvider,
  ) {}

  get<T>(
    path: string,
    query: Record<string, QueryValue>,
    ttlMs: number,
    what: string,
    ctx: CallContext,
  ): Promise<T> {
    const qs = buildQuery({ countryCode: ctx.country, ...query });
    return this.http.get<T>(`${path}?${qs}`, {
      auth: ctx.auth ?? this.appAuth,
      ttlMs,
      what,
      signal: ctx.signal,
    });
  }
}

/** A resource of any catalog type as its domain object. */
export function mapItem(resource: Resource, included: Included, ref?: ResourceIdentifier): unknown {
  switch (resource.type) {
    case 'tracks':
      return toTrack(resource, included, ref?.meta);
    case 'videos':
      return toVideo(resource, included);
    case 'albums':
      return toAlbum(resource, included);
    case 'artists':
      return toArtist(resource, included);
    case 'playlists':
      return toPlaylist(resource);
    default:
      return undefined;
  }
}

/** Resolve a relationship's identifiers against `included`, in order, mapped to domain objects. */
export function mapRelated<T>(
  refs: readonly ResourceIdentifier[],
  included: Included,
  onlyType?: string,
): T[] {
  const out: T[] = [];
  for (const ref of refs) {
    if (onlyType && ref.type !== onlyType) continue;
    const resource = included.get(ref.type, ref.id);
    const mapped = resource ? mapItem(resource, included, ref) : undefined;
    if (mapped !== undefined) out.push(mapped as T);
  }
  return out;
}

export function asArray(data: Document['data']): Resource[] {
  return Array.isArray(data) ? data : [data];
}

/**
 * The items of an album or playlist: tracks, and videos listed among them as video-typed tracks,
 * in order. Items TIDAL did not include (not available in the country) are left out.
 */
export function mapTrackItems(refs: readonly ResourceIdentifier[], included: Included): Track[] {
  const out: Track[] = [];
  for (const ref of refs) {
    const resource = included.get(ref.type, ref.id);
    if (resource && (ref.type === 'tracks' || ref.type === 'videos'))
      out.push(toTrack(resource, included, ref.meta));
  }
  return out;
}
