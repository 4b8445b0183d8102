/**
 * The fake's user library: favorites per kind (list newest first with cursors, add, remove,
 * 50-item limits, idempotency, scopes, the 409 codes), personal mixes, and who may read which
 * playlist (client-credentials tokens see editorial and public ones only; MIX playlists refuse
 * writes).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import {
  ALL_USER_SCOPES,
  DEFAULT_USER,
  FAKE_USERS,
  type FakeTidal,
  FIXTURES,
  LISTENER_MIXES,
  LISTENER_PRIVATE_PLAYLIST_ID,
  OTHER_USERS_PLAYLIST_ID,
  OTHER_USERS_PRIVATE_PLAYLIST_ID,
  SEEDED_FAVORITES,
  startFakeTidal,
} from './index.js';
import {
  accessToken,
  apiGet,
  apiSend,
  expectSpecProblems,
  followPages,
  type Json,
} from './test-client.js';

const ITEMS = '/userCollectionTracks/me/relationships/items';

describe('favorites (userCollection* items)', () => {
  let fake: FakeTidal;
  let user: string;
  const listener = DEFAULT_USER.id;
  const trackIds = () => fake.catalog.tracks.slice(0, 120).map((t) => t.id);

  beforeAll(async () => {
    fake = await startFakeTidal();
    user = fake.issueUserToken({ scopes: [...ALL_USER_SCOPES] });
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.collections.clear(listener, 'albums');
  });

  it('lists the seeded favorites newest first, 20 per page, with addedAt and includes', async () => {
    const pages = await followPages(fake, `${ITEMS}?include=items,items.artists`, user);
    expect(pages.map((p) => p.data.length)).toEqual([20, SEEDED_FAVORITES.tracks - 20]);
    const listed = pages.flatMap((p) => p.data);
    expect(listed.map((d: Json) => d.id)).toEqual(fake.collections.ids(listener, 'tracks'));
    const added = listed.map((d: Json) => d.meta.addedAt as string);
    expect(added).toEqual([...added].sort().reverse());
    expect(listed[0]).toMatchObject({
      type: 'tracks',
      meta: { addedAt: '2026-01-25T00:00:00.000Z' },
    });
    const included = pages[0].included.map((r: Json) => r.type);
    expect(new Set(included)).toEqual(new Set(['tracks', 'artists']));
    expect(pages[0].links.meta.nextCursor).toBeTruthy();
  });

  it('sorts oldest first when asked and refuses an undocumented parameter', async () => {
    const oldest = await apiGet(fake, `${ITEMS}?sort=addedAt`, user);
    expect(oldest.body.data[0].meta.addedAt).toBe('2026-01-01T00:00:00.000Z');
    expect((await apiGet(fake, `${ITEMS}?countryCode=NO`, user)).status).toBe(400);
    expect((await apiGet(fake, `${ITEMS}?sort=popularity`, user)).status).toBe(400);
    expectSpecProblems([
      'query parameter countryCode is not documented for /userCollectionTracks/{id}/relationships/items',
      'sort=popularity is not one of addedAt, -addedAt, albums.title, -albums.title, artists.name, -artists.name, duration, -duration, title, -title',
    ]);
  });

  it('needs a user token with collection.read, and only for the own library', async () => {
    const noScope = fake.issueUserToken({ scopes: ['user.read'] });
    expect((await apiGet(fake, ITEMS, noScope)).status).toBe(403);
    expect((await apiGet(fake, ITEMS, await accessToken(fake))).status).toBe(401);
    const other = `/userCollectionTracks/${FAKE_USERS.other.id}/relationships/items`;
    expect((await apiGet(fake, other, user)).status).toBe(404);
    const own = `/userCollectionTracks/${listener}/relationships/items`;
    expect((await apiGet(fake, own, user)).status).toBe(200);
  });

  it('adds up to 50 per request, skipping ids already there or unknown', async () => {
    const [a, b] = fake.catalog.albums.map((x) => x.id);
    const path = '/userCollectionAlbums/me/relationships/items';
    const first = await apiSend(fake, 'POST', path, user, { data: [{ type: 'albums', id: a }] });
    expect(first.status).toBe(200);
    const second = await apiSend(fake, 'POST', path, user, {
      data: [
        { type: 'albums', id: a },
        { type: 'albums', id: b },
        { type: 'albums', id: '999' },
      ],
    });
    expect(second.body.data.map((d: Json) => d.id)).toEqual([b]);
    expect(second.body.meta.skipped).toEqual([
      { id: a, type: 'albums', reason: 'ALREADY_PRESENT' },
      { id: '999', type: 'albums', reason: 'NOT_FOUND' },
    ]);
    expect(fake.collections.ids(listener, 'albums')).toEqual([b, a]);
    const tooMany = Array.from({ length: 51 }, (_, i) => ({ type: 'albums', id: String(i) }));
    expect((await apiSend(fake, 'POST', path, user, { data: tooMany })).status).toBe(400);
    const wrongType = { data: [{ type: 'tracks', id: a }] };
    expect((await apiSend(fake, 'POST', path, user, wrongType)).status).toBe(400);
    const valid = { data: [{ type: 'albums', id: a }] };
    expect((await apiSend(fake, 'POST', `${path}?countryCode=NO`, user, valid)).status).toBe(400);
    expectSpecProblems([
      'body /data must NOT have more than 50 items (UserCollectionAlbumsItemsRelationshipAddOperation_Payload)',
      'body /data/0/type must be equal to one of the allowed values (UserCollectionAlbumsItemsRelationshipAddOperation_Payload)',
      'query parameter countryCode is not documented for /userCollectionAlbums/{id}/relationships/items',
    ]);
  });

  it('replays a write with the same Idempotency-Key instead of applying it twice', async () => {
    const path = '/userCollectionAlbums/me/relationships/items';
    const body = { data: [{ type: 'albums', id: fake.catalog.albums[5]!.id }] };
    const headers = { 'idempotency-key': 'k-1' };
    const replays = fake.idempotentReplays();
    const one = await apiSend(fake, 'POST', path, user, body, headers);
    const two = await apiSend(fake, 'POST', path, user, body, headers);
    expect(two.body).toEqual(one.body);
    expect(fake.idempotentReplays()).toBe(replays + 1);
    const other = { data: [{ type: 'albums', id: fake.catalog.albums[6]!.id }] };
    const mismatch = await apiSend(fake, 'POST', path, user, other, headers);
    expect(mismatch.status).toBe(422);
    expect(mismatch.body.errors[0].code).toBe('IDEMPOTENT_REQUEST_PAYLOAD_MISMATCH');
  });

  it('removes with DELETE (ids not there are ignored) and needs collection.write', async () => {
    const path = '/userCollectionAlbums/me/relationships/items';
    const ids = fake.catalog.albums.slice(0, 3).map((x) => x.id);
    fake.collections.add(listener, 'albums', ids);
    const readOnly = fake.issueUserToken({ scopes: ['collection.read'] });
    const body = { data: [ids[0], '12345'].map((id) => ({ type: 'albums', id })) };
    expect((await apiSend(fake, 'DELETE', path, readOnly, body)).status).toBe(403);
    const removed = await apiSend(fake, 'DELETE', path, user, body);
    expect(removed.status).toBe(200);
    expect(removed.body).toEqual({ links: { self: path } });
    expect(fake.collections.ids(listener, 'albums').sort()).toEqual(ids.slice(1).sort());
  });

  it('answers 409 for a full collection, and for duplicates in conflict mode', async () => {
    const strict = await startFakeTidal({ collectionDuplicates: 'conflict', collectionLimit: 30 });
    try {
      const token = strict.issueUserToken({ scopes: [...ALL_USER_SCOPES] });
      const seeded = strict.collections.ids(listener, 'tracks');
      const dup = await apiSend(strict, 'POST', ITEMS, token, {
        data: [seeded[0], trackIds()[0]].map((id) => ({ type: 'tracks', id })),
      });
      expect(dup.status).toBe(409);
      expect(dup.body.errors[0].code).toBe('DUPLICATE_ITEMS_IN_COLLECTION');
      expect(strict.collections.size(listener, 'tracks')).toBe(SEEDED_FAVORITES.tracks);
      const full = await apiSend(strict, 'POST', ITEMS, token, {
        data: trackIds()
          .slice(0, 6)
          .map((id) => ({ type: 'tracks', id })),
      });
      expect(full.status).toBe(409);
      expect(full.body.errors[0].code).toBe('TOO_MANY_ITEMS_IN_COLLECTION');
    } finally {
      await strict.close();
    }
  });
});

describe('mixes and who can read which playlist', () => {
  let fake: FakeTidal;
  let app: string;
  let user: string;
  beforeAll(async () => {
    fake = await startFakeTidal();
    app = await accessToken(fake);
    user = fake.issueUserToken({ scopes: [...ALL_USER_SCOPES] });
  });
  afterAll(() => fake.close());

  it('lists the daily, discovery and new-release mixes as MIX playlists', async () => {
    const daily = await apiGet(fake, '/userDailyMixes/me/relationships/items?include=items', user);
    expect(daily.body.data.map((d: Json) => d.id)).toEqual([...LISTENER_MIXES.daily]);
    expect(daily.body.included.map((p: Json) => p.attributes.playlistType)).toEqual(['MIX', 'MIX']);
    const discovery = await apiGet(fake, '/userDiscoveryMixes/me/relationships/items', user);
    expect(discovery.body.data).toEqual([{ id: LISTENER_MIXES.discovery[0], type: 'playlists' }]);
    const fresh = await apiGet(fake, '/userNewReleaseMixes/me/relationships/items', user);
    expect(fresh.body.data).toEqual([{ id: LISTENER_MIXES.newRelease[0], type: 'playlists' }]);
    const noScope = fake.issueUserToken({ scopes: ['collection.read'] });
    expect((await apiGet(fake, '/userDailyMixes/me/relationships/items', noScope)).status).toBe(
      403,
    );
  });

  it('lets a client-credentials token read editorial and public playlists, not private ones', async () => {
    const read = (id: string, token: string) =>
      apiGet(fake, `/playlists/${id}?countryCode=NO&include=owners`, token);
    expect((await read(FIXTURES.playlistWithManyItems, app)).status).toBe(200);
    const other = await read(OTHER_USERS_PLAYLIST_ID, app);
    expect(other.body.data.relationships.owners.data).toEqual([
      { id: FAKE_USERS.other.id, type: 'users' },
    ]);
    expect((await read(OTHER_USERS_PRIVATE_PLAYLIST_ID, app)).status).toBe(404);
    expect((await read(OTHER_USERS_PRIVATE_PLAYLIST_ID, user)).status).toBe(404);
    expect((await read(LISTENER_PRIVATE_PLAYLIST_ID, app)).status).toBe(404);
    const mine = await read(LISTENER_PRIVATE_PLAYLIST_ID, user);
    expect(mine.body.data.attributes.accessType).toBe('PRIVATE');
    const items = `/playlists/${LISTENER_PRIVATE_PLAYLIST_ID}/relationships/items?countryCode=NO`;
    expect((await apiGet(fake, items, app)).status).toBe(404);
  });

  it('refuses every write to a MIX playlist, even from its owner', async () => {
    const mix = LISTENER_MIXES.daily[0];
    expect(fake.userPlaylists.get(mix)?.ownerId).toBe(DEFAULT_USER.id);
    const before = fake.userPlaylists.get(mix)!.items.length;
    const add = await apiSend(fake, 'POST', `/playlists/${mix}/relationships/items`, user, {
      data: [{ type: 'tracks', id: fake.catalog.tracks[0]!.id }],
    });
    expect(add.status).toBe(403);
    const rename = await apiSend(fake, 'PATCH', `/playlists/${mix}`, user, {
      data: { id: mix, type: 'playlists', attributes: { name: 'Mine now' } },
    });
    expect(rename.status).toBe(403);
    expect(fake.userPlaylists.get(mix)!.items).toHaveLength(before);
    expect(fake.userPlaylists.get(mix)!.name).toBe('My Mix 1');
  });
});
