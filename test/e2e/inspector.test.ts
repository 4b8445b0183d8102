/**
 * Smoke test with the official MCP Inspector CLI over stdio: tools/list in both protocol eras,
 * then one call of each catalog tool against the fake TIDAL. Exit code 0 means the call
 * succeeded (the Inspector exits 5 on an isError result).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type FakeTidal, FIXTURES, startFakeTidal } from '../fake-tidal/index.js';
import { fakeEnv, ROOT, SERVER_ENTRY } from './harness.js';

const INSPECTOR = resolve(
  ROOT,
  'node_modules/@modelcontextprotocol/inspector/clients/launcher/build/index.js',
);
const run = promisify(execFile);

describe('MCP Inspector CLI over stdio', () => {
  let fake: FakeTidal;
  // The Inspector may keep a catalog under HOME; keep it out of the developer's home.
  const home = mkdtempSync(join(tmpdir(), 'tidal-mcp-inspector-'));

  beforeAll(async () => {
    fake = await startFakeTidal();
  });
  afterAll(async () => {
    await fake?.close();
  });

  async function inspector(era: 'legacy' | 'modern', ...method: string[]): Promise<unknown> {
    const envArgs = Object.entries(fakeEnv(fake)).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
    const { stdout } = await run(
      process.execPath,
      [
        INSPECTOR,
        '--cli',
        '--protocol-era',
        era,
        '--format',
        'json',
        '-q',
        ...envArgs,
        process.execPath,
        SERVER_ENTRY,
        ...method,
      ],
      { env: { PATH: process.env.PATH ?? '', HOME: home }, cwd: ROOT },
    );
    return (JSON.parse(stdout) as { result: unknown }).result;
  }

  it.each(['legacy', 'modern'] as const)('lists the tools (%s era)', async (era) => {
    const result = (await inspector(era, '--method', 'tools/list')) as {
      tools: { name: string }[];
    };
    expect(result.tools.map((t) => t.name).sort()).toEqual([
      'account',
      'get_album',
      'get_artist',
      'get_library',
      'get_playlist',
      'manage_favorites',
      'manage_playlist',
      'match_tracks',
      'search_catalog',
      'similar_artists',
      'similar_tracks',
      'tracks_by_isrc',
    ]);
  });

  it.each([
    ['search_catalog', { query: FIXTURES.searchTermWithManyResults, limit: 2 }],
    ['get_album', { albumId: FIXTURES.albumWithManyTracks }],
    ['tracks_by_isrc', { isrcs: [FIXTURES.multiTrackIsrc] }],
    ['similar_artists', { artistId: FIXTURES.artistWithManySimilar }],
    ['get_artist', { artistId: FIXTURES.artistWithManySimilar, include: ['topTracks', 'singles'] }],
    ['similar_tracks', { artistId: FIXTURES.artistWithManySimilar, limit: 5 }],
  ])('calls %s', async (name, args) => {
    const result = (await inspector(
      'legacy',
      '--method',
      'tools/call',
      '--tool-name',
      name,
      '--tool-args-json',
      JSON.stringify(args),
    )) as { isError?: boolean; structuredContent?: unknown };
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toBeDefined();
  });

  it.each(['legacy', 'modern'] as const)(
    'lists the resource templates and reads an album (%s era)',
    async (era) => {
      const templates = (await inspector(era, '--method', 'resources/templates/list')) as {
        resourceTemplates: { uriTemplate: string }[];
      };
      expect(templates.resourceTemplates.map((t) => t.uriTemplate)).toEqual([
        'tidal://album/{id}',
        'tidal://artist/{id}',
        'tidal://track/{id}',
        'tidal://playlist/{id}',
      ]);
      const listed = (await inspector(era, '--method', 'resources/list')) as {
        resources: unknown[];
      };
      expect(listed.resources).toEqual([]); // logged out: no playlists of one's own
      const uri = `tidal://album/${FIXTURES.albumWithManyTracks}`;
      const read = (await inspector(era, '--method', 'resources/read', '--uri', uri)) as {
        contents: { uri: string; mimeType: string; text: string }[];
      };
      expect(read.contents[0]).toMatchObject({ uri, mimeType: 'text/markdown' });
      expect(read.contents[0]?.text).toMatch(/^# Album \(US\): /);
    },
  );

  it.each(['legacy', 'modern'] as const)('gets a prompt (%s era)', async (era) => {
    const result = (await inspector(
      era,
      '--method',
      'prompts/get',
      '--prompt-name',
      'explore_artist',
      '--prompt-args',
      `artist=${FIXTURES.uniqueArtistName}`,
    )) as { messages: { role: string; content: { text: string } }[] };
    expect(result.messages[0]?.content.text.split('\n')[0]).toBe(
      `Tell me about ${FIXTURES.uniqueArtistName} on TIDAL.`,
    );
  });
});
