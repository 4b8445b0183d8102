/**
 * manage_favorites in process against the fake's collection endpoints: what TIDAL holds
 * afterwards, the requests sent (batches of 50, an Idempotency-Key each, no countryCode), exact
 * per-item results when a batch fails, and nothing written when the call is refused.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { TidalHttp } from '../../src/tidal/http.js';
import { TidalLibrary } from '../../src/tidal/library/index.js';
import {
  ALL_USER_SCOPES,
  DEFAULT_USER,
  type FakeTidal,
  FIXTURES,
  getCatalog,
  SEEDED_FAVORITES,
  startFakeTidal,
} from '../fake-tidal/index.js';
import { FakeLoginSession, type InProcessServer, startInProcess } from '../helpers/in-process.js';

const catalog = getCatalog();
const listener = DEFAULT_USER.id;
const available = catalog.tracks.filter((t) => catalog.isAvailable(t, DEFAULT_USER.country));
/** Tracks with an ISRC no other track shares, so an ISRC names exactly this one. */
/** (Seeded favorites are available[800..824]; tests add from other ranges.) */
const unique = available.filter((t) => catalog.tracksByIsrc(t.isrc).length === 1);
const ITEMS = '/userCollectionTracks/me/relationships/items';

describe('manage_favorites', () => {
  let fake: FakeTidal;
  let h: InProcessServer;
  const writes = () => fake.apiRequests().filter((r) => r.method !== 'GET');
  const favorites = (kind: 'tracks' | 'albums' = 'tracks') => fake.collections.ids(listener, kind);
  const call = (args: Record<string, unknown>, meta?: Record<string, unknown>) =>
    h.tool('manage_favorites', args, meta);

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
    fake.collections.clear(listener, 'albums');
    fake.clearRequests();
  });
  afterEach(() => fake.clearFaults());

  it('adds by id, reporting ones already there, unknown ids and ids listed twice', async () => {
    const [seeded] = favorites();
    const fresh = available[0]!.id;
    const result = await call({
      action: 'add',
      kind: 'tracks',
      ids: [seeded, fresh, '999999999', fresh],
    });
    expect(result.isError, result.text).toBe(false);
    expect(result.structured.results).toEqual([
      { ref: seeded, via: 'id', id: seeded, status: 'already_favorite' },
      { ref: fresh, via: 'id', id: fresh, status: 'added' },
      {
        ref: '999999999',
        via: 'id',
        id: '999999999',
        status: 'not_found',
        reason: 'TIDAL has no track with this id',
      },
      {
        ref: fresh,
        via: 'id',
        id: fresh,
        status: 'duplicate',
        reason: 'listed more than once in this call',
      },
    ]);
    expect(result.structured).toMatchObject({ changed: true });
    expect(result.text.split('\n')[0]).toBe(
      'Added 1 of 4 tracks to your favorites; 1 already favorites; 1 not found; 1 listed twice.',
    );
    expect(favorites()[0]).toBe(fresh);
    expect(favorites()).toHaveLength(SEEDED_FAVORITES.tracks + 1);
    const [post] = writes();
    expect(post).toMatchObject({ method: 'POST', path: ITEMS, query: {} });
    expect(post!.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    fake.collections.remove(listener, 'tracks', [fresh]);
  });

  it('adds 120 tracks by ISRC in 3 writes of at most 50 (plus 6 lookups), with progress', async () => {
    const tracks = unique.slice(0, 120);
    const progress: string[] = [];
    h.client.setNotificationHandler?.(
      'notifications/progress' as never,
      ((n: { params: { message: string } }) => {
        progress.push(n.params.message);
      }) as never,
    );
    const result = await call(
      { action: 'add', kind: 'tracks', isrcs: tracks.map((t) => t.isrc.toLowerCase()) },
      { progressToken: 'fav-1' },
    );
    expect(result.isError, result.text).toBe(false);
    expect(result.structured.counts).toEqual({ added: 120 });
    expect(result.structured.results[0]).toEqual({
      ref: tracks[0]!.isrc.toLowerCase(),
      via: 'isrc',
      id: tracks[0]!.id,
      title: tracks[0]!.title,
      status: 'added',
    });
    const posts = writes();
    expect(posts.map((r) => r.path)).toEqual([ITEMS, ITEMS, ITEMS]);
    expect(new Set(posts.map((r) => r.headers['idempotency-key'])).size).toBe(3);
    expect(fake.apiRequests().filter((r) => r.path === '/tracks')).toHaveLength(6);
    expect(favorites().slice(0, 120).sort()).toEqual(tracks.map((t) => t.id).sort());
    expect(progress.filter((m) => m.startsWith('added batch'))).toEqual([
      'added batch 1 of 3',
      'added batch 2 of 3',
      'added batch 3 of 3',
    ]);
    fake.collections.remove(
      listener,
      'tracks',
      tracks.map((t) => t.id),
    );
  });

  it('adds 500 favorites by id in 10 writes', async () => {
    const ids = available.slice(0, 500).map((t) => t.id);
    const result = await call({ action: 'add', kind: 'tracks', ids });
    expect(result.structured.counts).toEqual({ added: 500 });
    expect(writes()).toHaveLength(10);
    expect(ids.every((id) => fake.collections.has(listener, 'tracks', id))).toBe(true);
    // A result this long lists 50 items and names the rest by id, by status.
    expect(result.text).toBe(
      'Added 500 of 500 tracks to your favorites.\nThe first 50 results are listed; the other 450 are in moreResults by status.',
    );
    expect(result.structured.results).toHaveLength(50);
    expect(result.structured.moreResults).toEqual({ added: ids.slice(50) });
    fake.collections.remove(listener, 'tracks', ids);
  });

  it('never adds twice when a write answer is lost and retried with the same key', async () => {
    const replays = fake.idempotentReplays();
    fake.inject({ kind: 'status', status: 503, method: 'POST', path: ITEMS, afterApply: true });
    const ids = available.slice(600, 605).map((t) => t.id);
    const before = fake.collections.size(listener, 'tracks');
    const result = await call({ action: 'add', kind: 'tracks', ids });
    expect(result.structured.counts).toEqual({ added: 5 });
    const posts = writes();
    expect(posts).toHaveLength(2);
    expect(posts[1]!.headers['idempotency-key']).toBe(posts[0]!.headers['idempotency-key']);
    expect(fake.idempotentReplays()).toBe(replays + 1);
    expect(fake.collections.size(listener, 'tracks')).toBe(before + 5);
    fake.collections.remove(listener, 'tracks', ids);
  });

  it('reports exactly what went in when a batch is refused midway', async () => {
    const ids = available.slice(1000, 1120).map((t) => t.id);
    fake.inject({ kind: 'status', status: 400, method: 'POST', path: ITEMS, skip: 1 });
    const result = await call({ action: 'add', kind: 'tracks', ids });
    expect(result.structured.counts).toEqual({ added: 50, failed: 70 });
    // Listed first: what needs attention, in the order given; the rest by id under its status.
    const listed = result.structured.results as { ref: string; status: string; reason: string }[];
    expect(listed.map((r) => r.ref)).toEqual(ids.slice(50, 100));
    expect(listed[0]!.reason).toContain('TIDAL rejected the request');
    expect(result.structured.moreResults).toEqual({
      added: ids.slice(0, 50),
      failed: ids.slice(100),
    });
    expect(ids.filter((id) => fake.collections.has(listener, 'tracks', id))).toEqual(
      ids.slice(0, 50),
    );
    expect(result.text).toContain(
      'Added 50 of 120 tracks to your favorites; 70 failed; a write failed',
    );
    expect(result.text).toContain(`failed: ${ids.slice(100).join(', ')}`);
    const notTried = await call({ action: 'add', kind: 'tracks', ids: ids.slice(100) });
    expect(notTried.structured.counts).toEqual({ added: 20 });
    fake.collections.remove(listener, 'tracks', ids);
  });

  it('adds albums by barcode, in any form TIDAL stores, and says which it does not know', async () => {
    // TIDAL holds this one as GTIN-14; people type the 13 digits on the sleeve.
    const printed = FIXTURES.gtin14AlbumBarcode.replace(/^0/, '');
    const result = await call({
      action: 'add',
      kind: 'albums',
      barcodes: [printed, '0000000000000'],
    });
    const album = catalog.albumByBarcode(FIXTURES.gtin14AlbumBarcode)!;
    expect(result.structured.results).toEqual([
      {
        ref: printed,
        via: 'barcode',
        id: album.id,
        title: album.title,
        status: 'added',
      },
      {
        ref: '0000000000000',
        via: 'barcode',
        status: 'not_found',
        reason: `no TIDAL album with this barcode in ${DEFAULT_USER.country}`,
      },
    ]);
    expect(favorites('albums')).toEqual([album.id]);
  });

  it('takes tidal.com links and numbers as ids', async () => {
    const [a, b] = catalog.albums.slice(3, 5);
    const result = await call({
      action: 'add',
      kind: 'albums',
      ids: [`https://tidal.com/browse/album/${a!.id}`, Number(b!.id)],
    });
    expect(result.structured.results.map((r: { id: string }) => r.id)).toEqual([a!.id, b!.id]);
    expect(favorites('albums').sort()).toEqual([a!.id, b!.id].sort());
  });

  it('previews a removal without writing, naming each item, then removes with confirm', async () => {
    const [a, b] = catalog.albums.slice(0, 2);
    fake.collections.add(listener, 'albums', [a!.id, b!.id]);
    const preview = await call({ action: 'remove', kind: 'albums', ids: [a!.id, '424242'] });
    expect(preview.structured).toMatchObject({ preview: true, changed: false });
    expect(preview.structured.results).toEqual([
      {
        ref: a!.id,
        via: 'id',
        id: a!.id,
        title: `${a!.title} — ${catalog.artist(a!.artistIds[0]!)!.name}`,
        status: 'would_remove',
      },
      expect.objectContaining({
        ref: '424242',
        status: 'would_remove',
        reason: expect.stringContaining('TIDAL shows no such album in NO'),
      }),
    ]);
    expect(preview.text).toContain(
      'Nothing removed yet: this would remove 2 albums from your favorites.',
    );
    expect(writes()).toHaveLength(0);
    expect(favorites('albums')).toEqual([b!.id, a!.id]);

    const done = await call({
      action: 'remove',
      kind: 'albums',
      ids: [a!.id, '424242'],
      confirm: true,
    });
    expect(done.structured.counts).toEqual({ removed: 2 });
    expect(favorites('albums')).toEqual([b!.id]);
    expect(writes().map((r) => r.method)).toEqual(['DELETE']);
  });

  it.each([
    [{ action: 'add', kind: 'albums', isrcs: ['USRC17607839'] }, 'isrcs: only go with kind tracks'],
    [
      { action: 'add', kind: 'tracks', barcodes: ['5012345678900'] },
      'barcodes: only go with kind albums',
    ],
    [
      { action: 'add', kind: 'tracks', ids: ['1'], confirm: true },
      'confirm: is only used by action remove',
    ],
    [{ action: 'add', kind: 'tracks' }, 'ids: add needs ids and/or isrcs'],
    [
      { action: 'add', kind: 'tracks', isrcs: ['USRC17607839', 'nope'] },
      'isrcs[1]: "nope" is not an ISRC',
    ],
    [
      { action: 'add', kind: 'albums', barcodes: ['12ab'] },
      'barcodes[0]: "12ab": expected a barcode of 8, 12, 13 or 14 digits',
    ],
    [
      { action: 'add', kind: 'albums', barcodes: ['0602445790488'] },
      'barcodes[0]: "0602445790488": 0602445790488 has a wrong check digit: the last digit should be 7, not 8',
    ],
    [
      {
        action: 'add',
        kind: 'tracks',
        ids: Array.from({ length: 300 }, (_, i) => String(i)),
        isrcs: Array.from({ length: 201 }, () => 'USRC17607839'),
      },
      'ids: ids, isrcs and barcodes together may hold at most 500 items per call',
    ],
    [{ action: 'add', kind: 'songs', ids: ['1'] }, 'kind: Invalid option'],
    [
      { action: 'add', kind: 'albums', ids: ['https://tidal.com/browse/track/1'] },
      'ids[0]: is a link to a track, not to an album (this call is for albums)',
    ],
    [{ action: 'add', kind: 'tracks', ids: ['../users/me'] }, 'expected a TIDAL id'],
  ])('refuses %j without writing', async (args, message) => {
    const result = await call(args);
    expect(result.isError).toBe(true);
    expect(result.text).toContain(message);
    expect(fake.apiRequests()).toHaveLength(0);
  });
});

