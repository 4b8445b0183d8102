/**
 * Fake responses validated against the official TIDAL OpenAPI document (strict: undeclared
 * properties fail, see oas-validator.ts). The expected schema of each response is looked up in
 * the OAS paths, not hard-coded. Without the OAS file the suite is skipped, loudly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { OAS_PATH, specRequirement } from '../helpers/environment.js';
import { DISCOVERY } from './catalog/generate-discovery.js';
import { type FakeTidal, FIXTURES, getCatalog, startFakeTidal } from './index.js';
import { loadOasValidator, type OasValidator } from './oas-validator.js';
import { accessToken, apiGet, expectSpecProblems, type Json } from './test-client.js';

const oasFile = OAS_PATH;
const haveOas = specRequirement('fake TIDAL OAS conformance').available;

describe.skipIf(!haveOas)('fake responses conform to the TIDAL OAS', () => {
  let fake: FakeTidal;
  let token: string;
  let oas: OasValidator;

  beforeAll(async () => {
    oas = loadOasValidator(oasFile);
    fake = await startFakeTidal();
    token = await accessToken(fake);
  });
  afterAll(() => fake?.close());

  /** GETs `url`, checks the status, and validates against the OAS response schema for it. */
  async function conforms(template: string, url: string, status = 200): Promise<Json> {
    const res = await apiGet(fake, url, token);
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    const schema = oas.responseSchemaName(template, 'get', String(status));
    expect(oas.errors(schema, res.body), `${url} vs ${schema}`).toEqual([]);
    if (status >= 400) expect(oas.errors('Errors_Document', res.body)).toEqual([]);
    return res.body;
  }

  const album = FIXTURES.albumWithManyTracks;
  const artist = FIXTURES.artistWithManySimilar;

  it('searchResults with every include', async () => {
    const body = await conforms(
      '/searchResults',
      '/searchResults?filter[query]=love&countryCode=US&include=tracks,albums,artists,playlists,videos,topHits,tracks.artists,albums.coverArt',
    );
    const rel = body.data[0].relationships.tracks.links.next;
    await conforms(
      '/searchResults/{id}/relationships/tracks',
      `${rel}&countryCode=US&include=tracks`,
    );
    await conforms(
      '/searchResults/{id}/relationships/topHits',
      `/searchResults/${body.data[0].id}/relationships/topHits?countryCode=US&include=topHits`,
    );
  });

  it('album with include, album items page, barcode lookup', async () => {
    await conforms(
      '/albums/{id}',
      `/albums/${album}?countryCode=US&include=artists,coverArt,items,items.artists,genres,usageRules`,
    );
    const page = await conforms(
      '/albums/{id}/relationships/items',
      `/albums/${album}/relationships/items?countryCode=US&include=items`,
    );
    await conforms('/albums/{id}/relationships/items', `${page.links.next}`);
    // Videos among an album's items, and an album with tracks missing in the country.
    const deluxe = await conforms(
      '/albums/{id}',
      `/albums/${FIXTURES.albumWithVideos}?countryCode=US&include=items,items.artists`,
    );
    expect(deluxe.data.relationships.items.data.at(-1).type).toBe('videos');
    const gaps = await conforms(
      '/albums/{id}',
      `/albums/${FIXTURES.albumWithGapsInSe}?countryCode=SE&include=items`,
    );
    expect([gaps.data.attributes.numberOfItems, gaps.data.relationships.items.data.length]).toEqual(
      [10, 8],
    );
    await conforms(
      '/albums',
      `/albums?filter[barcodeId]=${FIXTURES.upcAlbumBarcode}&countryCode=US&include=artists,coverArt`,
    );
  });

  it('tracks by ISRC, artist and similar artists, video, playlist', async () => {
    await conforms(
      '/tracks',
      `/tracks?filter[isrc]=${FIXTURES.multiTrackIsrc}&countryCode=US&include=albums,artists`,
    );
    await conforms(
      '/artists/{id}',
      `/artists/${artist}?countryCode=US&include=similarArtists,profileArt,albums,videos`,
    );
    await conforms(
      '/artists/{id}/relationships/similarArtists',
      `/artists/${artist}/relationships/similarArtists?countryCode=US&include=similarArtists,similarArtists.profileArt`,
    );
    await conforms(
      '/videos/{id}',
      `/videos/${FIXTURES.video}?countryCode=US&include=artists,thumbnailArt`,
    );
    await conforms(
      '/playlists/{id}',
      `/playlists/${FIXTURES.playlistWithManyItems}?countryCode=US&include=items,coverArt`,
    );
    await conforms(
      '/playlists/{id}/relationships/items',
      `/playlists/${FIXTURES.playlistWithManyItems}/relationships/items?countryCode=US&include=items`,
    );
  });

  it('user endpoints: /users/me and a user playlist with its items', async () => {
    const userToken = fake.issueUserToken();
    const me = await apiGet(fake, '/users/me', userToken);
    expect(me.status).toBe(200);
    expect(oas.errors(oas.responseSchemaName('/users/{id}', 'get', '200'), me.body)).toEqual([]);
    const created = fake.userPlaylists.create('4242', { name: 'OAS check' });
    fake.userPlaylists.add(created, [{ type: 'tracks', id: getCatalog().tracks[0]!.id }]);
    const mine = await apiGet(
      fake,
      '/playlists?filter[owners.id]=me&countryCode=US&include=items',
      userToken,
    );
    expect(mine.status).toBe(200);
    expect(oas.errors(oas.responseSchemaName('/playlists', 'get', '200'), mine.body)).toEqual([]);
    const items = await apiGet(
      fake,
      `/playlists/${created.id}/relationships/items?countryCode=US`,
      userToken,
    );
    expect(
      oas.errors(
        oas.responseSchemaName('/playlists/{id}/relationships/items', 'get', '200'),
        items.body,
      ),
    ).toEqual([]);
  });

  it('library: favorites of every kind, adds, removes, 409s, mixes, a playlist with owners', async () => {
    const { ALL_USER_SCOPES, LISTENER_MIXES } = await import('./index.js');
    const { apiSend } = await import('./test-client.js');
    const user = fake.issueUserToken({ scopes: [...ALL_USER_SCOPES] });
    const valid = (path: string, method: string, status: number, body: unknown) =>
      expect(oas.errors(oas.responseSchemaName(path, method, String(status)), body)).toEqual([]);
    const kinds = { Tracks: 'tracks', Albums: 'albums', Artists: 'artists', Videos: 'videos' };
    const ids = {
      tracks: '200000001',
      albums: '100000001',
      artists: '3500001',
      videos: '300000001',
    };
    for (const [name, type] of [...Object.entries(kinds), ['Playlists', 'playlists']] as const) {
      const template = `/userCollection${name}/{id}/relationships/items`;
      const path = `/userCollection${name}/me/relationships/items`;
      const nested = type === 'tracks' ? ',items.artists,items.albums' : '';
      const list = await apiGet(fake, `${path}?include=items${nested}&sort=-addedAt`, user);
      expect(list.status, type).toBe(200);
      valid(template, 'get', 200, list.body);
      if (type === 'playlists') continue;
      const id = ids[type as keyof typeof ids];
      const body = {
        data: [
          { type, id },
          { type, id: '1' },
        ],
      };
      const added = await apiSend(fake, 'POST', path, user, body);
      expect(added.status, type).toBe(200);
      valid(template, 'post', 200, added.body);
      const removed = await apiSend(fake, 'DELETE', path, user, { data: [{ type, id }] });
      valid(template, 'delete', 200, removed.body);
    }
    const strict = await startFakeTidal({ collectionLimit: 0 });
    try {
      const token = strict.issueUserToken({ scopes: [...ALL_USER_SCOPES] });
      const full = await apiSend(
        strict,
        'POST',
        '/userCollectionTracks/me/relationships/items',
        token,
        {
          data: [{ type: 'tracks', id: '200000001' }],
        },
      );
      expect(full.status).toBe(409);
      valid('/userCollectionTracks/{id}/relationships/items', 'post', 409, full.body);
    } finally {
      await strict.close();
    }
    for (const name of ['Daily', 'Discovery', 'NewRelease']) {
      const mixes = await apiGet(
        fake,
        `/user${name}Mixes/me/relationships/items?include=items`,
        user,
      );
      expect(mixes.status).toBe(200);
      valid(`/user${name}Mixes/{id}/relationships/items`, 'get', 200, mixes.body);
    }
    const mix = await apiGet(
      fake,
      `/playlists/${LISTENER_MIXES.daily[0]}?countryCode=NO&include=items,items.artists,items.tracks:albums,owners`,
      user,
    );
    valid('/playlists/{id}', 'get', 200, mix.body);
    expect(mix.body.data.attributes.playlistType).toBe('MIX');
  });

  it('discovery: artist sections, roles, radio mixes, similar tracks and albums, ids by country', async () => {
    const id = DISCOVERY.artist;
    const artist = await conforms(
      '/artists/{id}',
      `/artists/${id}?countryCode=US&include=profileArt,roles,tracks,tracks.albums,tracks.artists,albums,albums.artists,videos,videos.artists,similarArtists`,
    );
    expect(artist.included.some((r: Json) => r.type === 'artistRoles')).toBe(true);
    for (const [rel, extra] of [
      ['tracks', '&collapseBy=FINGERPRINT&include=tracks,tracks.albums,tracks.artists'],
      ['tracks', '&collapseBy=NONE'],
      ['albums', '&include=albums,albums.artists'],
      ['videos', '&include=videos,videos.artists'],
    ] as const) {
      await conforms(
        `/artists/{id}/relationships/${rel}`,
        `/artists/${id}/relationships/${rel}?countryCode=US${extra}`,
      );
    }
    const radio = await conforms(
      '/artists/{id}',
      `/artists/${id}?countryCode=US&include=radio,radio.items,radio.items.artists,radio.items.albums`,
    );
    const track = getCatalog().albumTracks(DISCOVERY.explicitAlbum)[0]!.id;
    await conforms(
      '/tracks/{id}',
      `/tracks/${track}?countryCode=US&include=artists,similarTracks,similarTracks.artists,similarTracks.albums,radio,radio.items,radio.items.artists,radio.items.albums`,
    );
    await conforms(
      '/tracks/{id}/relationships/similarTracks',
      `/tracks/${track}/relationships/similarTracks?countryCode=US&include=similarTracks,similarTracks.albums`,
    );
    const mix = radio.data.relationships.radio.data[0].id as string;
    await conforms('/playlists/{id}', `/playlists/${mix}?countryCode=US&include=items`);
    const items = await conforms(
      '/playlists/{id}/relationships/items',
      `/playlists/${mix}/relationships/items?countryCode=US&include=items,items.artists,items.albums`,
    );
    await conforms('/playlists/{id}/relationships/items', items.links.next);
    await conforms(
      '/albums/{id}',
      `/albums/${DISCOVERY.explicitAlbum}?countryCode=US&include=artists,coverArt,items,items.artists,similarAlbums`,
    );
    await conforms(
      '/tracks',
      `/tracks?countryCode=JP&filter[id]=${track}&filter[id]=${getCatalog().albumTracks(DISCOVERY.missingInJp[0])[0]!.id}`,
    );
  });

  it('errors: 400, 404, 429', async () => {
    await conforms('/albums/{id}', `/albums/${album}`, 400);
    await conforms('/albums/{id}', `/albums/${album}?countryCode=US&include=nope`, 400);
    expectSpecProblems([
      'include "nope": "nope" is not among albumStatistics, artists, coverArt, genres, items, owners, priceConfig, providers, replacement, shares, similarAlbums, suggestedCoverArts, usageRules',
    ]);
    await conforms('/albums/{id}', '/albums/1?countryCode=US', 404);
    fake.inject({ kind: 'status', status: 429, retryAfter: '1' });
    await conforms('/albums/{id}', `/albums/${album}?countryCode=US`, 429);
  });

  it('the validator rejects broken documents (so passing means something)', async () => {
    const good = (
      await apiGet(fake, `/albums/${album}?countryCode=US&include=artists,items`, token)
    ).body;
    const schema = 'Albums_Single_Resource_Data_Document';
    expect(oas.errors(schema, good)).toEqual([]);
    const broken = (mutate: (doc: Json) => void) => {
      const doc = structuredClone(good);
      mutate(doc);
      return oas.errors(schema, doc).map((e) => `${e.instancePath} ${e.message}`);
    };
    expect(broken((d) => delete d.data.attributes.barcodeId)).toContain(
      "/data/attributes must have required property 'barcodeId'",
    );
    expect(broken((d) => (d.data.attributes.albumType = 'LP')).join()).toContain(
      '/data/attributes/albumType must be equal to one of the allowed values',
    );
    expect(broken((d) => (d.data.attributes.numberOfItems = '27')).join()).toContain(
      '/data/attributes/numberOfItems must be integer',
    );
    expect(broken((d) => (d.data.attributes.undocumented = 1))).toContain(
      '/data/attributes must NOT have additional properties',
    );
    expect(broken((d) => delete d.links.self)).toContain(
      "/links must have required property 'self'",
    );
    // Discriminated `included`: an artist carrying album attributes must fail as an artist.
    expect(broken((d) => (d.included[0].attributes = { ...d.data.attributes })).join()).toContain(
      "must have required property 'name'",
    );
    expect(broken((d) => (d.included[0].type = 'bananas')).join()).toContain(
      '/included/0/type must be equal to one of the allowed values',
    );
    expect(broken((d) => (d.data.relationships.items.data[0].meta = { trackNumber: 1 }))).toContain(
      "/data/relationships/items/data/0/meta must have required property 'volumeNumber'",
    );
  });
});

describe.skipIf(!haveOas)('the scopes `tidal-mcp login` asks for exist in the TIDAL OAS', () => {
  it('every login scope is a THIRD_PARTY scope of Authorization_Code_PKCE', async () => {
    const { readFileSync } = await import('node:fs');
    const { LOGIN_SCOPES } = await import('../../src/auth/login.js');
    const oas = JSON.parse(readFileSync(oasFile, 'utf8')) as {
      components: {
        securitySchemes: Record<
          string,
          {
            flows: Record<
              string,
              {
                scopes: Record<string, string>;
                'x-scopes-required-access-tier': Record<string, string>;
              }
            >;
          }
        >;
      };
    };
    const flow = oas.components.securitySchemes.Authorization_Code_PKCE!.flows.authorizationCode!;
    expect(LOGIN_SCOPES).toEqual([
      'user.read',
      'playlists.read',
      'playlists.write',
      'search.read',
      'collection.read',
      'collection.write',
      'recommendations.read',
    ]);
    for (const scope of LOGIN_SCOPES) {
      expect(Object.keys(flow.scopes)).toContain(scope);
      expect(flow['x-scopes-required-access-tier'][scope], scope).toBe('THIRD_PARTY');
    }
  });
});
