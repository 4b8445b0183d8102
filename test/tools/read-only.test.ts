/**
 * Read-only mode (TIDAL_MCP_READ_ONLY=1, `--read-only`, the bundle's read_only option): tools/list
 * offers no tool that writes, and the account tool without logout.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadConfig } from '../../src/config.js';
import { TOOLS } from '../../src/tools/index.js';
import { type FakeTidal, startFakeTidal } from '../fake-tidal/index.js';
import { type InProcessServer, startInProcess } from '../helpers/in-process.js';

describe('read-only mode', () => {
  let fake: FakeTidal;
  let h: InProcessServer;
  beforeAll(async () => {
    fake = await startFakeTidal();
    h = await startInProcess(fake, { env: { TIDAL_MCP_READ_ONLY: '1' } });
  });
  afterAll(async () => {
    await h.close();
    await fake.close();
  });

  it('lists no write tool, and account without logout', async () => {
    const { tools } = await h.client.listTools();
    expect(tools.map((t) => t.name)).toEqual([
      'search_catalog',
      'get_album',
      'tracks_by_isrc',
      'similar_artists',
      'get_artist',
      'similar_tracks',
      'match_tracks',
      'get_playlist',
      'get_library',
      'account',
    ]);
    for (const tool of tools.filter((t) => t.name !== 'account')) {
      expect(tool.annotations?.readOnlyHint, tool.name).toBe(true);
    }
    const account = tools.find((t) => t.name === 'account')!;
    expect(account.inputSchema.properties?.action).toMatchObject({ enum: ['status', 'login'] });
    expect(Object.keys(account.inputSchema.properties ?? {})).toEqual(['action']);
    expect(account.annotations?.destructiveHint).toBe(false);
    expect(account.description).toContain(
      'This server is read-only: logging out is not offered here.',
    );
  });

  it('refuses the write tools and logout if a client calls them anyway', async () => {
    await expect(
      h.tool('manage_favorites', { action: 'add', kind: 'tracks', ids: ['1'] }),
    ).rejects.toThrow('Tool manage_favorites not found');
    await expect(h.tool('manage_playlist', { action: 'create', name: 'x' })).rejects.toThrow(
      'Tool manage_playlist not found',
    );
    const logout = await h.tool('account', { action: 'logout', confirm: true });
    expect(logout.isError).toBe(true);
    expect(logout.text).toContain('action: Invalid option: expected one of "status"|"login"');
    expect(fake.apiRequests().filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('the full server offers every tool', () => {
    expect(TOOLS.map((t) => t.name)).toContain('manage_favorites');
    expect(TOOLS.map((t) => t.name)).toContain('manage_playlist');
  });

  it.each([
    [['--read-only'], {}, true],
    [[], { TIDAL_MCP_READ_ONLY: 'true' }, true],
    [[], { TIDAL_MCP_READ_ONLY: '0' }, false],
    [['--http', '--read-only'], {}, true],
    [[], {}, false],
  ])('loadConfig(%j, %j).readOnly is %s', (argv, env, expected) => {
    expect(loadConfig(argv, env).readOnly).toBe(expected);
  });

  it('refuses a value that is not a boolean', () => {
    expect(() => loadConfig([], { TIDAL_MCP_READ_ONLY: 'yes' })).toThrow(
      'invalid configuration: TIDAL_MCP_READ_ONLY: must be 1, 0, true or false',
    );
  });
});
