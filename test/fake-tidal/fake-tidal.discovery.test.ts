/**
 * The fake's discovery data and endpoints: the discovery pass backs every DISCOVERY handle,
 * artist tracks come most popular first and collapse by fingerprint only when asked, radio is a
 * MIX playlist whose items page like any playlist's, roles resolve, and regional gaps hold.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DISCOVERY } from './catalog/generate-discovery.js';
import { type FakeTidal, getCatalog, startFakeTidal } from './index.js';
import { mixTracks } from './resources/mixes.js';
import { accessToken, apiGet, followPages, type Json } from './test-client.js';

const c = getCatalog();
let fake: FakeTidal;
let token: string;
const get = (path: string) => apiGet(fake, path, token);
const ids = (list: readonly { id: string }[]) => list.map((x) => x.id);

beforeAll(async () => {
  fake = await startFakeTidal();
  token = await accessToken(fake);
});
afterAll(() => fake.close());

describe('discovery data', () => {
  it('backs every handle', () => {
    const releases = c.artistAlbums(DISCOVERY.artist);
    expect(releases).toHaveLength(33);
    expect(new Set(releases.map((a) => a.albumType))).toEqual(new Set(['ALBUM', 'EP', 'SINGLE']));
    expect(c.album(DISCOVERY.cleanTwin)).toMatchObject({
      kind: 'clean',
      title: c.album(DISCOVERY.explicitAlbum)!.title,
    });
    expect(c.albumTracks(DISCOVERY.cleanTwin).map((t) => t.isrc)).toEqual(
      c.albumTracks(DISCOVERY.explicitAlbum).map((t) => t.isrc),
    );
    for (const id of DISCOVERY.missingInJp) expect(c.album(id)!.unavailableIn).toEqual(['JP']);
    expect(c.album(DISCOVERY.missingInSeAndJp)!.unavailableIn).toEqual(['SE', 'JP']);
    expect(c.artist(DISCOVERY.artist)!.videoIds).toHaveLength(3);
    expect(c.similarArtists(DISCOVERY.loner)).toEqual([]);
    expect(ids(c.search('Oriel', 'US').artists)).toEqual(DISCOVERY.orielByPopularity);
    expect(ids(c.search(DISCOVERY.artistName, 'US').artists)).toEqual([
      DISCOVERY.quartet,
      DISCOVERY.artist,
    ]);
  });
});

describe('artist relationships', () => {
  it('lists tracks most popular first, one per ISRC with FINGERPRINT, every one with NONE', async () => {
    const path = `/artists/${DISCOVERY.artist}/relationships/tracks?countryCode=US`;
    const all = (await followPages(fake, `${path}&collapseBy=NONE`, token)).flatMap((p) => p.data);
    const collapsed = (await followPages(fake, `${path}&collapseBy=FINGERPRINT`, token)).flatMap(
      (p) => p.data,
    );
    const mine = c.tracks.filter((t) => t.artistIds.includes(DISCOVERY.artist));
    expect(all).toHaveLength(mine.length);
    expect(collapsed).toHaveLength(new Set(mine.map((t) => t.isrc)).size);
    expect(collapsed.length).toBeLessThan(all.length); // the clean twin repeats ISRCs
    const popularity = collapsed.map((ref: Json) => c.track(ref.id)!.popularity);
    expect(popularity).toEqual([...popularity].sort((a, b) => b - a));
    const missing = await get(path);
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].source).toEqual({ parameter: 'collapseBy' });
  });

  it('embeds roles as artistRoles resources', async () => {
    const res = await get(`/artists/${DISCOVERY.artist}?countryCode=US&include=roles`);
    expect(res.body.data.relationships.roles.data).toEqual([
      { id: '1', type: 'artistRoles' },
      { id: '2', type: 'artistRoles' },
      { id: '3', type: 'artistRoles' },
    ]);
    expect(res.body.included.map((r: Json) => r.attributes.name)).toEqual([
      'Artist',
      'Songwriter',
      'Producer',
    ]);
  });

  it('leaves releases missing in a country out of the albums relationship there', async () => {
    const inJp = (
      await followPages(
        fake,
        `/artists/${DISCOVERY.artist}/relationships/albums?countryCode=JP`,
        token,
      )
    ).flatMap((p) => p.data);
    expect(inJp).toHaveLength(30);
    expect(ids(inJp)).not.toContain(DISCOVERY.missingInSeAndJp);
  });
});

describe('radio', () => {
  it('is one MIX playlist per track, opening with the seed, 50 tracks in pages of 20', async () => {
    const track = c.albumTracks(DISCOVERY.explicitAlbum)[0]!;
    const res = await get(`/tracks/${track.id}?countryCode=US&include=radio`);
    const [ref] = res.body.data.relationships.radio.data;
    expect(ref.type).toBe('playlists');
    expect(res.body.included[0].attributes).toMatchObject({
      playlistType: 'MIX',
      name: `${track.title} Radio`,
      numberOfItems: 50,
    });
    const pages = await followPages(
      fake,
      `/playlists/${ref.id}/relationships/items?countryCode=US&include=items`,
      token,
    );
    expect(pages.map((p) => p.data.length)).toEqual([20, 20, 10]);
    const items = pages.flatMap((p) => p.data);
    expect(items[0].id).toBe(track.id);
    expect(ids(items)).toEqual(ids(mixTracks(c, ref.id, 'US')));
    expect(new Set(items.map((i: Json) => c.track(i.id)!.isrc)).size).toBe(50);
  });

  it('has an artist radio too, and only tracks playable in the country', async () => {
    const res = await get(`/artists/${DISCOVERY.artist}?countryCode=JP&include=radio,radio.items`);
    const mix = res.body.data.relationships.radio.data[0].id;
    const inJp = mixTracks(c, mix, 'JP');
    expect(inJp.every((t) => c.isAvailable(t, 'JP'))).toBe(true);
    const missing = (t: { albumId: string }) => DISCOVERY.missingInJp.includes(t.albumId as never);
    expect(mixTracks(c, mix, 'US').some(missing)).toBe(true); // its most popular track
    expect(inJp.some(missing)).toBe(false);
    expect(ids(res.body.included[0].relationships.items.data)).toEqual(ids(inJp.slice(0, 20)));
  });

  it('answers 404 for a mix id that names no track or artist', async () => {
    expect((await get('/playlists/00b000000000000000000000000001?countryCode=US')).status).toBe(
      404,
    );
  });
});

describe('similar tracks of the artist without similar artists', () => {
  it('are none', async () => {
    const track = c.artistAlbums(DISCOVERY.loner).flatMap((a) => c.albumTracks(a.id))[0]!;
    const res = await get(`/tracks/${track.id}/relationships/similarTracks?countryCode=US`);
    expect(res.body.data).toEqual([]);
  });
});
