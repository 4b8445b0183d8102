/**
 * similar_tracks through a real MCP client against the fake TIDAL: the three sources (a track's
 * similar tracks, its radio when it has none, an artist's radio), TIDAL's order, every track field,
 * one request per page, the seed left out, and bad input as field errors.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { DISCOVERY } from '../fake-tidal/catalog/generate-discovery.js';
import type { TrackRec } from '../fake-tidal/catalog/model.js';
import { type FakeTidal, getCatalog, startFakeTidal } from '../fake-tidal/index.js';
import { mixId, mixTracks } from '../fake-tidal/resources/mixes.js';
import { type InProcessServer, startInProcess } from '../helpers/in-process.js';

const c = getCatalog();
const ids = (list: readonly { id: string }[]) => list.map((x) => x.id);
/** The fake's similar tracks: the lead track of each similar artist's first available release. */
const similarOf = (track: TrackRec, country = 'US') =>
  c
    .similarArtists(track.artistIds[0]!)
    .flatMap((a) => c.artistAlbums(a.id, country).slice(0, 1))
    .map((album) => c.albumTracks(album.id)[0]!);

const seedTrack = c.albumTracks(DISCOVERY.explicitAlbum)[0]!;
const lonerTrack = c.artistAlbums(DISCOVERY.loner).flatMap((a) => c.albumTracks(a.id))[0]!;

let fake: FakeTidal;
let server: InProcessServer;
const call = (args: Record<string, unknown>) => server.tool('similar_tracks', args);
const paths = () => fake.apiRequests().map((r) => r.path);

beforeEach(async () => {
  fake ??= await startFakeTidal();
  fake.clearRequests();
  server = await startInProcess(fake);
});
afterEach(() => server.close());

