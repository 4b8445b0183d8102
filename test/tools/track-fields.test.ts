/**
 * "Every track says what it is": each tool that lists tracks fills BPM, key, popularity,
 * explicit, media tags and the album's release date from the includes it already makes, with no
 * request added, and its text line shows "· <bpm> BPM · <key>". get_album's tracks carry no album
 * (they are the album's own; the album above them has the release date).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { DISCOVERY } from '../fake-tidal/catalog/generate-discovery.js';
import type { TrackRec } from '../fake-tidal/catalog/model.js';
import {
  ALL_USER_SCOPES,
  DEFAULT_USER,
  type FakeTidal,
  FIXTURES,
  getCatalog,
  startFakeTidal,
} from '../fake-tidal/index.js';
import { FakeLoginSession, type InProcessServer, startInProcess } from '../helpers/in-process.js';

const c = getCatalog();
const KEY_NAMES: Record<string, string> = { CSharp: 'C#', FSharp: 'F#' };

/** What the tools must report for a track of the fake catalog. */
function fieldsOf(t: TrackRec, withAlbum = true) {
  const album = c.album(t.albumId)!;
  return {
    id: t.id,
    bpm: t.bpm,
    key:
      t.key === 'UNKNOWN' ? undefined : `${KEY_NAMES[t.key] ?? t.key} ${t.keyScale.toLowerCase()}`,
    popularity: Math.round(t.popularity * 100) / 100,
    explicit: t.explicit,
    mediaTags: t.mediaTags,
    ...(withAlbum && {
      album: { id: album.id, title: album.title, releaseDate: album.releaseDate },
    }),
  };
}

const pick = (track: Record<string, unknown>, withAlbum = true) => ({
  id: track.id,
  bpm: track.bpm,
  key: track.key,
  popularity: track.popularity,
  explicit: track.explicit,
  mediaTags: track.mediaTags,
  ...(withAlbum && { album: track.album }),
});

/** A track whose key is known, on an explicit album (so `explicit` is tested both ways). */
const track = c.albumTracks(DISCOVERY.explicitAlbum).find((t) => t.explicit)!;
const lineOf = (t: TrackRec) => `${t.bpm} BPM${t.key === 'UNKNOWN' ? '' : ` · ${fieldsOf(t).key}`}`;

let fake: FakeTidal;
let server: InProcessServer;

beforeAll(async () => {
  fake = await startFakeTidal();
  const scopes = [...ALL_USER_SCOPES];
  const session = new FakeLoginSession(fake.issueUserToken({ scopes }), DEFAULT_USER, scopes);
  server = await startInProcess(fake, { session });
});
afterAll(async () => {
  await server.close();
  await fake.close();
});
beforeEach(() => fake.clearRequests());

describe('track fields in every tool, from the includes already made', () => {
  it('search_catalog (tracks.albums)', async () => {
    const result = await server.tool('search_catalog', {
      query: track.title,
      types: ['tracks'],
      limit: 50,
    });
    const found = result.structured.tracks.items.find((t: { id: string }) => t.id === track.id);
    expect(pick(found)).toEqual(fieldsOf(track));
    expect(result.text).toContain(lineOf(track));
    expect(fake.apiRequests()).toHaveLength(1);
  });

  it('tracks_by_isrc (albums)', async () => {
    const result = await server.tool('tracks_by_isrc', { isrcs: [track.isrc] });
    const found = result.structured.results[0].tracks.find(
      (t: { id: string }) => t.id === track.id,
    );
    expect(pick(found)).toEqual(fieldsOf(track));
    expect(result.text).toContain(lineOf(track));
    expect(fake.apiRequests()).toHaveLength(1);
  });

  it('get_album: tracks without their album, the album with date, type, label and tags', async () => {
    const result = await server.tool('get_album', { albumId: DISCOVERY.explicitAlbum });
    const found = result.structured.tracks.find((t: { id: string }) => t.id === track.id);
    expect(pick(found, false)).toEqual(fieldsOf(track, false));
    expect(found.album).toBeUndefined();
    const album = c.album(DISCOVERY.explicitAlbum)!;
    expect(result.structured.album).toMatchObject({
      releaseDate: album.releaseDate,
      type: album.albumType,
      copyright: album.copyright,
      popularity: Math.round(album.popularity * 100) / 100,
      mediaTags: album.mediaTags,
    });
    expect(result.text).toContain(lineOf(track));
    expect(fake.apiRequests()).toHaveLength(1);
  });

  it('get_playlist (items.tracks:albums)', async () => {
    const playlist = c.playlist(FIXTURES.playlistWithManyItems)!;
    const first = c.track(playlist.items.find((i) => i.type === 'tracks')!.id)!;
    const result = await server.tool('get_playlist', { playlistId: playlist.id, limit: 20 });
    expect(result.isError, result.text).toBe(false);
    const entry = result.structured.items.find(
      (e: { track?: { id: string } }) => e.track?.id === first.id,
    );
    expect(pick(entry.track)).toEqual(fieldsOf(first));
    expect(result.text).toContain(`album "${c.album(first.albumId)!.title}"`);
    expect(fake.apiRequests()).toHaveLength(1);
    expect(fake.apiRequests()[0]!.query.include).toEqual([
      'items,items.artists,items.tracks:albums,owners',
    ]);
  });

  it('get_library favorite tracks (items.albums)', async () => {
    const result = await server.tool('get_library', { kind: 'tracks', limit: 1 });
    expect(result.isError, result.text).toBe(false);
    const [item] = result.structured.items;
    expect(pick(item.track)).toEqual(fieldsOf(c.track(item.id)!));
    expect(result.text).toContain(lineOf(c.track(item.id)!));
    expect(fake.apiRequests()).toHaveLength(1);
  });

  it('similar_tracks (similarTracks.albums)', async () => {
    const result = await server.tool('similar_tracks', { trackId: track.id, limit: 1 });
    const [first] = result.structured.tracks;
    expect(pick(first)).toEqual(fieldsOf(c.track(first.id)!));
    expect(result.text).toContain(lineOf(c.track(first.id)!));
    expect(fake.apiRequests()).toHaveLength(1);
  });

  it('get_artist top tracks (tracks.albums)', async () => {
    const result = await server.tool('get_artist', {
      artistId: FIXTURES.uniqueArtistId,
      include: ['topTracks'],
      limit: 1,
    });
    const [first] = result.structured.topTracks.items;
    expect(pick(first)).toEqual(fieldsOf(c.track(first.id)!));
    expect(result.text).toContain(lineOf(c.track(first.id)!));
    expect(fake.apiRequests()).toHaveLength(1);
  });
});
