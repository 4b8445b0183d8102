/**
 * Confirmation through the client (elicitation, issue 14): a destructive action without
 * confirm: true asks the user where the client can show a form, in both protocol eras, and goes
 * ahead only on their yes; a client that cannot ask keeps the preview-then-confirm contract.
 */
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { startHttp } from '../../src/transports/http.js';
import {
  ALL_USER_SCOPES,
  DEFAULT_USER,
  type FakeTidal,
  getCatalog,
  startFakeTidal,
} from '../fake-tidal/index.js';
import { FakeLoginSession, type InProcessServer, startInProcess } from '../helpers/in-process.js';

const catalog = getCatalog();
const trackIds = catalog.tracks
  .filter((t) => catalog.isAvailable(t, DEFAULT_USER.country))
  .slice(0, 3)
  .map((t) => t.id);

describe.each(['legacy', 'modern'] as const)('confirmation by elicitation (%s era)', (era) => {
  let fake: FakeTidal;
  let h: InProcessServer | undefined;
  beforeEach(async () => {
    fake = await startFakeTidal();
  });
  afterEach(async () => {
    await h?.close();
    await fake.close();
  });

  const start = (
    reply?: (p: Record<string, unknown>) => {
      action: 'accept' | 'decline';
      content?: Record<string, unknown>;
    },
  ) =>
    startInProcess(fake, {
      era,
      session: new FakeLoginSession(
        fake.issueUserToken({ scopes: [...ALL_USER_SCOPES] }),
        DEFAULT_USER,
        [...ALL_USER_SCOPES],
      ),
      ...(reply && { elicitation: { reply } }),
    });

  const playlistWithTracks = async (server: InProcessServer) => {
    const created = await server.tool('manage_playlist', {
      action: 'create',
      name: 'Doomed',
      trackIds,
    });
    return created.structured.playlist.id as string;
  };

  it('asks before deleting and deletes on yes', async () => {
    h = await start(() => ({ action: 'accept', content: { confirm: true } }));
    const id = await playlistWithTracks(h);
    const result = await h.tool('manage_playlist', { action: 'delete', playlistId: id });
    expect(h.elicitations).toHaveLength(1);
    expect(h.elicitations[0]).toMatchObject({
      message: 'Delete your TIDAL playlist "Doomed" with 3 items? This cannot be undone.',
    });
    expect(result.structured).toMatchObject({ action: 'delete', changed: true });
    expect(fake.userPlaylists.get(id)).toBeUndefined();
  });

  it('changes nothing when the user says no, and says so', async () => {
    h = await start(() => ({ action: 'decline' }));
    const id = await playlistWithTracks(h);
    fake.clearRequests();
    const result = await h.tool('manage_playlist', {
      action: 'remove_tracks',
      playlistId: id,
      trackIds,
    });
    expect(h.elicitations).toHaveLength(1);
    expect(result.structured).toMatchObject({ changed: false, preview: true });
    expect(result.text).toMatch(
      /^The user declined: nothing removed\. This would remove 3 entries/,
    );
    expect(fake.apiRequests().filter((r) => r.method !== 'GET')).toEqual([]);
    expect(fake.userPlaylists.get(id)?.items).toHaveLength(3);
  });

  it('treats an unticked box as a no', async () => {
    h = await start(() => ({ action: 'accept', content: { confirm: false } }));
    const id = await playlistWithTracks(h);
    const result = await h.tool('manage_playlist', { action: 'delete', playlistId: id });
    expect(result.structured).toMatchObject({ changed: false, preview: true });
    expect(fake.userPlaylists.get(id)).toBeDefined();
  });

  it('deletes nothing on an answer that does not fit the form', async () => {
    h = await start(() => ({ action: 'accept', content: { confirm: 'yes' } }));
    const id = await playlistWithTracks(h);
    const result = await h.tool('manage_playlist', { action: 'delete', playlistId: id });
    expect(result.structured).toMatchObject({ changed: false, preview: true });
    expect(result.text).toMatch(/^The user declined: nothing deleted\./);
    expect(fake.userPlaylists.get(id)).toBeDefined();
  });

  it('keeps preview-then-confirm for a client that cannot ask', async () => {
    h = await start();
    const id = await playlistWithTracks(h);
    const preview = await h.tool('manage_playlist', { action: 'delete', playlistId: id });
    expect(preview.text).toMatch(/^Nothing deleted yet\. This would permanently delete/);
    expect(fake.userPlaylists.get(id)).toBeDefined();
    const done = await h.tool('manage_playlist', {
      action: 'delete',
      playlistId: id,
      confirm: true,
    });
    expect(done.structured).toMatchObject({ changed: true });
    expect(h.elicitations).toEqual([]);
  });

  it('asks before removing duplicates and keeps the first copy', async () => {
    h = await start(() => ({ action: 'accept', content: { confirm: true } }));
    const [a, b] = trackIds;
    const created = await h.tool('manage_playlist', { action: 'create', name: 'Twice' });
    const id = created.structured.playlist.id as string;
    await h.tool('manage_playlist', {
      action: 'add_tracks',
      playlistId: id,
      trackIds: [a, b, a],
      allowDuplicates: true,
    });
    const result = await h.tool('manage_playlist', { action: 'dedupe', playlistId: id });
    expect(h.elicitations.map((e) => e.message)).toEqual([
      'Remove 1 duplicate entry from your playlist "Twice"? The first copy of each stays.',
    ]);
    expect(result.structured).toMatchObject({ action: 'dedupe', changed: true });
    expect(fake.userPlaylists.get(id)?.items.map((i) => i.id)).toEqual([a, b]);
  });

  it('asks before removing favorites', async () => {
    h = await start(() => ({ action: 'accept', content: { confirm: true } }));
    await h.tool('manage_favorites', { action: 'add', kind: 'tracks', ids: trackIds });
    const result = await h.tool('manage_favorites', {
      action: 'remove',
      kind: 'tracks',
      ids: trackIds,
    });
    expect(h.elicitations.map((e) => e.message)).toEqual([
      'Remove 3 tracks from your TIDAL favorites?',
    ]);
    expect(result.structured.counts).toMatchObject({ removed: 3 });
  });
});

