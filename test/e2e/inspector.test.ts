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
import { FIXTURES, startFakeTidal, type FakeTidal } from '../fake-tidal/index.js';
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
});
