/**
 * MCP resources (issue 14): templates for albums, artists, tracks and playlists as markdown, the
 * user's playlists in resources/list (none when logged out), completion of playlist ids, read
 * errors as JSON-RPC errors, and resource_link items in tool results; both protocol eras.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  ALL_USER_SCOPES,
  DEFAULT_USER,
  type FakeTidal,
  FIXTURES,
  getCatalog,
  startFakeTidal,
} from '../fake-tidal/index.js';
import { FakeLoginSession, type InProcessServer, startInProcess } from '../helpers/in-process.js';

const catalog = getCatalog();

describe.each(['legacy', 'modern'] as const)('resources (%s era)', (era) => {
  let fake: FakeTidal;
  let h: InProcessServer;
  beforeEach(async () => {
    fake = await startFakeTidal();
  });
  afterEach(async () => {
    await h.close();
    await fake.close();
  });

  const loggedIn = () =>
    new FakeLoginSession(fake.issueUserToken({ scopes: [...ALL_USER_SCOPES] }), DEFAULT_USER, [
      ...ALL_USER_SCOPES,
    ]);

  const text = async (uri: string) => {
    const result = await h.client.readResource({ uri });
    const [content] = result.contents as { uri: string; mimeType: string; text: string }[];
    expect(content).toMatchObject({ uri, mimeType: 'text/markdown' });
    return content!.text;
  };

  it('lists the four templates', async () => {
    h = await startInProcess(fake, { era });
    const { resourceTemplates } = await h.client.listResourceTemplates();
    expect(resourceTemplates.map((t) => [t.uriTemplate, t.mimeType])).toEqual([
      ['tidal://album/{id}', 'text/markdown'],
      ['tidal://artist/{id}', 'text/markdown'],
      ['tidal://track/{id}', 'text/markdown'],
      ['tidal://playlist/{id}', 'text/markdown'],
    ]);
  });

  it('reads an album as markdown with the tool’s facts and ids', async () => {
    h = await startInProcess(fake, { era });
    const album = catalog.album(FIXTURES.multiVolumeAlbum)!;
    const page = await text(`tidal://album/${album.id}`);
    const tool = await h.tool('get_album', { albumId: album.id });
    const [heading, ...rest] = tool.text.split('\n');
    expect(page.split('\n')[0]).toBe(`# ${heading}`);
    expect(page).toContain(`- ${rest.at(-1)}`);
    expect(page).toContain(`id ${album.id}`);
  });

  it('reads an artist and a track', async () => {
    h = await startInProcess(fake, { era });
    const artist = await text(`tidal://artist/${FIXTURES.uniqueArtistId}`);
    expect(artist).toMatch(new RegExp(`^# .*${FIXTURES.uniqueArtistName}`));
    const track = catalog.albumTracks(FIXTURES.multiVolumeAlbum)[0]!;
    const page = await text(`tidal://track/${track.id}`);
    expect(page.split('\n')[0]).toMatch(new RegExp(`^# Track \\(US\\): ${track.title}`));
    expect(page).toContain(
      `- Album: "${catalog.album(track.albumId)!.title}" (id ${track.albumId})`,
    );
  });

  it('answers an unknown id with a JSON-RPC error naming it', async () => {
    h = await startInProcess(fake, { era });
    await expect(h.client.readResource({ uri: 'tidal://album/999999999' })).rejects.toThrow(
      /album 999999999 was not found on TIDAL/,
    );
  });

  it('lists no playlists when logged out, and the user’s own when logged in', async () => {
    h = await startInProcess(fake, { era });
    expect((await h.client.listResources()).resources).toEqual([]);
    await h.close();
    h = await startInProcess(fake, { era, session: loggedIn() });
    const created = await h.tool('manage_playlist', { action: 'create', name: 'Night drive' });
    const id = created.structured.playlist.id as string;
    const { resources } = await h.client.listResources();
    expect(resources).toContainEqual(
      expect.objectContaining({
        uri: `tidal://playlist/${id}`,
        name: 'Night drive',
        mimeType: 'text/markdown',
      }),
    );
    const page = await text(`tidal://playlist/${id}`);
    expect(page).toContain('Night drive');
    const completion = await h.client.complete({
      ref: { type: 'ref/resource', uri: 'tidal://playlist/{id}' },
      argument: { name: 'id', value: 'night' },
    });
    expect(completion.completion.values).toEqual([id]);
  });

  it('puts resource links for the album and its artists in get_album’s result', async () => {
    h = await startInProcess(fake, { era });
    const album = catalog.album(FIXTURES.multiVolumeAlbum)!;
    const result = await h.client.callTool({ name: 'get_album', arguments: { albumId: album.id } });
    const links = (result.content as { type: string; uri?: string; name?: string }[]).filter(
      (c) => c.type === 'resource_link',
    );
    expect(links[0]).toEqual({
      type: 'resource_link',
      uri: `tidal://album/${album.id}`,
      name: album.title,
      mimeType: 'text/markdown',
    });
    for (const artistId of album.artistIds) {
      expect(links.map((l) => l.uri)).toContain(`tidal://artist/${artistId}`);
    }
    expect(links.length).toBeLessThanOrEqual(8);
  });
});
