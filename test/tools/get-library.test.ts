/**
 * get_library in process: the user's own playlists, favorites of every kind (newest first, with
 * the date added, paged by cursor, one request per TIDAL page, no countryCode where TIDAL
 * documents none) and personal mixes; scopes checked before anything is sent.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { LoginRequiredError, type UserSession } from '../../src/auth/user-session.js';
import {
  ALL_USER_SCOPES,
  DEFAULT_USER,
  type FakeTidal,
  LISTENER_MIXES,
  SEEDED_FAVORITES,
  startFakeTidal,
} from '../fake-tidal/index.js';
import { FakeLoginSession, type InProcessServer, startInProcess } from '../helpers/in-process.js';

describe('get_library', () => {
  let fake: FakeTidal;
  let h: InProcessServer;
  const listener = DEFAULT_USER.id;
  const ids = (r: { structured: Record<string, any> }) =>
    (r.structured.items as { id: string }[]).map((i) => i.id);

  beforeAll(async () => {
    fake = await startFakeTidal();
    const scopes = [...ALL_USER_SCOPES];
    const session = new FakeLoginSession(fake.issueUserToken({ scopes }), DEFAULT_USER, scopes);
    h = await startInProcess(fake, { session });
  });
  afterAll(async () => {
    await h.close();
    await fake.close();
  });
  beforeEach(() => {
    fake.clearRequests();
    h.app.http.cache.invalidate(() => true);
  });

  it('lists favorite tracks newest first with the date added, one request per 20', async () => {
    const result = await h.tool('get_library', { kind: 'tracks', limit: 20 });
    expect(result.isError, result.text).toBe(false);
    expect(ids(result)).toEqual(fake.collections.ids(listener, 'tracks').slice(0, 20));
    expect(result.structured.items[0]).toMatchObject({
      addedAt: '2026-01-25T00:00:00.000Z',
      track: { id: fake.collections.ids(listener, 'tracks')[0] },
    });
    expect(result.structured.items[0].track.album.title).toBeTruthy();
    expect(result.structured.items[0].track.artists[0].name).toBeTruthy();
    const requests = fake.apiRequests();
    expect(requests.map((r) => r.path)).toEqual(['/userCollectionTracks/me/relationships/items']);
    expect(requests[0]!.query).toEqual({
      include: ['items,items.artists,items.albums'],
      sort: ['-addedAt'],
    });
    expect(result.text.split('\n')[0]).toBe('Your favorite tracks (most recently added first):');
    expect(result.text.split('\n')[1]).toMatch(/ · added 2026-01-25$/);

    fake.clearRequests();
    const rest = await h.tool('get_library', {
      kind: 'tracks',
      cursor: result.structured.nextCursor,
    });
    expect(ids(rest)).toEqual(fake.collections.ids(listener, 'tracks').slice(20));
    expect(rest.structured.nextCursor).toBeUndefined();
    expect(fake.apiRequests()).toHaveLength(1);
    expect(fake.apiRequests()[0]!.query['page[cursor]']).toHaveLength(1);
  });

  it('fills the default 50 from as many pages as it takes', async () => {
    const result = await h.tool('get_library', { kind: 'tracks' });
    expect(ids(result)).toEqual(fake.collections.ids(listener, 'tracks'));
    expect(result.structured.items).toHaveLength(SEEDED_FAVORITES.tracks);
    expect(fake.apiRequests()).toHaveLength(2);
  });

  it('stops a long page inside the result bounds and continues it exactly', async () => {
    const tracks = fake.catalog.tracks.filter((t) => fake.catalog.isAvailable(t, 'NO'));
    const extra = tracks.slice(1000, 1100).map((t) => t.id);
    fake.collections.add(listener, 'tracks', extra);
    try {
      const first = await h.tool('get_library', { kind: 'tracks', limit: 100 });
      const shown = first.structured.items.length as number;
      expect(shown).toBeLessThan(100);
      expect(JSON.stringify(first.structured).length).toBeLessThanOrEqual(50_000);
      expect(first.text).not.toContain('shortened');
      const rest = await h.tool('get_library', {
        kind: 'tracks',
        cursor: first.structured.nextCursor,
        limit: 100,
      });
      expect([...ids(first), ...ids(rest)].slice(0, 100)).toEqual(
        fake.collections.ids(listener, 'tracks').slice(0, 100),
      );
    } finally {
      fake.collections.remove(listener, 'tracks', extra);
    }
  });

  it.each([
    ['albums', 'album', '/userCollectionAlbums/me/relationships/items'],
    ['artists', 'artist', '/userCollectionArtists/me/relationships/items'],
    ['videos', 'video', '/userCollectionVideos/me/relationships/items'],
    ['favorite_playlists', 'playlist', '/userCollectionPlaylists/me/relationships/items'],
  ] as const)('lists favorite %s', async (kind, field, path) => {
    const collection = kind === 'favorite_playlists' ? 'playlists' : kind;
    const result = await h.tool('get_library', { kind });
    expect(result.isError, result.text).toBe(false);
    expect(ids(result)).toEqual(fake.collections.ids(listener, collection));
    for (const item of result.structured.items) {
      expect(item[field].id).toBe(item.id);
      expect(item.addedAt).toMatch(/^2026-01-0\dT/);
    }
    expect(fake.apiRequests().map((r) => r.path)).toEqual([path]);
  });

  it('lists the user’s own playlists, most recently changed first', async () => {
    const created = fake.userPlaylists.create(listener, { name: 'Fresh one' });
    const result = await h.tool('get_library', { kind: 'playlists' });
    expect(ids(result)[0]).toBe(created.id);
    expect(ids(result).sort()).toEqual(
      fake.userPlaylists
        .ownedBy(listener)
        .map((p) => p.id)
        .sort(),
    );
    expect(fake.apiRequests()[0]!.query).toMatchObject({
      'filter[owners.id]': ['me'],
      sort: ['-lastModifiedAt'],
    });
  });

  it('lists the mixes of all three families, readable with get_playlist', async () => {
    const result = await h.tool('get_library', { kind: 'mixes' });
    expect(result.structured.items.map((i: { id: string; mix: string }) => [i.id, i.mix])).toEqual([
      [LISTENER_MIXES.daily[0], 'daily'],
      [LISTENER_MIXES.daily[1], 'daily'],
      [LISTENER_MIXES.discovery[0], 'discovery'],
      [LISTENER_MIXES.newRelease[0], 'new_release'],
    ]);
    expect(result.structured.items[0].playlist).toMatchObject({ name: 'My Mix 1', type: 'MIX' });
    expect(fake.apiRequests().map((r) => r.path)).toEqual([
      '/userDailyMixes/me/relationships/items',
      '/userDiscoveryMixes/me/relationships/items',
      '/userNewReleaseMixes/me/relationships/items',
    ]);
    expect(result.text).toContain('My Mix 1 · 12 items · mix · id ');
  });

  it('pages the mixes across families with a cursor', async () => {
    const first = await h.tool('get_library', { kind: 'mixes', limit: 3 });
    expect(ids(first)).toEqual([...LISTENER_MIXES.daily, LISTENER_MIXES.discovery[0]]);
    const second = await h.tool('get_library', {
      kind: 'mixes',
      cursor: first.structured.nextCursor,
    });
    expect(ids(second)).toEqual([LISTENER_MIXES.newRelease[0]]);
    expect(second.structured.nextCursor).toBeUndefined();
  });

  it('refuses a cursor of another kind', async () => {
    const first = await h.tool('get_library', { kind: 'tracks', limit: 1 });
    const result = await h.tool('get_library', {
      kind: 'albums',
      cursor: first.structured.nextCursor,
    });
    expect(result.isError).toBe(true);
    expect(result.text).toContain('cursor: continues kind tracks, not albums');
  });
});

describe('get_library without the scopes it needs', () => {
  let fake: FakeTidal;
  beforeAll(async () => {
    fake = await startFakeTidal();
  });
  afterAll(() => fake.close());

  it.each([
    ['tracks', 'collection.read'],
    ['mixes', 'recommendations.read'],
  ])('kind %s names the missing scope %s and how to log in again', async (kind, scope) => {
    const old = ['user.read', 'playlists.read', 'playlists.write', 'search.read'];
    const session = new FakeLoginSession(fake.issueUserToken({ scopes: old }), DEFAULT_USER, old);
    const h = await startInProcess(fake, { session });
    try {
      fake.clearRequests();
      const result = await h.tool('get_library', { kind });
      expect(result.isError).toBe(true);
      expect(result.text).toBe(
        `Your TIDAL login was not granted the ${scope} scope. Log in with the account tool (action "login") or run \`tidal-mcp login\` in a terminal, then try again; if TIDAL still leaves it out, enable ${scope} for your app in the TIDAL developer dashboard.`,
      );
      expect(fake.apiRequests()).toHaveLength(0);
    } finally {
      await h.close();
    }
  });

  it('says how to log in when nobody is', async () => {
    const nobody: UserSession = {
      access: () => Promise.reject(new LoginRequiredError('Not logged in to TIDAL')),
    };
    const h = await startInProcess(fake, { session: nobody });
    try {
      const result = await h.tool('get_library', { kind: 'albums' });
      expect(result.text).toContain('Not logged in to TIDAL. Log in with the account tool');
    } finally {
      await h.close();
    }
  });
});
