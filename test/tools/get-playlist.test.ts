/**
 * get_playlist in process: any playlist the caller can see, with the app's client-credentials
 * token when nobody is logged in and the user's token when someone is; positions across pages,
 * owner and editability, one request per TIDAL page.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { LoginRequiredError, type UserSession } from '../../src/auth/user-session.js';
import {
  ALL_USER_SCOPES,
  DEFAULT_USER,
  type FakeTidal,
  FIXTURES,
  LISTENER_MIXES,
  LISTENER_PRIVATE_PLAYLIST_ID,
  OTHER_USERS_PLAYLIST_ID,
  OTHER_USERS_PRIVATE_PLAYLIST_ID,
  startFakeTidal,
} from '../fake-tidal/index.js';
import { FakeLoginSession, type InProcessServer, startInProcess } from '../helpers/in-process.js';

const NOBODY: UserSession = {
  access: () => Promise.reject(new LoginRequiredError('Not logged in to TIDAL')),
};

describe('get_playlist', () => {
  let fake: FakeTidal;
  let anon: InProcessServer;
  let user: InProcessServer;
  const editorial = FIXTURES.playlistWithManyItems;

  beforeAll(async () => {
    fake = await startFakeTidal();
    anon = await startInProcess(fake, { session: NOBODY });
    const scopes = [...ALL_USER_SCOPES];
    const session = new FakeLoginSession(fake.issueUserToken({ scopes }), DEFAULT_USER, scopes);
    user = await startInProcess(fake, { session });
  });
  afterAll(async () => {
    await anon.close();
    await user.close();
    await fake.close();
  });
  beforeEach(() => {
    fake.clearRequests();
    // Request counts are what this suite measures: start every test with a cold cache.
    anon.app.http.cache.invalidate(() => true);
    user.app.http.cache.invalidate(() => true);
  });

  it('reads an editorial playlist without a login: metadata, 50 items in order, in 3 requests', async () => {
    const result = await anon.tool('get_playlist', { playlistId: editorial });
    expect(result.isError, result.text).toBe(false);
    const expected = fake.catalog.playlist(editorial)!;
    expect(result.structured.playlist).toMatchObject({
      id: editorial,
      name: expected.name,
      type: 'EDITORIAL',
      accessType: 'PUBLIC',
      numberOfItems: 45,
      owner: 'TIDAL',
      editable: false,
    });
    expect(result.structured.readWith).toBe('app token');
    const items = result.structured.items as {
      position: number;
      id: string;
      track?: { isrc?: string };
    }[];
    expect(items.map((i) => i.id)).toEqual(expected.items.map((i) => i.id));
    expect(items.map((i) => i.position)).toEqual(expected.items.map((_, i) => i + 1));
    expect(items.filter((i) => i.track?.isrc).length).toBeGreaterThan(40);
    expect(result.structured.nextCursor).toBeUndefined();
    // 45 items at TIDAL's 20 per page: the playlist with its first page, then two more pages.
    expect(fake.apiRequests().map((r) => r.path)).toEqual([
      `/playlists/${editorial}`,
      `/playlists/${editorial}/relationships/items`,
      `/playlists/${editorial}/relationships/items`,
    ]);
    expect(fake.apiRequests()[0]!.headers.authorization).toBe('Bearer <redacted>');
    expect(fake.apiRequests()[0]!.query).toMatchObject({
      include: ['items,items.artists,items.tracks:albums,owners'],
      countryCode: ['US'],
    });
    expect(result.text).toContain('Editorial (by TIDAL): read-only.');
    const firstTrack = fake.catalog.track(expected.items[0]!.id)!;
    expect(result.text).toContain(`\n1. ${firstTrack.title} — `);
  });

  it('pages with limit and cursor, positions continuing, one request for a page of 20', async () => {
    const first = await anon.tool('get_playlist', { playlistId: editorial, limit: 20 });
    expect(fake.apiRequests()).toHaveLength(1);
    expect(first.structured.items.map((i: { position: number }) => i.position)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    fake.clearRequests();
    const second = await anon.tool('get_playlist', {
      cursor: first.structured.nextCursor,
      limit: 15,
    });
    expect(second.structured.playlist).toBeUndefined();
    expect(second.structured.items.map((i: { position: number }) => i.position)).toEqual(
      Array.from({ length: 15 }, (_, i) => i + 21),
    );
    expect(fake.apiRequests()).toHaveLength(1);
    const third = await anon.tool('get_playlist', { cursor: second.structured.nextCursor });
    expect(third.structured.items.map((i: { position: number }) => i.position)).toEqual(
      Array.from({ length: 10 }, (_, i) => i + 36),
    );
    const all = [first, second, third].flatMap((r) =>
      r.structured.items.map((i: { id: string }) => i.id),
    );
    expect(all).toEqual(fake.catalog.playlist(editorial)!.items.map((i) => i.id));
    expect(third.structured.nextCursor).toBeUndefined();
  });

  it('keeps a long page inside the result bounds, continuing exactly where it stopped', async () => {
    const tracks = fake.catalog.tracks.filter((t) => fake.catalog.isAvailable(t, 'NO'));
    const big = fake.userPlaylists.create(DEFAULT_USER.id, { name: 'Hundred' });
    fake.userPlaylists.add(
      big,
      tracks.slice(0, 100).map((t) => ({ type: 'tracks', id: t.id })),
    );
    const first = await user.tool('get_playlist', { playlistId: big.id, limit: 100 });
    const shown = first.structured.items.length as number;
    expect(shown).toBeGreaterThan(50);
    expect(shown).toBeLessThan(100);
    expect(JSON.stringify(first.structured).length).toBeLessThanOrEqual(50_000);
    expect(first.text).not.toContain('shortened');
    expect(first.text).not.toContain('cut to keep this result small');
    // Five pages of 20 were read once; finding where to stop re-read them from the cache.
    expect(fake.apiRequests()).toHaveLength(5);
    const rest = await user.tool('get_playlist', {
      cursor: first.structured.nextCursor,
      limit: 100,
    });
    const all = [...first.structured.items, ...rest.structured.items];
    expect(all.map((i: { id: string }) => i.id)).toEqual(tracks.slice(0, 100).map((t) => t.id));
    expect(all.map((i: { position: number }) => i.position)).toEqual(
      Array.from({ length: 100 }, (_, i) => i + 1),
    );
    expect(rest.structured.nextCursor).toBeUndefined();
  });

  it('accepts a tidal.com link instead of the id', async () => {
    const result = await anon.tool('get_playlist', {
      url: `https://tidal.com/browse/playlist/${editorial}?u`,
      limit: 1,
    });
    expect(result.structured.playlist.id).toBe(editorial);
  });

  it("reads another user's public playlist without a login and names the owner", async () => {
    const result = await anon.tool('get_playlist', { playlistId: OTHER_USERS_PLAYLIST_ID });
    expect(result.structured.playlist).toMatchObject({
      owner: 'another user',
      ownerIds: ['5151'],
      editable: false,
      type: 'USER',
    });
    expect(result.text).toContain('Owned by another TIDAL user: read-only for you.');
  });

  it('cannot see a private playlist without the login, and says what to do', async () => {
    const result = await anon.tool('get_playlist', { playlistId: LISTENER_PRIVATE_PLAYLIST_ID });
    expect(result.isError).toBe(true);
    expect(result.text).toBe(
      `playlist ${LISTENER_PRIVATE_PLAYLIST_ID} was not found on TIDAL: Resource not found. If it is your own private playlist, log in (account tool, action "login") to read it. Check the id or link: get_library lists your playlists and mixes, search_catalog finds public ones.`,
    );
  });

  it("reads the user's own private playlist with their token, in their country", async () => {
    const result = await user.tool('get_playlist', { playlistId: LISTENER_PRIVATE_PLAYLIST_ID });
    expect(result.isError, result.text).toBe(false);
    expect(result.structured).toMatchObject({
      readWith: 'your login',
      country: DEFAULT_USER.country,
      playlist: { accessType: 'PRIVATE', owner: 'you', editable: true },
    });
    expect(result.structured.items).toHaveLength(3);
    expect(fake.apiRequests()[0]!.query.countryCode).toEqual([DEFAULT_USER.country]);
    expect(result.text).toContain('Yours: manage_playlist can change it.');
  });

  it("says a mix is the user's but cannot be changed", async () => {
    const result = await user.tool('get_playlist', { playlistId: LISTENER_MIXES.daily[0] });
    expect(result.structured.playlist).toMatchObject({
      name: 'My Mix 1',
      type: 'MIX',
      owner: 'you',
      editable: false,
    });
    expect(result.text).toContain(
      'Yours, but a mix playlist: TIDAL does not let anyone change it.',
    );
  });

  it('opens a mix by its tidal.com mix link, as playlistId or url', async () => {
    const mix = LISTENER_MIXES.discovery[0];
    for (const args of [
      { playlistId: `https://tidal.com/browse/mix/${mix}` },
      { url: `https://listen.tidal.com/mix/${mix}` },
    ]) {
      const result = await user.tool('get_playlist', { ...args, limit: 1 });
      expect(result.structured.playlist, JSON.stringify(args)).toMatchObject({
        id: mix,
        type: 'MIX',
      });
    }
  });

  it("does not show another user's private playlist even to a logged-in user", async () => {
    const result = await user.tool('get_playlist', { playlistId: OTHER_USERS_PRIVATE_PLAYLIST_ID });
    expect(result.isError).toBe(true);
    expect(result.text).toContain('was not found on TIDAL');
  });

  it('finds out it is yours by listing your playlists when TIDAL withholds the owners', async () => {
    const quiet = await startFakeTidal({ withholdPlaylistOwners: true });
    const scopes = [...ALL_USER_SCOPES];
    const session = new FakeLoginSession(quiet.issueUserToken({ scopes }), DEFAULT_USER, scopes);
    const h = await startInProcess(quiet, { session });
    try {
      const own = await h.tool('get_playlist', { playlistId: LISTENER_PRIVATE_PLAYLIST_ID });
      expect(own.structured.playlist).toMatchObject({ owner: 'you', editable: true });
      expect(own.structured.playlist.ownerIds).toBeUndefined();
      expect(quiet.apiRequests().map((r) => r.path)).toEqual([
        `/playlists/${LISTENER_PRIVATE_PLAYLIST_ID}`,
        '/playlists',
      ]);
      const other = await h.tool('get_playlist', { playlistId: OTHER_USERS_PLAYLIST_ID });
      expect(other.structured.playlist).toMatchObject({ owner: 'unknown', editable: false });
    } finally {
      await h.close();
      await quiet.close();
    }
  });

  it.each([
    [{}, 'playlistId: give playlistId or url'],
    [
      { playlistId: editorial, url: `https://tidal.com/browse/playlist/${editorial}` },
      'url: give either playlistId or url, not both',
    ],
    [{ url: 'https://example.com/playlist/x' }, 'url: expected a TIDAL playlist link'],
    [
      { url: 'https://tidal.com/browse/album/100000001' },
      'url: is a link to an album, not to a playlist or mix',
    ],
    [{ playlistId: '../users/me' }, 'playlistId: expected a TIDAL id'],
    [{ playlistId: editorial, limit: 101 }, 'limit: expected at most 100'],
    [
      { cursor: 'nonsense' },
      'cursor: expected a nextCursor value returned by an earlier get_playlist call',
    ],
  ])('refuses %j', async (args, message) => {
    const result = await anon.tool('get_playlist', args);
    expect(result.isError).toBe(true);
    expect(result.text).toContain(message);
    expect(fake.apiRequests()).toHaveLength(0);
  });

  it("refuses another playlist's cursor", async () => {
    const first = await anon.tool('get_playlist', { playlistId: editorial, limit: 5 });
    const result = await anon.tool('get_playlist', {
      playlistId: OTHER_USERS_PLAYLIST_ID,
      cursor: first.structured.nextCursor,
    });
    expect(result.isError).toBe(true);
    expect(result.text).toContain(`cursor: belongs to playlist ${editorial}`);
  });
});
