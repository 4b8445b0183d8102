/**
 * Track and artist radio. On TIDAL a radio is a mix: GET /tracks/{id}/relationships/radio (and
 * the artist one) answers with one `playlists` identifier whose playlistType is MIX, and its tracks
 * are that playlist's items (observed by API users; the OAS only says the relationship exists).
 * Here a mix id encodes its seed, so mixes need no storage: "00" + kind ("a" artist, "b" track) +
 * the seed id zero-padded to 30 hex-looking characters, like TIDAL's mix ids.
 */
import { type Catalog, isoDuration } from '../catalog.js';
import type { TrackRec } from '../catalog/model.js';
import type { ResourceObject } from '../jsonapi/serialize.js';

const MIX_LENGTH = 30;
const MIX_SIZE = 50;
const KINDS = { artist: 'a', track: 'b' } as const;

export function mixId(kind: keyof typeof KINDS, seedId: string): string {
  return `00${KINDS[kind]}${seedId.padStart(MIX_LENGTH - 3, '0')}`;
}

export function parseMixId(id: string): { kind: 'artist' | 'track'; seedId: string } | undefined {
  const match = /^00([ab])(\d{27})$/.exec(id);
  if (!match) return undefined;
  return {
    kind: match[1] === 'a' ? 'artist' : 'track',
    seedId: match[2]!.replace(/^0+/, ''),
  };
}

const byPopularity = (a: TrackRec, b: TrackRec) =>
  b.popularity - a.popularity || (a.id < b.id ? -1 : 1);

/** Most popular first, one track per ISRC, only what exists in `country`. */
function topTracks(c: Catalog, artistId: string, country: string): TrackRec[] {
  const seen = new Set<string>();
  return c.tracks
    .filter((t) => t.artistIds[0] === artistId && c.isAvailable(t, country))
    .sort(byPopularity)
    .filter((t) => !seen.has(t.isrc) && seen.add(t.isrc));
}

const popularByCatalog = new WeakMap<Catalog, TrackRec[]>();

/**
 * The seed (a track, or an artist's top five), then the similar artists' top tracks taken in
 * turn, then the catalog's most popular tracks: 50 tracks, one per ISRC, all playable in `country`.
 */
export function mixTracks(c: Catalog, id: string, country: string): TrackRec[] {
  const mix = parseMixId(id);
  if (!mix) return [];
  const seedTrack = mix.kind === 'track' ? c.track(mix.seedId) : undefined;
  const artistId = seedTrack ? seedTrack.artistIds[0]! : mix.seedId;
  const own = topTracks(c, artistId, country);
  const start = seedTrack ? [seedTrack, ...own.filter((t) => t.id !== seedTrack.id)] : own;
  const others = c.similarArtists(artistId).map((a) => topTracks(c, a.id, country));
  const interleaved: TrackRec[] = [];
  for (let i = 0; others.some((list) => i < list.length); i++) {
    for (const list of others) if (list[i]) interleaved.push(list[i]!);
  }
  let popular = popularByCatalog.get(c);
  if (!popular) popularByCatalog.set(c, (popular = [...c.tracks].sort(byPopularity)));
  const seen = new Set<string>();
  return [...start.slice(0, 5), ...interleaved, ...popular]
    .filter((t) => c.isAvailable(t, country) && !seen.has(t.isrc) && seen.add(t.isrc))
    .slice(0, MIX_SIZE);
}

/** The mix as a playlist resource (Playlists_Attributes), or undefined when its seed is unknown. */
export function mixResource(c: Catalog, id: string, country: string): ResourceObject | undefined {
  const mix = parseMixId(id);
  const seedName =
    mix?.kind === 'track' ? c.track(mix.seedId)?.title : c.artist(mix?.seedId ?? '')?.name;
  if (!mix || seedName === undefined) return undefined;
  const tracks = mixTracks(c, id, country);
  return {
    id,
    type: 'playlists',
    attributes: {
      name: `${seedName} Radio`,
      accessType: 'PUBLIC',
      playlistType: 'MIX',
      bounded: true,
      createdAt: '2026-01-01T00:00:00Z',
      lastModifiedAt: '2026-01-01T00:00:00Z',
      duration: isoDuration(tracks.reduce((s, t) => s + t.durationSeconds, 0)),
      numberOfItems: tracks.length,
      numberOfTrackItems: tracks.length,
      numberOfVideoItems: 0,
      numberOfFollowers: 0,
      externalLinks: [
        { href: `https://tidal.com/browse/mix/${id}`, meta: { type: 'TIDAL_SHARING' } },
      ],
    },
  };
}