describe('confirmation over Streamable HTTP', () => {
  let fake: FakeTidal;
  let url: string;
  let stop: () => Promise<void>;
  beforeEach(async () => {
    fake = await startFakeTidal();
    const config = loadConfig(['--http', '--port', '0'], {
      TIDAL_API_URL: fake.apiUrl,
      TIDAL_TOKEN_URL: fake.tokenUrl,
      TIDAL_CLIENT_ID: fake.clientId,
      TIDAL_CLIENT_SECRET: fake.clientSecret,
      TIDAL_MCP_LOG_LEVEL: 'silent',
    });
    const app = createApp(config);
    app.deps.user = new FakeLoginSession(
      fake.issueUserToken({ scopes: [...ALL_USER_SCOPES] }),
      DEFAULT_USER,
      [...ALL_USER_SCOPES],
    );
    const server = await startHttp(app);
    url = server.url;
    stop = async () => {
      await server.close();
      await app.close();
    };
  });
  afterEach(async () => {
    await stop();
    await fake.close();
  });

  // 2026-07-28 clients are asked in the call itself (input_required). A 2025 client over HTTP is
  // served statelessly: the server cannot send it a request, so it keeps the preview contract.
  it.each([
    ['modern', 1, true],
    ['legacy', 0, false],
  ] as const)('%s client: asked %i time(s), deleted: %s', async (era, asks, deleted) => {
    const client = new Client(
      { name: 'confirm-http', version: '1.0.0' },
      {
        ...(era === 'modern' && { versionNegotiation: { mode: 'auto' as const } }),
        capabilities: { elicitation: { form: {} } },
      },
    );
    const asked: unknown[] = [];
    client.setRequestHandler('elicitation/create', (request: { params: unknown }) => {
      asked.push(request.params);
      return Promise.resolve({ action: 'accept' as const, content: { confirm: true } });
    });
    await client.connect(new StreamableHTTPClientTransport(new URL(url)));
    const created = await client.callTool({
      name: 'manage_playlist',
      arguments: { action: 'create', name: 'Over HTTP' },
    });
    const id = (created.structuredContent as { playlist: { id: string } }).playlist.id;
    const result = await client.callTool({
      name: 'manage_playlist',
      arguments: { action: 'delete', playlistId: id },
    });
    expect(asked).toHaveLength(asks);
    expect((result.structuredContent as { changed: boolean }).changed).toBe(deleted);
    expect(fake.userPlaylists.get(id) === undefined).toBe(deleted);
    await client.close();
  });
});
