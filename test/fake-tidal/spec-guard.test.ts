/**
 * The spec guard itself: what it lets through and what it records, over real HTTP to the fake.
 * (Every other test file runs under it through test/setup/spec-guard.ts.)
 */
import { afterAll, beforeAll, describe, it } from 'vitest';

import { type FakeTidal, FIXTURES, specGuardActive, startFakeTidal } from './index.js';
import { accessToken, apiGet, expectSpecProblems } from './test-client.js';

describe.skipIf(!specGuardActive())('the request spec guard', () => {
  let fake: FakeTidal;
  let token: string;
  beforeAll(async () => {
    fake = await startFakeTidal();
    token = await accessToken(fake);
  });
  afterAll(() => fake.close());

  const send = (method: string, path: string, body: unknown) =>
    fetch(`${fake.apiUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${fake.issueUserToken()}`,
        'content-type': 'application/vnd.api+json',
      },
      body: JSON.stringify(body),
    });

  it('lets documented forms through: nested includes, sort, enum values, repeated filters', async () => {
    await apiGet(
      fake,
      `/albums/${FIXTURES.albumWithManyTracks}?countryCode=US&include=artists,coverArt,items,items.artists,items.albums`,
      token,
    );
    await apiGet(
      fake,
      `/albums?filter[barcodeId]=${FIXTURES.upcAlbumBarcode}&filter[barcodeId]=0${FIXTURES.upcAlbumBarcode}&countryCode=US`,
      token,
    );
    await apiGet(
      fake,
      '/searchResults?filter[query]=love&countryCode=US&explicitFilter=EXCLUDE&include=tracks.albums',
      token,
    );
    await apiGet(
      fake,
      `/artists/${FIXTURES.artistWithManySimilar}/relationships/tracks?countryCode=US&collapseBy=NONE`,
      token,
    );
    await apiGet(
      fake,
      '/playlists?filter[owners.id]=me&sort=-lastModifiedAt',
      fake.issueUserToken(),
    );
    expectSpecProblems([]);
  });

  it('records undocumented parameters, include options, sort values and paths', async () => {
    await apiGet(fake, '/tracks?filter[isrc]=USRC17607839&countryCode=US&limit=3', token);
    await apiGet(
      fake,
      `/albums/${FIXTURES.albumWithManyTracks}?countryCode=US&include=items.coverArt`,
      token,
    );
    await apiGet(fake, '/playlists?filter[owners.id]=me&sort=-popularity', fake.issueUserToken());
    await apiGet(fake, '/users/me/playlists', fake.issueUserToken());
    expectSpecProblems([
      'query parameter limit is not documented for /tracks',
      'include "items.coverArt": "coverArt" is not a documented include of tracks|videos',
      'sort=-popularity is not one of createdAt, -createdAt, lastModifiedAt, -lastModifiedAt, name, -name',
      'path /users/me/playlists is not in the spec',
    ]);
  });

  it('validates write bodies against the request schema, strictly', async () => {
    await send('POST', '/playlists', {
      data: { type: 'playlists', attributes: { name: 'x', privacy: 'PRIVATE' } },
    });
    await send('POST', '/playlists', { data: { type: 'playlists', attributes: { name: 'ok' } } });
    expectSpecProblems([
      'body /data/attributes must NOT have additional properties (PlaylistsCreateOperation_Payload)',
    ]);
  });
});
