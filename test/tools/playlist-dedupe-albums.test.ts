/**
 * manage_playlist dedupe and albumIds end to end in process (real MCP client, the fake TIDAL's
 * playlist and catalog endpoints). Dedupe by recording is seeded with the traps real catalogs
 * have: a song on its album, its single and a compilation (shared ISRCs), remasters of the same
 * recording under different ISRCs, clean/explicit twins, and different recordings of one song
 * (acoustic, live) that must stay.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { evalTrackId as id } from '../fake-tidal/eval/ids.js';
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
const available = catalog.tracks.filter((t) => catalog.isAvailable(t, DEFAULT_USER.country));
const trackIds = (n: number, from = 0) => available.slice(from, from + n).map((t) => t.id);
/** The explicit original, its clean twin and a compilation: one ISRC, three track ids. */
const twins = catalog.tracksByIsrc(FIXTURES.multiTrackIsrc, DEFAULT_USER.country).map((t) => t.id);
/** An album's tracks in album order (the fake keeps its videos apart). */
const albumTrackIds = (albumId: string) => catalog.albumTracks(albumId).map((t) => t.id);

type Result = { trackId: string; position: number; status: string; reason: string };

describe('manage_playlist dedupe and albumIds', () => {
  let fake: FakeTidal;
  let h: PlaylistHarness;
  const writes = () => fake.apiRequests().filter((r) => r.method !== 'GET');
  const items = (playlistId: string) => fake.userPlaylists.get(playlistId)!.items.map((i) => i.id);
  const mine = () => fake.userPlaylists.ownedBy(DEFAULT_USER.id).length;
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

  it('dedupes by track: previews the later copies, then removes them and keeps the first', async () => {
    const [a, b, c] = trackIds(3, 40);
    const playlistId = await create('Twice', { trackIds: [a, b, c] });
    await h.call({
      action: 'add_tracks',
      playlistId,
      trackIds: [a, b, a],
      allowDuplicates: true,
    });
    expect(items(playlistId)).toEqual([a, b, c, a, b, a]);
    fake.clearRequests();

    const preview = await h.call({ action: 'dedupe', playlistId });
    expect(preview.isError, preview.text).toBe(false);
    expect(writes()).toEqual([]);
    expect(preview.structured).toMatchObject({ action: 'dedupe', changed: false, preview: true });
    expect(
      (preview.structured.results as Result[]).map((r) => [
        r.position,
        r.trackId,
        r.status,
        r.reason,
      ]),
    ).toEqual([
      [4, a, 'would_remove', 'same track as position 1'],
      [5, b, 'would_remove', 'same track as position 2'],
      [6, a, 'would_remove', 'same track as position 1'],
    ]);
    expect(preview.text.split('\n')[0]).toBe(
      'Nothing removed yet. This would remove 3 duplicate entries (by track) from "Twice", keeping each first occurrence. Confirm with the user, then call again with confirm: true.',
    );

    const done = await h.call({ action: 'dedupe', playlistId, by: 'track', confirm: true });
    expect(done.isError, done.text).toBe(false);
    expect(items(playlistId)).toEqual([a, b, c]);
    expect(writes().map((w) => w.method)).toEqual(['DELETE']);
    expect(writes()[0]?.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(done.structured.counts).toEqual({ removed: 3 });
    expect(done.structured.playlist.numberOfItems).toBe(3);
    expect(done.text).toContain(
      'Removed 3 of 3 duplicate entries from "Twice", keeping each first occurrence.',
    );
  });

  it('dedupes by recording: the same song on a single, its album, a compilation and a remaster', async () => {
    const seeded = [
      id('shape-of-you'),
      id('bohemian'),
      id('shape-single'), // same ISRC as shape-of-you
      id('come-together'),
      id('three-little-birds'),
      id('come-together-1'), // another remaster: other ISRC, same song, artist and length
      id('shape-acoustic'), // another recording: stays
      id('bohemian-wembley'), // live: stays
      id('three-birds-legend'), // the compilation Legend: same ISRC
      ...twins, // explicit, clean twin, compilation: one ISRC
    ];
    const playlistId = await create('Recordings', { trackIds: seeded });
    expect(items(playlistId)).toEqual(seeded);
    fake.clearRequests();

    const byTrack = await h.call({ action: 'dedupe', playlistId, confirm: true });
    expect(byTrack.structured).toMatchObject({ changed: false });
    expect(byTrack.text.split('\n')[0]).toBe(
      'No duplicates (by track) in "Recordings"; nothing to remove.',
    );
    expect(writes()).toEqual([]);

    const preview = await h.call({ action: 'dedupe', playlistId, by: 'recording' });
    expect(writes()).toEqual([]);
    const planned = preview.structured.results as Result[];
    expect(planned.map((r) => [r.position, r.trackId])).toEqual([
      [3, id('shape-single')],
      [6, id('come-together-1')],
      [9, id('three-birds-legend')],
      [11, twins[1]],
      [12, twins[2]],
    ]);
    expect(planned[0]?.reason).toBe(
      'same ISRC as position 1 (on "÷ (Deluxe)"); this copy is on "Shape of You"',
    );
    expect(planned[1]?.reason).toBe(
      'same song, artists and duration as position 4 (on "Abbey Road (Remastered)"); this copy is on "1 (Remastered)"',
    );

    const done = await h.call({ action: 'dedupe', playlistId, by: 'recording', confirm: true });
    expect(done.isError, done.text).toBe(false);
    expect(items(playlistId)).toEqual([
      id('shape-of-you'),
      id('bohemian'),
      id('come-together'),
      id('three-little-birds'),
      id('shape-acoustic'),
      id('bohemian-wembley'),
      twins[0],
    ]);
    expect(done.structured.counts).toEqual({ removed: 5 });
  });

  it('removes once when the DELETE answer is lost and the retry is replayed', async () => {
    const [a, b] = trackIds(2, 70);
    const playlistId = await create('Lost answer', { trackIds: [a, b] });
    await h.call({ action: 'add_tracks', playlistId, trackIds: [b, a], allowDuplicates: true });
    const replays = fake.idempotentReplays();
    fake.inject({
      kind: 'status',
      status: 503,
      method: 'DELETE',
      path: /relationships\/items$/,
      afterApply: true,
    });
    const done = await h.call({ action: 'dedupe', playlistId, confirm: true });
    expect(done.structured.counts).toEqual({ removed: 2 });
    expect(items(playlistId)).toEqual([a, b]);
    expect(fake.idempotentReplays()).toBe(replays + 1);
  });

  it('says exactly which duplicates went when the removal fails, without guessing', async () => {
    const [a] = trackIds(1, 60);
    const playlistId = await create('Stubborn', { trackIds: [a] });
    await h.call({ action: 'add_tracks', playlistId, trackIds: [a], allowDuplicates: true });
    fake.inject({ kind: 'status', status: 403, method: 'DELETE', path: /relationships\/items$/ });
    const done = await h.call({ action: 'dedupe', playlistId, confirm: true });
    expect(done.isError, done.text).toBe(false);
    expect(done.structured.changed).toBe(false);
    expect(done.structured.results[0]).toMatchObject({ position: 2, status: 'failed' });
    expect(items(playlistId)).toEqual([a, a]);
  });

  it('adds several albums in album order: one request for their first pages, videos left out', async () => {
    const playlistId = await create('Albums');
    fake.clearRequests();
    const albums = [FIXTURES.albumWithManyTracks, FIXTURES.albumWithVideos];
    const result = await h.call({ action: 'add_tracks', playlistId, albumIds: albums });
    expect(result.isError, result.text).toBe(false);
    const expected = [...albumTrackIds(albums[0]!), ...albumTrackIds(albums[1]!)];
    expect(expected).toHaveLength(27 + 12);
    expect(items(playlistId)).toEqual(expected);
    const requests = fake.apiRequests().map((r) => `${r.method} ${r.path}`);
    expect(requests).toEqual([
      `GET /playlists/${playlistId}`,
      'GET /albums',
      `GET /albums/${albums[0]}/relationships/items`,
      `POST /playlists/${playlistId}/relationships/items`,
    ]);
    expect(fake.apiRequests()[1]?.query).toMatchObject({
      'filter[id]': albums,
      include: ['items'],
      countryCode: [DEFAULT_USER.country],
    });
    expect(result.structured.counts).toEqual({ added: 39 });
    expect(result.text).toContain(
      `Added 39 of 39 tracks to "Albums"; 2 videos on album "${catalog.album(albums[1]!)!.title}" left out (only tracks are added).`,
    );
  });

  it('creates a playlist from one album with the request get_album makes', async () => {
    const album = FIXTURES.cleanAlbum;
    fake.clearRequests();
    const result = await h.call({ action: 'create', name: 'One album', albumIds: album });
    expect(result.isError, result.text).toBe(false);
    const playlistId = result.structured.playlist.id as string;
    expect(items(playlistId)).toEqual(albumTrackIds(album));
    expect(fake.apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /albums/${album}`,
      'POST /playlists',
      `POST /playlists/${playlistId}/relationships/items`,
    ]);
    expect(fake.apiRequests()[0]?.query.include).toEqual(['artists,coverArt,items,items.artists']);
  });

  it('says which items of an album the user cannot play', async () => {
    const se = await startPlaylistHarness(
      fake,
      new FakeLoginSession(fake.issueUserToken(), { ...DEFAULT_USER, country: 'SE' }),
    );
    try {
      const playlistId = (await se.call({ action: 'create', name: 'Gaps' })).structured.playlist
        .id as string;
      const album = FIXTURES.albumWithGapsInSe;
      const result = await se.call({ action: 'add_tracks', playlistId, albumIds: [album] });
      expect(result.isError, result.text).toBe(false);
      expect(result.structured.counts).toEqual({ added: 8 });
      expect(result.text).toContain(
        `2 items of album "${catalog.album(album)!.title}" not available in your country`,
      );
    } finally {
      await se.close();
    }
  });

  describe('refusals change nothing', () => {
    it.each([
      [
        'an unknown album, before the playlist is created',
        { action: 'create', name: 'Never', albumIds: [FIXTURES.cleanAlbum, '999999999'] },
        `albumIds[1]: album 999999999 was not found on TIDAL in ${DEFAULT_USER.country}`,
      ],
      [
        'a malformed ISRC, before the playlist is created',
        { action: 'create', name: 'Never', isrcs: ['XX'] },
        'isrcs[0]: "XX" is not an ISRC',
      ],
      [
        'more tracks than one call may add',
        {
          action: 'create',
          name: 'Never',
          trackIds: trackIds(480),
          albumIds: [FIXTURES.albumWithManyTracks],
        },
        'albumIds: these albums hold 27 items, more than the 20 tracks this call may add',
      ],
      [
        '11 albums',
        {
          action: 'create',
          name: 'Never',
          albumIds: Array.from({ length: 11 }, (_, i) => String(i + 1)),
        },
        'albumIds: expected at most 10 album ids per call',
      ],
      [
        'a track link as an album',
        { action: 'create', name: 'Never', albumIds: ['https://tidal.com/browse/track/1'] },
        'is a link to a track, not to an album',
      ],
      [
        'albumIds on reorder',
        { action: 'reorder', playlistId: 'p', trackIds: ['1'], albumIds: ['1'] },
        'albumIds: is not used by action reorder',
      ],
      [
        'an unknown dedupe rule',
        { action: 'dedupe', playlistId: 'p', by: 'album' },
        'by: Invalid option: expected one of "track"|"recording"',
      ],
      [
        'text on dedupe',
        { action: 'dedupe', playlistId: 'p', text: 'Adele - Hello' },
        'text: is not used by action dedupe (it takes playlistId, by, confirm)',
      ],
      [
        'by on remove_tracks',
        { action: 'remove_tracks', playlistId: 'p', trackIds: ['1'], by: 'track' },
        'by: is not used by action remove_tracks',
      ],
      [
        'dedupe without a playlist',
        { action: 'dedupe' },
        'playlistId: is required for action dedupe',
      ],
    ])('%s', async (_label, args, message) => {
      const before = mine();
      const result = await h.call(args);
      expect(result.isError).toBe(true);
      expect(result.text).toContain(message);
      expect(writes()).toEqual([]);
      expect(mine()).toBe(before);
    });
  });
});
