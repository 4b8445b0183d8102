/**
 * manage_playlist at the edges of real TIDAL (issue 10), through a real MCP client against the
 * fake: mixes are never written, video ids are told apart from track ids, a write whose answer
 * was lost says it may have been applied, links and bare values are accepted, and a 500-track
 * preview stays small.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import {
  DEFAULT_USER,
  type FakeTidal,
  FIXTURES,
  getCatalog,
  startFakeTidal,
} from '../fake-tidal/index.js';
import {
  FakeLoginSession,
  type PlaylistHarness,
  startPlaylistHarness,
} from '../helpers/in-process.js';

const catalog = getCatalog();
const tracks = catalog.tracks
  .filter((t) => catalog.isAvailable(t, DEFAULT_USER.country))
  .map((t) => t.id);

describe('manage_playlist at the edges', () => {
  let fake: FakeTidal;
  let h: PlaylistHarness;
  const writes = () => fake.apiRequests().filter((r) => r.method !== 'GET');
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

  it('never writes to a MIX playlist the user owns: an input error naming the type', async () => {
    const mix = fake.userPlaylists.createMix(
      DEFAULT_USER.id,
      'My Daily Discovery',
      tracks.slice(0, 3),
    );
    fake.clearRequests();
    for (const args of [
      { action: 'add_tracks', trackIds: [tracks[5]] },
      { action: 'remove_tracks', trackIds: [tracks[0]], confirm: true },
      { action: 'update', name: 'Renamed' },
      { action: 'delete', confirm: true },
    ]) {
      const result = await h.call({ ...args, playlistId: mix.id });
      expect(result.isError).toBe(true);
      expect(result.text).toBe(
        'Invalid arguments for manage_playlist: playlistId: playlist "My Daily Discovery" is a MIX playlist, which TIDAL does not let you change; only your own USER playlists can be (create one with manage_playlist create and add the tracks there)',
      );
    }
    expect(writes()).toHaveLength(0);
    expect(fake.userPlaylists.get(mix.id)!.items.map((i) => i.id)).toEqual(tracks.slice(0, 3));
  });

  it('says when an id TIDAL skipped is a video id, and refuses a video link as a track', async () => {
    const id = await create('Videos are not tracks');
    fake.clearRequests();
    const result = await h.call({
      action: 'add_tracks',
      playlistId: id,
      trackIds: [tracks[0], FIXTURES.video, '999999999'],
    });
    expect(result.isError, result.text).toBe(false);
    expect(result.structured.results).toEqual([
      { trackId: tracks[0], status: 'added' },
      {
        trackId: FIXTURES.video,
        status: 'failed',
        reason: 'is a video id, not a track id: add_tracks adds tracks only',
      },
      {
        trackId: '999999999',
        status: 'failed',
        reason: 'TIDAL did not add it (NOT_FOUND: unknown id or not available)',
      },
    ]);
    const lookup = fake.apiRequests().at(-1)!;
    expect([lookup.path, lookup.query['filter[id]']]).toEqual([
      '/videos',
      [FIXTURES.video, '999999999'],
    ]);
    const link = await h.call({
      action: 'add_tracks',
      playlistId: id,
      trackIds: `https://tidal.com/browse/video/${FIXTURES.video}`,
    });
    expect(link.isError).toBe(true);
    expect(link.text).toBe(
      'Input validation error: Invalid arguments for tool manage_playlist: trackIds.0: is a link to a video, not to a track',
    );
  });

  it('takes a playlist link, a bare track id and numbers', async () => {
    const id = await create('Lenient');
    const result = await h.call({
      action: 'add_tracks',
      playlistId: `https://tidal.com/browse/playlist/${id}`,
      trackIds: Number(tracks[7]),
    });
    expect(result.isError, result.text).toBe(false);
    expect(fake.userPlaylists.get(id)!.items.map((i) => i.id)).toEqual([tracks[7]]);
  });

  it('a create whose answer was lost may have been applied: never "try again"', async () => {
    fake.inject({
      kind: 'status',
      status: 503,
      method: 'POST',
      path: '/playlists',
      afterApply: true,
      count: 4,
    });
    const before = fake.userPlaylists.ownedBy(DEFAULT_USER.id).length;
    const result = await h.call({ action: 'create', name: 'Lost answer' });
    expect(result.isError).toBe(true);
    expect(result.text).toBe(
      'TIDAL did not confirm that playlist "Lost answer" was created (TIDAL had a problem answering a new playlist (HTTP 503): Service temporarily unavailable); it may have been applied: list your playlists before retrying, or you may get it twice.',
    );
    expect(result.text).not.toContain('try again');
    // It was applied once: the retries carried the same Idempotency-Key.
    expect(fake.userPlaylists.ownedBy(DEFAULT_USER.id).length).toBe(before + 1);
  });

  it('an add whose answer was lost, with the playlist unreadable after it, is "unknown"', async () => {
    const id = await create('Unknown outcome');
    const path = `/playlists/${id}/relationships/items`;
    fake.inject({ kind: 'status', status: 503, method: 'POST', path, afterApply: true, count: 4 });
    fake.inject({
      kind: 'status',
      status: 503,
      method: 'GET',
      path: `/playlists/${id}`,
      skip: 1,
      count: 4,
    });
    const result = await h.call({
      action: 'add_tracks',
      playlistId: id,
      trackIds: tracks.slice(10, 12),
    });
    expect(result.isError, result.text).toBe(false);
    expect(result.structured.counts).toEqual({ unknown: 2 });
    expect(result.structured.results[0].reason).toMatch(
      /^the write failed \(.*HTTP 503.*\) and the playlist could not be re-read: it may have been applied: list the playlist before retrying$/,
    );
    expect(result.text).toContain(
      '2 unknown: they may have been applied: list the playlist before retrying',
    );
  });

  it('summarises a 500-track remove preview: counts, the first 50, the rest by id', async () => {
    const ids = tracks.slice(100, 600);
    const id = await create('Five hundred', { trackIds: ids });
    const result = await h.call({ action: 'remove_tracks', playlistId: id, trackIds: ids });
    expect(result.structured).toMatchObject({
      preview: true,
      changed: false,
      counts: { would_remove: 500 },
    });
    expect(result.structured.results).toHaveLength(50);
    expect(result.structured.results.map((r: { trackId: string }) => r.trackId)).toEqual(
      ids.slice(0, 50),
    );
    expect(result.structured.moreResults).toEqual({ would_remove: ids.slice(50) });
    expect(result.text.length).toBeLessThan(25_000);
    expect(JSON.stringify(result.structured).length).toBeLessThan(50_000);
    expect(fake.userPlaylists.get(id)!.items).toHaveLength(500);
  });
});
