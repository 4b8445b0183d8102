/**
 * manage_playlist end to end in process: real MCP client -> server factory -> tool -> TIDAL
 * client -> the fake TIDAL's playlist endpoints. Asserts what the fake holds afterwards, the
 * requests made, and that nothing is written when the call is refused.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { LoginRequiredError, type UserSession } from '../../src/auth/user-session.js';
import {
  DEFAULT_USER,
  type FakeTidal,
  FIXTURES,
  getCatalog,
  OTHER_USERS_PLAYLIST_ID,
  startFakeTidal,
} from '../fake-tidal/index.js';
import {
  FakeLoginSession,
  type PlaylistHarness,
  startPlaylistHarness,
} from '../helpers/in-process.js';

const catalog = getCatalog();
const usTracks = catalog.tracks.filter((t) => catalog.isAvailable(catalog.album(t.albumId)!, 'NO'));
const trackIds = (n: number, from = 0) => usTracks.slice(from, from + n).map((t) => t.id);

describe('manage_playlist', () => {
  let fake: FakeTidal;
  let h: PlaylistHarness;
  const writes = () => fake.apiRequests().filter((r) => r.method !== 'GET');
  const items = (playlistId: string) => fake.userPlaylists.get(playlistId)!.items.map((i) => i.id);
  const create = async (name: string, extra: Record<string, unknown> = {}) => {
    const result = await h.call({ action: 'create', name, ...extra });
    expect(result.isError, result.text).toBe(false);
    return result.structured.playlist.id as string;
  };

  beforeAll(async () => {
    fake = await startFakeTidal();
    h = await startPlaylistHarness(fake, new FakeLoginSession(fake.issueUserToken()));
  });
  afterAll(async () => {
    await h.close();
    await fake.close();
  });
  beforeEach(() => fake.clearRequests());
  afterEach(() => fake.clearFaults());

  it('creates an unlisted playlist by default, listed by get_library', async () => {
    const result = await h.call({
      action: 'create',
      name: 'Road trip',
      description: 'for the drive',
    });
    expect(result.structured).toMatchObject({
      action: 'create',
      changed: true,
      playlist: { name: 'Road trip', description: 'for the drive', accessType: 'UNLISTED' },
    });
    const id = result.structured.playlist.id as string;
    expect(fake.userPlaylists.get(id)).toMatchObject({
      ownerId: DEFAULT_USER.id,
      accessType: 'UNLISTED',
    });
    expect(writes()[0]?.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);

    const listed = await h.tool('get_library', { kind: 'playlists' });
    expect(listed.structured.items.map((p: { id: string }) => p.id)).toContain(id);
    expect(fake.apiRequests().at(-1)?.query).toMatchObject({
      'filter[owners.id]': ['me'],
      countryCode: [DEFAULT_USER.country],
    });
  });

  it('creates a public playlist when asked', async () => {
    const id = await create('Out loud', { visibility: 'public' });
    expect(fake.userPlaylists.get(id)?.accessType).toBe('PUBLIC');
  });

  it('adds 100 tracks with one read and two POSTs of 50, with progress', async () => {
    const id = await create('Hundred');
    fake.clearRequests();
    const progress: number[] = [];
    h.client.setNotificationHandler?.(
      'notifications/progress' as never,
      ((n: { params: { progress: number } }) => {
        progress.push(n.params.progress);
      }) as never,
    );
    const ids = trackIds(100);
    const result = await h.call(
      { action: 'add_tracks', playlistId: id, trackIds: ids },
      { progressToken: 'p-1' },
    );
    expect(result.isError, result.text).toBe(false);
    expect(result.structured.counts).toEqual({ added: 100 });
    expect(items(id)).toEqual(ids);
    const requests = fake.apiRequests();
    expect(requests.map((r) => r.method)).toEqual(['GET', 'POST', 'POST']);
    const keys = requests
      .filter((r) => r.method === 'POST')
      .map((r) => r.headers['idempotency-key']);
    expect(new Set(keys).size).toBe(2);
    expect(progress).toEqual([1, 2]);
  });

  it('skips tracks already in the playlist or listed twice, unless duplicates are allowed', async () => {
    const id = await create('Dupes', { trackIds: trackIds(3) });
    const [a, b, c] = trackIds(3);
    const d = trackIds(1, 3)[0]!;
    const result = await h.call({ action: 'add_tracks', playlistId: id, trackIds: [a, d, d] });
    expect(result.structured.results).toEqual([
      { trackId: a, status: 'skipped', reason: 'already in the playlist' },
      { trackId: d, status: 'added' },
      { trackId: d, status: 'skipped', reason: 'listed more than once in this request' },
    ]);
    expect(items(id)).toEqual([a, b, c, d]);
    const again = await h.call({
      action: 'add_tracks',
      playlistId: id,
      trackIds: [a],
      allowDuplicates: true,
    });
    expect(again.structured.counts).toEqual({ added: 1 });
    expect(items(id)).toEqual([a, b, c, d, a]);
  });

  it('decides on what the playlist holds now, not on a read cached before another app changed it', async () => {
    const [a, c] = trackIds(2, 40);
    const id = await create('Changed elsewhere', { trackIds: [a] });
    // A read that would be cached: the preview of a removal writes nothing.
    const preview = await h.call({ action: 'remove_tracks', playlistId: id, trackIds: [a] });
    expect(preview.structured.changed).toBe(false);
    // Another TIDAL app adds c in the meantime.
    fake.userPlaylists.add(fake.userPlaylists.get(id)!, [{ type: 'tracks', id: c! }]);
    fake.clearRequests();
    const result = await h.call({ action: 'add_tracks', playlistId: id, trackIds: [c] });
    expect(result.structured.results).toEqual([
      { trackId: c, status: 'skipped', reason: 'already in the playlist' },
    ]);
    expect(items(id)).toEqual([a, c]);
    expect(writes()).toEqual([]);
  });

  it('inserts before a given track', async () => {
    const [a, b, c] = trackIds(3, 10);
    const id = await create('Insert', { trackIds: [a, b] });
    await h.call({ action: 'add_tracks', playlistId: id, trackIds: [c], beforeTrackId: b });
    expect(items(id)).toEqual([a, c, b]);
  });

  it('resolves ISRCs in batches and reports the unresolved ones', async () => {
    const id = await create('By ISRC');
    const known = usTracks.slice(20, 45).map((t) => t.isrc);
    const unknown = 'ZZZZZ0000001';
    fake.clearRequests();
    const result = await h.call({
      action: 'add_tracks',
      playlistId: id,
      isrcs: [...known, unknown],
    });
    expect(result.isError, result.text).toBe(false);
    expect(result.structured.counts).toEqual({ added: 25, failed: 1 });
    expect(result.structured.results.at(-1)).toEqual({
      isrc: unknown,
      status: 'failed',
      reason: `no TIDAL track with this ISRC in ${DEFAULT_USER.country}`,
    });
    expect(fake.apiRequests().filter((r) => r.path === '/tracks')).toHaveLength(2);
    expect(fake.apiRequests().find((r) => r.path === '/tracks')?.query.countryCode).toEqual([
      DEFAULT_USER.country,
    ]);
  });

  it('reports track ids TIDAL does not know as failed', async () => {
    const id = await create('Unknown ids');
    const result = await h.call({
      action: 'add_tracks',
      playlistId: id,
      trackIds: ['999999999', trackIds(1)[0]!],
    });
    expect(result.structured.results[0]).toMatchObject({ trackId: '999999999', status: 'failed' });
    expect(result.structured.counts).toEqual({ added: 1, failed: 1 });
  });

  it('says exactly which tracks went in when a later batch fails', async () => {
    const id = await create('Partial');
    fake.inject({
      kind: 'status',
      status: 503,
      method: 'POST',
      path: /relationships\/items$/,
      skip: 1,
      count: 4,
    });
    const ids = trackIds(120, 200);
    const result = await h.call({ action: 'add_tracks', playlistId: id, trackIds: ids });
    expect(result.isError).toBe(false);
    expect(items(id)).toEqual(ids.slice(0, 50));
    // 120 results are bounded: the 50 listed are the first that need attention (failed), the
    // rest are counted and named by id.
    expect(result.structured.counts).toEqual({ added: 50, failed: 70 });
    const listed = result.structured.results as {
      trackId: string;
      status: string;
      reason: string;
    }[];
    expect(listed.map((r) => r.trackId)).toEqual(ids.slice(50, 100));
    expect(listed.every((r) => r.status === 'failed')).toBe(true);
    expect(listed[0]?.reason).toContain('TIDAL had a problem answering playlist');
    expect(new Set(listed.map((r) => r.reason)).size).toBe(1); // all of the failed batch
    expect(result.structured.moreResults).toEqual({
      added: ids.slice(0, 50),
      failed: ids.slice(100),
    });
    expect(result.text).toContain('Added 50 of 120 tracks');
    expect(result.text).toContain(
      `The first 50 of 120 results are listed; the others by status: added (50): ${ids.slice(0, 50).join(', ')}; failed (20): ${ids.slice(100).join(', ')}.`,
    );
  });

  it('never adds twice when a write response is lost and retried (Idempotency-Key replay)', async () => {
    const id = await create('Replay');
    const replays = fake.idempotentReplays();
    fake.inject({
      kind: 'status',
      status: 503,
      method: 'POST',
      path: /relationships\/items$/,
      afterApply: true,
    });
    const ids = trackIds(5, 400);
    const result = await h.call({ action: 'add_tracks', playlistId: id, trackIds: ids });
    expect(result.structured.counts).toEqual({ added: 5 });
    expect(items(id)).toEqual(ids);
    expect(fake.idempotentReplays()).toBe(replays + 1);
  });

  it('previews remove_tracks without confirm, then removes every occurrence', async () => {
    const [a, b, c] = trackIds(3, 30);
    const id = await create('Prune', { trackIds: [a, b, c] });
    await h.call({ action: 'add_tracks', playlistId: id, trackIds: [a], allowDuplicates: true });
    fake.clearRequests();
    const preview = await h.call({
      action: 'remove_tracks',
      playlistId: id,
      trackIds: [a, '424242'],
    });
    expect(preview.structured).toMatchObject({ changed: false, preview: true });
    expect(preview.structured.results).toEqual([
      expect.objectContaining({ trackId: a, status: 'would_remove', entries: 2 }),
      { trackId: '424242', status: 'not_in_playlist' },
    ]);
    expect(preview.text).toContain('Nothing removed yet');
    expect(writes()).toHaveLength(0);
    expect(items(id)).toEqual([a, b, c, a]);

    const done = await h.call({
      action: 'remove_tracks',
      playlistId: id,
      trackIds: [a, '424242'],
      confirm: true,
    });
    expect(done.structured.changed).toBe(true);
    expect(done.structured.results[0]).toMatchObject({ trackId: a, status: 'removed', entries: 2 });
    expect(items(id)).toEqual([b, c]);
  });

  it('reorders tracks before another track and to the end, in PATCH batches of 20', async () => {
    const ids = trackIds(30, 60);
    const id = await create('Order', { trackIds: ids });
    const moved = ids.slice(5, 27).reverse();
    fake.clearRequests();
    const result = await h.call({
      action: 'reorder',
      playlistId: id,
      trackIds: moved,
      beforeTrackId: ids[0],
    });
    expect(result.isError, result.text).toBe(false);
    expect(items(id)).toEqual([...moved, ...ids.filter((t) => !moved.includes(t))]);
    expect(writes().map((w) => w.method)).toEqual(['PATCH', 'PATCH']);

    await h.call({ action: 'reorder', playlistId: id, trackIds: [moved[0]!] });
    expect(items(id).at(-1)).toBe(moved[0]);
  });

  it('updates name, description and visibility', async () => {
    const id = await create('Old name');
    const result = await h.call({
      action: 'update',
      playlistId: id,
      name: 'New name',
      description: 'now described',
      visibility: 'public',
    });
    expect(result.structured.playlist).toMatchObject({
      name: 'New name',
      description: 'now described',
      accessType: 'PUBLIC',
    });
    expect(fake.userPlaylists.get(id)).toMatchObject({
      name: 'New name',
      description: 'now described',
      accessType: 'PUBLIC',
    });
  });

  it('invalidates cached playlist reads after a write but keeps catalog reads cached', async () => {
    const id = await create('Fresh');
    await h.tool('get_playlist', { playlistId: id });
    await h.app.deps.catalog.albums.get(FIXTURES.cleanAlbum, { country: 'US' });
    await h.call({ action: 'add_tracks', playlistId: id, trackIds: trackIds(1, 150) });
    fake.clearRequests();
    const after = await h.tool('get_playlist', { playlistId: id });
    expect(after.structured.items).toHaveLength(1);
    await h.app.deps.catalog.albums.get(FIXTURES.cleanAlbum, { country: 'US' });
    expect(fake.apiRequests().map((r) => r.path)).toEqual(['/playlists/' + id]);
  });

  it('previews delete without confirm, then deletes', async () => {
    const id = await create('Doomed', { trackIds: trackIds(2) });
    const preview = await h.call({ action: 'delete', playlistId: id });
    expect(preview.structured).toMatchObject({ changed: false, preview: true });
    expect(preview.text).toContain(
      'Nothing deleted yet. This would permanently delete playlist "Doomed" with 2 items',
    );
    expect(fake.userPlaylists.get(id)).toBeDefined();
    const done = await h.call({ action: 'delete', playlistId: id, confirm: true });
    expect(done.structured.changed).toBe(true);
    expect(fake.userPlaylists.get(id)).toBeUndefined();
  });

  describe('refusals change nothing', () => {
    it.each([
      [{ action: 'add_tracks', trackIds: ['1'] }, 'playlistId: is required for action add_tracks'],
      [{ action: 'shuffle' }, 'action: Invalid option: expected one of "create"'],
      [{ action: 'list' }, 'action: Invalid option: expected one of "create"'],
      [{ action: 'create', name: 'x'.repeat(201) }, 'name: expected at most 200 characters'],
      [{ action: 'create' }, 'name: is required for action create'],
      [
        { action: 'add_tracks', playlistId: 'p', trackIds: [] },
        'trackIds: expected at least one track id',
      ],
      [
        {
          action: 'add_tracks',
          playlistId: 'p',
          trackIds: Array.from({ length: 5000 }, (_, i) => String(i)),
        },
        'trackIds: expected at most 500 track ids per call',
      ],
      [
        { action: 'add_tracks', playlistId: 'p', isrcs: ['USRC17607839', 'XX'] },
        'isrcs[1]: "XX" is not an ISRC',
      ],
      [
        { action: 'add_tracks', playlistId: 'p' },
        'trackIds: add_tracks needs trackIds, isrcs and/or albumIds',
      ],
      [{ action: 'delete', playlistId: 'p', name: 'x' }, 'name: is not used by action delete'],
      [
        { action: 'update', playlistId: 'p' },
        'name: update needs at least one of name, description or visibility',
      ],
      [{ action: 'delete', playlistId: '../users/me' }, 'playlistId: expected a TIDAL id'],
      [
        { action: 'reorder', playlistId: 'p', trackIds: ['1'], beforeTrackId: '1' },
        'beforeTrackId: must not be one of the tracks being moved',
      ],
    ])('%j', async (args, message) => {
      const result = await h.call(args);
      expect(result.isError).toBe(true);
      expect(result.text).toContain(message);
      expect(writes()).toHaveLength(0);
    });

    it("refuses someone else's playlist", async () => {
      const result = await h.call({
        action: 'add_tracks',
        playlistId: OTHER_USERS_PLAYLIST_ID,
        trackIds: trackIds(1),
      });
      expect(result.isError).toBe(true);
      expect(result.text).toBe(
        `Invalid arguments for manage_playlist: playlistId: playlist "Someone else's mix" (${OTHER_USERS_PLAYLIST_ID}) belongs to another TIDAL user; only your own playlists can be changed`,
      );
      // Ownership comes from the playlist's owners relationship: one read, no combined filters.
      expect(fake.apiRequests().map((r) => [r.method, r.path, r.query.include])).toEqual([
        [
          'GET',
          `/playlists/${OTHER_USERS_PLAYLIST_ID}`,
          ['items,items.artists,items.albums,owners'],
        ],
      ]);
      expect(writes()).toHaveLength(0);
      expect(fake.userPlaylists.get(OTHER_USERS_PLAYLIST_ID)?.items).toEqual([]);
    });

    it('says a missing playlist was not found', async () => {
      const result = await h.call({
        action: 'delete',
        playlistId: '00000000-0000-4000-8000-00000000dead',
        confirm: true,
      });
      expect(result.isError).toBe(true);
      expect(result.text).toBe(
        'playlist 00000000-0000-4000-8000-00000000dead was not found on TIDAL: Resource not found. Check the playlist id.',
      );
    });
  });
});

describe('manage_playlist without a usable login', () => {
  let fake: FakeTidal;
  beforeAll(async () => {
    fake = await startFakeTidal();
  });
  afterAll(() => fake.close());

  it('says how to log in when nobody is logged in, and catalog tools keep working', async () => {
    const session: UserSession = {
      access: () => Promise.reject(new LoginRequiredError('Not logged in to TIDAL')),
    };
    const h = await startPlaylistHarness(fake, session);
    try {
      const result = await h.call({ action: 'create', name: 'Nope' });
      expect(result.isError).toBe(true);
      expect(result.text).toBe(
        'Not logged in to TIDAL. Log in with the account tool (action "login") or run `tidal-mcp login` in a terminal, then try again.',
      );
      const album = await h.client.callTool({
        name: 'get_album',
        arguments: { albumId: FIXTURES.cleanAlbum },
      });
      expect(album.isError).not.toBe(true);
    } finally {
      await h.close();
    }
  });

  it('refuses writes when the login lacks playlists.write, without calling TIDAL', async () => {
    const session = new FakeLoginSession(
      fake.issueUserToken({ scopes: ['user.read', 'playlists.read'] }),
      DEFAULT_USER,
      ['user.read', 'playlists.read'],
    );
    const h = await startPlaylistHarness(fake, session);
    try {
      fake.clearRequests();
      const result = await h.call({ action: 'create', name: 'Nope' });
      expect(result.isError).toBe(true);
      expect(result.text).toBe(
        'Your TIDAL login was not granted the playlists.write scope. Log in with the account tool (action "login") or run `tidal-mcp login` in a terminal, then try again; if TIDAL still leaves it out, enable playlists.write for your app in the TIDAL developer dashboard.',
      );
      expect(fake.apiRequests()).toHaveLength(0);
    } finally {
      await h.close();
    }
  });
});