describe('similar_tracks', () => {
  it("lists a track's similar tracks in TIDAL's order, with every field, from one request", async () => {
    const result = await call({ trackId: seedTrack.id });
    expect(result.isError, result.text).toBe(false);
    const expected = similarOf(seedTrack);
    expect(expected.length).toBeGreaterThan(0);
    const s = result.structured;
    expect(s.source).toBe('similarTracks');
    expect(s.seed).toEqual({
      type: 'track',
      id: seedTrack.id,
      title: seedTrack.title,
      artists: [{ id: DISCOVERY.artist, name: DISCOVERY.artistName }],
    });
    expect(ids(s.tracks)).toEqual(ids(expected));
    const first = expected[0]!;
    const album = c.album(first.albumId)!;
    expect(s.tracks[0]).toMatchObject({
      title: first.title,
      artists: first.artistIds.map((id) => ({ id, name: c.artist(id)!.name })),
      album: { id: album.id, title: album.title, releaseDate: album.releaseDate },
      durationSeconds: first.durationSeconds,
      bpm: first.bpm,
      isrc: first.isrc,
      url: `https://tidal.com/browse/track/${first.id}`,
    });
    expect(s.tracks[0].key).toMatch(/^[A-G][#b]?( [a-z]+)?$/);
    expect(fake.apiRequests()).toHaveLength(1);
    expect(fake.apiRequests()[0]!.query.include).toEqual([
      'artists,similarTracks,similarTracks.artists,similarTracks.albums,radio,radio.items,radio.items.artists,radio.items.albums',
    ]);
    expect(result.text.split('\n')[0]).toBe(
      `Tracks similar to "${seedTrack.title}" — ${DISCOVERY.artistName} (id ${DISCOVERY.artist}) (track id ${seedTrack.id}), from TIDAL's similar tracks (US):`,
    );
    expect(result.text).toContain(`· ${first.bpm} BPM ·`);
    expect(result.text).toContain(`ISRC ${first.isrc} · id ${first.id}`);
    expect(s.nextCursor).toBeUndefined();
  });

  it("falls back to the track's radio when TIDAL lists no similar tracks, still one request", async () => {
    const result = await call({ trackId: lonerTrack.id, limit: 5 });
    expect(result.structured.source).toBe('trackRadio');
    const radio = mixTracks(c, mixId('track', lonerTrack.id), 'US');
    expect(radio[0]!.id).toBe(lonerTrack.id); // the radio opens with the seed, which is left out
    expect(ids(result.structured.tracks)).toEqual(ids(radio.slice(1, 6)));
    expect(result.text.split('\n')[0]).toBe(
      `TIDAL lists no similar tracks for "${lonerTrack.title}" — Pellucid Yarrow (id ${DISCOVERY.loner}) (track id ${lonerTrack.id}); from its track radio instead (US):`,
    );
    expect(fake.apiRequests()).toHaveLength(1);
  });

  it('pages the radio one request per TIDAL page, continuing exactly', async () => {
    const radio = mixTracks(c, mixId('track', lonerTrack.id), 'US').slice(1);
    const first = await call({ trackId: lonerTrack.id, limit: 10 });
    fake.clearRequests();
    const rest = await call({ cursor: first.structured.nextCursor, limit: 50 });
    expect(rest.isError, rest.text).toBe(false);
    expect([...ids(first.structured.tracks), ...ids(rest.structured.tracks)]).toEqual(ids(radio));
    expect(rest.structured.nextCursor).toBeUndefined();
    expect(rest.structured.source).toBe('trackRadio');
    const mix = mixId('track', lonerTrack.id);
    // The first page is cached from the first call; pages 2 and 3 cost one request each.
    expect(paths()).toEqual([
      `/playlists/${mix}/relationships/items`,
      `/playlists/${mix}/relationships/items`,
    ]);
    expect(fake.apiRequests()[0]!.query.include).toEqual(['items,items.artists,items.albums']);
    expect(rest.text.split('\n')[0]).toBe(
      `More tracks for "${lonerTrack.title}" — Pellucid Yarrow (id ${DISCOVERY.loner}) (track id ${lonerTrack.id}) (US):`,
    );
    // Past the first page the cursor alone is enough: no seed request, one request per page.
    fake.clearRequests();
    const page = await call({ trackId: lonerTrack.id, limit: 25 });
    fake.clearRequests();
    const later = await call({ cursor: page.structured.nextCursor, limit: 5 });
    expect(ids(later.structured.tracks)).toEqual(ids(radio.slice(25, 30)));
    expect(later.text.split('\n')[0]).toBe(`More tracks for track ${lonerTrack.id} (US):`);
    expect(fake.apiRequests()).toHaveLength(0); // page 2 is cached from the call before
  });

  it("plays an artist's radio from an artist link", async () => {
    const result = await call({
      url: `https://tidal.com/browse/artist/${DISCOVERY.artist}`,
      limit: 50,
    });
    expect(result.structured.source).toBe('artistRadio');
    expect(result.structured.seed).toEqual({
      type: 'artist',
      id: DISCOVERY.artist,
      name: DISCOVERY.artistName,
    });
    const radio = mixTracks(c, mixId('artist', DISCOVERY.artist), 'US');
    expect(ids(result.structured.tracks)).toEqual(ids(radio.slice(0, 50)));
    expect(paths()).toEqual([
      `/artists/${DISCOVERY.artist}`,
      `/playlists/${mixId('artist', DISCOVERY.artist)}/relationships/items`,
      `/playlists/${mixId('artist', DISCOVERY.artist)}/relationships/items`,
    ]);
    expect(result.text.split('\n')[0]).toBe(
      `Artist radio of ${DISCOVERY.artistName} (id ${DISCOVERY.artist}) (US):`,
    );
  });

  it('takes a track link and the country', async () => {
    const result = await call({
      url: `https://tidal.com/album/${DISCOVERY.explicitAlbum}/track/${seedTrack.id}`,
      country: 'jp',
    });
    expect(result.structured.seed.id).toBe(seedTrack.id);
    expect(ids(result.structured.tracks)).toEqual(ids(similarOf(seedTrack, 'JP')));
    expect(fake.apiRequests()[0]!.query.countryCode).toEqual(['JP']);
  });

  it.each([
    [{}, 'trackId: give exactly one of trackId, artistId or url'],
    [{ trackId: '1', artistId: '2' }, 'trackId: give exactly one of trackId, artistId or url'],
    [
      { trackId: '1', url: 'https://tidal.com/browse/track/1' },
      'trackId: give exactly one of trackId, artistId or url',
    ],
    [
      { url: 'https://tidal.com/browse/album/1' },
      'url: is a link to an album; expected a track or artist link',
    ],
    [{ trackId: 'https://tidal.com/browse/artist/1' }, 'trackId: is a link to a'],
    [{ trackId: '1', limit: 0 }, 'limit: expected at least 1'],
    [
      { cursor: 'bogus' },
      'cursor: expected a nextCursor value returned by an earlier similar_tracks call',
    ],
  ])('%j is refused naming the field', async (args, message) => {
    const result = await call(args);
    expect(result.isError).toBe(true);
    expect(result.text).toContain(message);
    expect(fake.apiRequests()).toHaveLength(0);
  });

  it('refuses a cursor together with another seed', async () => {
    const first = await call({ trackId: lonerTrack.id, limit: 1 });
    const result = await call({ cursor: first.structured.nextCursor, trackId: seedTrack.id });
    expect(result.text).toContain(
      `cursor: belongs to the results for ${lonerTrack.id}, not for ${seedTrack.id}`,
    );
  });

  it('says when the track does not exist', async () => {
    const result = await call({ trackId: '999999999' });
    expect(result.isError).toBe(true);
    expect(result.text).toContain('track 999999999');
  });
});
