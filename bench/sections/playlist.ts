/**
 * Adding 100 tracks to a playlist: upstream requests by method. Runs in process (real server
 * factory and tool, user token minted by the fake) because a stdio server would need an OS
 * keychain login; the request path below the tool is the same.
 */
import { getCatalog, startFakeTidal } from '../../test/fake-tidal/index.js';
import { FakeLoginSession, startPlaylistHarness } from '../../test/helpers/in-process.js';
import { defineSection } from '../section.js';
import type { BenchOptions, Target } from '../stats.js';

export interface PlaylistResult {
  byTrackIds: { gets: number; posts: number; added: number };
  byIsrcs: { gets: number; isrcLookups: number; posts: number; added: number };
}

async function run(options: BenchOptions): Promise<PlaylistResult> {
  const fake = await startFakeTidal({ latencyMs: options.latencyMs });
  const h = await startPlaylistHarness(fake, new FakeLoginSession(fake.issueUserToken()), 100);
  try {
    const c = getCatalog();
    const tracks = c.tracks.filter((t) => c.isAvailable(c.album(t.albumId)!, 'NO'));
    const count = async (args: Record<string, unknown>) => {
      const created = await h.call({ action: 'create', name: `bench ${Math.random()}` });
      fake.clearRequests();
      const result = await h.call({
        action: 'add_tracks',
        playlistId: created.structured.playlist.id,
        ...args,
      });
      const requests = fake.apiRequests();
      return {
        gets: requests.filter((r) => r.method === 'GET' && r.path !== '/tracks').length,
        isrcLookups: requests.filter((r) => r.path === '/tracks').length,
        posts: requests.filter((r) => r.method === 'POST').length,
        added: (result.structured.counts?.added as number | undefined) ?? 0,
      };
    };
    const ids = await count({ trackIds: tracks.slice(0, 100).map((t) => t.id) });
    const isrcs = await count({
      isrcs: [...new Set(tracks.slice(300).map((t) => t.isrc))].slice(0, 100),
    });
    return { byTrackIds: { gets: ids.gets, posts: ids.posts, added: ids.added }, byIsrcs: isrcs };
  } finally {
    await h.close();
    await fake.close();
  }
}

function report(r: PlaylistResult): string {
  const i = r.byIsrcs;
  return (
    `playlist: 100 tracks by id: ${r.byTrackIds.posts} POSTs + ${r.byTrackIds.gets} GETs; ` +
    `100 by ISRC: ${i.posts} POSTs + ${i.isrcLookups} lookups + ${i.gets} GETs`
  );
}

function targets(r: PlaylistResult): Target[] {
  const p = r.byTrackIds;
  const i = r.byIsrcs;
  return [
    {
      name: '100-track add (track ids)',
      target: '2 POSTs',
      actual: `${p.posts} POSTs + ${p.gets} GET`,
      met: p.posts === 2,
    },
    {
      name: '100-track add (ISRCs)',
      target: '2 POSTs + 5 lookups',
      actual: `${i.posts} POSTs + ${i.isrcLookups} lookups + ${i.gets} GET`,
      met: i.posts === 2 && i.isrcLookups === 5,
    },
  ];
}

export default defineSection({ name: 'playlist', run, report, targets });
