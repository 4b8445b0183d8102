/**
 * Behaviour of the fake TIDAL over real HTTP: token endpoint, auth, validation, include.
 * Paging and collection filters: fake-tidal.collections.test.ts; faults, rate limit and the
 * request log: fake-tidal.faults.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type FakeTidal, FIXTURES, startFakeTidal } from './index.js';
import { COUNTRY_MISSING_DETAIL } from './jsonapi/query.js';
import { accessToken, apiGet, expectSpecProblems, issueToken, type Json } from './test-client.js';

let fake: FakeTidal;
let token: string;
const get = (path: string) => apiGet(fake, path, token);

beforeAll(async () => {
  fake = await startFakeTidal();
  token = await accessToken(fake);
});
afterAll(() => fake.close());

describe('token endpoint', () => {
  it('issues client-credentials tokens (form or HTTP Basic credentials)', async () => {
    const before = fake.issuedTokenCount();
    const res = await issueToken(fake);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(Object.keys(res.body).sort()).toEqual([
      'access_token',
      'expires_in',
      'scope',
      'token_type',
    ]);
    expect(res.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: '' });
    expect(res.body.access_token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const basic = Buffer.from(`${fake.clientId}:${fake.clientSecret}`).toString('base64');
    const viaBasic = await issueToken(
      fake,
      { client_id: '', client_secret: '' },
      { authorization: `Basic ${basic}` },
    );
    expect(viaBasic.status).toBe(200);
    expect(viaBasic.body.access_token).not.toBe(res.body.access_token);
    expect(fake.issuedTokenCount()).toBe(before + 2);
  });

  it('rejects a wrong client with invalid_client and an unknown grant', async () => {
    const wrongSecret = await issueToken(fake, { client_secret: 'nope' });
    expect(wrongSecret.status).toBe(401);
    expect(wrongSecret.body).toEqual({
      status: 401,
      error: 'invalid_client',
      sub_status: 1005,
      error_description: 'Client authentication failed',
    });
    const wrongId = await issueToken(fake, { client_id: 'someone-else' });
    expect(wrongId.body).toMatchObject({ status: 401, error: 'invalid_client' });
    const grant = await issueToken(fake, { grant_type: 'password' });
    expect(grant.status).toBe(400);
    expect(grant.body).toMatchObject({ status: 400, error: 'unsupported_grant_type' });
  });

  it('expires tokens after tokenTtlSeconds', async () => {
    const shortLived = await startFakeTidal({ tokenTtlSeconds: 0.2 });
    try {
      const t = await accessToken(shortLived);
      expect(
        (await apiGet(shortLived, `/artists/${FIXTURES.uniqueArtistId}?countryCode=US`, t)).status,
      ).toBe(200);
      await new Promise((r) => setTimeout(r, 300));
      const res = await apiGet(shortLived, `/artists/${FIXTURES.uniqueArtistId}?countryCode=US`, t);
      expect(res.status).toBe(401);
      expect(res.body.errors[0].detail).toBe('The token has expired');
    } finally {
      await shortLived.close();
    }
  });
});

describe('authentication and request validation', () => {
  const artistPath = () => `/artists/${FIXTURES.uniqueArtistId}?countryCode=US`;

  it('answers 401 without, with an unknown, or with an expired token', async () => {
    const none = await apiGet(fake, artistPath(), null);
    expect(none.status).toBe(401);
    expect(none.headers.get('content-type')).toBe('application/vnd.api+json');
    expect(none.body).toEqual({
      errors: [
        { status: '401', code: 'UNAUTHORIZED', detail: 'Invalid or missing Authorization Header' },
      ],
    });
    expect((await apiGet(fake, artistPath(), 'made-up')).body.errors[0].detail).toBe(
      'Invalid token',
    );

    const own = await accessToken(fake);
    expect((await apiGet(fake, artistPath(), own)).status).toBe(200);
    fake.expireAllTokens();
    const expired = await apiGet(fake, artistPath(), own);
    expect(expired.status).toBe(401);
    expect(expired.body.errors[0]).toEqual({
      status: '401',
      code: 'UNAUTHORIZED',
      detail: 'The token has expired',
    });
    token = await accessToken(fake); // later tests need a live token
    expect((await get(artistPath())).status).toBe(200);
  });

  it('requires an explicit, well-formed countryCode for client tokens', async () => {
    const missing = await get(`/artists/${FIXTURES.uniqueArtistId}`);
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({
      errors: [
        {
          status: '400',
          code: 'GENERIC_REQUEST_ERROR',
          detail: COUNTRY_MISSING_DETAIL,
          source: { parameter: 'countryCode' },
        },
      ],
    });
    for (const bad of ['us', 'USA', 'U1']) {
      const res = await get(`/artists/${FIXTURES.uniqueArtistId}?countryCode=${bad}`);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].source).toEqual({ parameter: 'countryCode' });
    }
  });

  it('rejects undocumented parameters, unknown paths and wrong methods', async () => {
    for (const param of ['limit=5', 'page[size]=5', 'filter[title]=x']) {
      const res = await get(`/albums/${FIXTURES.albumWithManyTracks}?countryCode=US&${param}`);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].source.parameter).toBe(param.split('=')[0]);
    }
    const unknown = await get('/nothing/here?countryCode=US');
    expect(unknown.status).toBe(404);
    expect(unknown.body.errors[0]).toMatchObject({ status: '404', code: 'NOT_FOUND' });
    expect((await get('/albums/999?countryCode=US')).status).toBe(404);
    const post = await fetch(`${fake.apiUrl}/albums/1`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET');
    expect(
      (await apiGet(fake, '/albums/1?countryCode=US', token, { accept: 'text/html' })).status,
    ).toBe(406);
    // Every probe above is an undocumented form: the spec guard recorded each one.
    expectSpecProblems([
      'query parameter limit is not documented for /albums/{id}',
      'query parameter page[size] is not documented for /albums/{id}',
      'query parameter filter[title] is not documented for /albums/{id}',
      'path /nothing/here is not in the spec',
      'POST is not documented for /albums/1',
    ]);
  });

  it('hides albums (and their tracks) that do not exist in the country', async () => {
    const album = fake.catalog.album(FIXTURES.notInDeAlbum)!;
    expect((await get(`/albums/${album.id}?countryCode=US`)).status).toBe(200);
    expect((await get(`/albums/${album.id}?countryCode=DE`)).status).toBe(404);
    const isrc = fake.catalog.track(album.items[0]!.trackId)!.isrc;
    const us = await get(`/tracks?filter[isrc]=${isrc}&countryCode=US`);
    const de = await get(`/tracks?filter[isrc]=${isrc}&countryCode=DE`);
    expect(us.body.data.map((t: Json) => t.id)).toContain(album.items[0]!.trackId);
    expect(de.body.data.map((t: Json) => t.id)).not.toContain(album.items[0]!.trackId);
  });
});

describe('include', () => {
  const albumId = FIXTURES.albumWithManyTracks;

  it('omits relationships and included when nothing is requested', async () => {
    const res = await get(`/albums/${albumId}?countryCode=US`);
    expect(res.status).toBe(200);
    expect(res.body.data.relationships).toBeUndefined();
    expect(res.body.included).toBeUndefined();
    expect(res.body.links).toEqual({ self: `/albums/${albumId}?countryCode=US` });
  });

  it('sets only the requested relationships and includes their resources', async () => {
    const res = await get(`/albums/${albumId}?countryCode=US&include=artists`);
    const album = fake.catalog.album(albumId)!;
    expect(Object.keys(res.body.data.relationships)).toEqual(['artists']);
    expect(res.body.data.relationships.artists).toEqual({
      data: album.artistIds.map((id) => ({ id, type: 'artists' })),
      links: { self: `/albums/${albumId}/relationships/artists` },
    });
    expect(res.body.included.map((r: Json) => [r.type, r.id])).toEqual(
      album.artistIds.map((id) => ['artists', id]),
    );
  });

  it('walks nested paths, dedupes included and never repeats primary data', async () => {
    const res = await get(`/albums/${albumId}?countryCode=US&include=items,items.artists,coverArt`);
    const items = fake.catalog.albumItems(albumId);
    const rel = res.body.data.relationships.items;
    expect(rel.data).toEqual(
      items.slice(0, 20).map((i) => ({
        id: i.track.id,
        type: 'tracks',
        meta: { trackNumber: i.trackNumber, volumeNumber: 1 },
      })),
    );
    const keys = res.body.included.map((r: Json) => `${r.type}/${r.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).not.toContain(`albums/${albumId}`);
    const tracks = res.body.included.filter((r: Json) => r.type === 'tracks');
    expect(tracks).toHaveLength(20);
    for (const t of tracks) {
      expect(Object.keys(t.relationships)).toEqual(['artists']);
      for (const a of t.relationships.artists.data) expect(keys).toContain(`artists/${a.id}`);
    }
    const artwork = res.body.included.find((r: Json) => r.type === 'artworks');
    expect(artwork.attributes.files.map((f: Json) => f.meta.width)).toEqual([1280, 320, 160]);

    const artistId = FIXTURES.artistWithManySimilar;
    const similar = await get(
      `/artists/${artistId}?countryCode=US&include=similarArtists.similarArtists`,
    );
    expect(similar.body.included.map((r: Json) => r.id)).not.toContain(artistId);
  });

  it('validates include paths (unknown relationship, depth, number of resources)', async () => {
    const unknown = await get(`/albums/${albumId}?countryCode=US&include=items.bogus`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].source).toEqual({ parameter: 'include' });
    expect(unknown.body.errors[0].detail).toContain("'bogus'");
    expectSpecProblems([
      'include "items.bogus": "bogus" is not a documented include of tracks|videos',
    ]);
    const deep = await get(`/albums/${albumId}?countryCode=US&include=items.albums.artists.albums`);
    expect(deep.body.errors[0].detail).toContain('maximum depth is 3');
    const eleven =
      'albums,albums.artists,albums.coverArt,albums.items,albums.items.artists,albums.items.albums,' +
      'similarArtists,similarArtists.albums,similarArtists.profileArt,profileArt,videos';
    const wide = await get(
      `/artists/${FIXTURES.artistWithManySimilar}?countryCode=US&include=${eleven}`,
    );
    expect(wide.status).toBe(400);
    expect(wide.body.errors[0].detail).toContain('maximum is 10');
  });
});