describe('manage_favorites when things go wrong', () => {
  let fake: FakeTidal;
  afterEach(() => fake.close());
  const scopes: string[] = [...ALL_USER_SCOPES];

  /** The server, with retries that wait 1 ms so exhausting them does not slow the suite down. */
  async function start(f: FakeTidal, granted = scopes): Promise<InProcessServer> {
    const session = new FakeLoginSession(
      f.issueUserToken({ scopes: granted }),
      DEFAULT_USER,
      granted,
    );
    const h = await startInProcess(f, { session });
    const http = new TidalHttp({
      apiUrl: f.apiUrl,
      userAgent: 'test',
      requestsPerSecond: 100,
      retry: { baseDelayMs: 1, maxDelayMs: 1 },
    });
    h.app.deps.library = new TidalLibrary(http, h.app.clientCredentials);
    return { ...h, close: async () => (await h.close(), await http.close()) };
  }

  it('a login lacking collection.write gets the re-login message and writes nothing', async () => {
    fake = await startFakeTidal();
    const old = [
      'user.read',
      'playlists.read',
      'playlists.write',
      'search.read',
      'collection.read',
    ];
    const h = await start(fake, old);
    try {
      const result = await h.tool('manage_favorites', {
        action: 'add',
        kind: 'tracks',
        ids: ['1'],
      });
      expect(result.isError).toBe(true);
      expect(result.text).toBe(
        'Your TIDAL login was not granted the collection.write scope. Log in with the account tool (action "login") or run `tidal-mcp login` in a terminal, then try again; if TIDAL still leaves it out, enable collection.write for your app in the TIDAL developer dashboard.',
      );
      expect(fake.apiRequests()).toHaveLength(0);
    } finally {
      await h.close();
    }
  });

  it('reads the collection back when every retry lost the answer, and reports what went in', async () => {
    fake = await startFakeTidal();
    const h = await start(fake);
    try {
      fake.inject({
        kind: 'status',
        status: 503,
        method: 'POST',
        path: ITEMS,
        afterApply: true,
        count: 10,
      });
      const ids = available.slice(900, 903).map((t) => t.id);
      const result = await h.tool('manage_favorites', { action: 'add', kind: 'tracks', ids });
      expect(result.structured.counts).toEqual({ added: 3 });
      expect(result.text).toContain('a write failed (TIDAL had a problem answering');
      expect(fake.apiRequests().filter((r) => r.method === 'POST')).toHaveLength(4);
      expect(fake.apiRequests().at(-1)).toMatchObject({ method: 'GET', path: ITEMS });
    } finally {
      await h.close();
    }
  });

  it('says "unknown" when the answer is lost and the collection cannot be read back', async () => {
    fake = await startFakeTidal();
    const h = await start(fake);
    try {
      fake.inject({
        kind: 'status',
        status: 503,
        method: 'POST',
        path: ITEMS,
        afterApply: true,
        count: 10,
      });
      fake.inject({ kind: 'status', status: 500, method: 'GET', path: ITEMS, count: 10 });
      const id = available[950]!.id;
      const result = await h.tool('manage_favorites', { action: 'add', kind: 'tracks', ids: [id] });
      expect(result.structured.results[0]).toMatchObject({ status: 'unknown' });
      expect(result.structured.results[0].reason).toContain(
        'it may have been added — check with get_library before retrying',
      );
    } finally {
      await h.close();
    }
  });

  it('splits a batch TIDAL refuses with 409 DUPLICATE_ITEMS_IN_COLLECTION', async () => {
    fake = await startFakeTidal({ collectionDuplicates: 'conflict' });
    const h = await start(fake);
    try {
      const [seeded] = fake.collections.ids(listener, 'tracks');
      const fresh = available[960]!.id;
      const result = await h.tool('manage_favorites', {
        action: 'add',
        kind: 'tracks',
        ids: [seeded, fresh],
      });
      expect(result.structured.results.map((r: { status: string }) => r.status)).toEqual([
        'already_favorite',
        'added',
      ]);
      const posts = fake.apiRequests().filter((r) => r.method === 'POST');
      expect(posts.map((r) => r.status)).toEqual([409, 200]);
      expect(fake.collections.ids(listener, 'tracks')[0]).toBe(fresh);
    } finally {
      await h.close();
    }
  });

  it('reports a removal whose answer was lost by reading the collection back', async () => {
    fake = await startFakeTidal();
    const h = await start(fake);
    try {
      fake.inject({
        kind: 'status',
        status: 503,
        method: 'DELETE',
        path: ITEMS,
        afterApply: true,
        count: 10,
      });
      const [first, second] = fake.collections.ids(listener, 'tracks');
      const result = await h.tool('manage_favorites', {
        action: 'remove',
        kind: 'tracks',
        ids: [first, second],
        confirm: true,
      });
      expect(result.structured.counts).toEqual({ removed: 2 });
      expect(fake.collections.has(listener, 'tracks', first!)).toBe(false);
    } finally {
      await h.close();
    }
  });
});
