/**
 * MCP prompts (issue 14): the four workflows, described arguments, text that names only tools
 * the server offers (and manage_playlist actions it takes), and completions for artist names,
 * country codes and the user's playlist names.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { WORKFLOWS } from '../../src/prompts/workflows.js';
import {
  ALL_USER_SCOPES,
  DEFAULT_USER,
  type FakeTidal,
  FIXTURES,
  startFakeTidal,
} from '../fake-tidal/index.js';
import { FakeLoginSession, type InProcessServer, startInProcess } from '../helpers/in-process.js';

describe.each(['legacy', 'modern'] as const)('prompts (%s era)', (era) => {
  let fake: FakeTidal;
  let h: InProcessServer;
  beforeEach(async () => {
    fake = await startFakeTidal();
    h = await startInProcess(fake, {
      era,
      session: new FakeLoginSession(
        fake.issueUserToken({ scopes: [...ALL_USER_SCOPES] }),
        DEFAULT_USER,
        [...ALL_USER_SCOPES],
      ),
    });
  });
  afterEach(async () => {
    await h.close();
    await fake.close();
  });

  it('lists the four workflows, each described, with described arguments', async () => {
    const { prompts } = await h.client.listPrompts();
    expect(prompts.map((p) => p.name)).toEqual([
      'build_playlist',
      'import_playlist',
      'explore_artist',
      'clean_playlist',
    ]);
    for (const prompt of prompts) {
      expect(prompt.description?.length, prompt.name).toBeGreaterThan(20);
      expect(prompt.arguments?.length, prompt.name).toBeGreaterThan(0);
      for (const arg of prompt.arguments ?? []) {
        expect(arg.description?.length, `${prompt.name}.${arg.name}`).toBeGreaterThan(5);
      }
    }
  });

  it('names only tools the server offers, and manage_playlist actions it takes', async () => {
    const { tools } = await h.client.listTools();
    const names = new Set(tools.map((t) => t.name));
    const actions = new Set(
      (
        tools.find((t) => t.name === 'manage_playlist')?.inputSchema.properties?.action as {
          enum: string[];
        }
      ).enum,
    );
    for (const workflow of WORKFLOWS) {
      const text = workflow.text({});
      const named = [...text.matchAll(/`([a-z_]+)`/g)].map((m) => m[1]!);
      expect(named.length, workflow.name).toBeGreaterThan(0);
      for (const tool of named) expect(names.has(tool), `${workflow.name}: ${tool}`).toBe(true);
      const used = [...text.matchAll(/`manage_playlist`[^.]*?action ([a-z_]+)/g)].map((m) => m[1]!);
      for (const action of used)
        expect(actions.has(action), `${workflow.name}: ${action}`).toBe(true);
    }
  });

  it('fills a workflow with its arguments', async () => {
    const result = await h.client.getPrompt({
      name: 'explore_artist',
      arguments: { artist: 'Ximena Quarrington', country: 'SE' },
    });
    const [message] = result.messages;
    expect(message?.role).toBe('user');
    expect((message?.content as { text: string }).text.split('\n')[0]).toBe(
      'Tell me about Ximena Quarrington on TIDAL (country SE).',
    );
  });

  it('completes artist names from TIDAL search, country codes and playlist names', async () => {
    const artist = await h.client.complete({
      ref: { type: 'ref/prompt', name: 'explore_artist' },
      argument: { name: 'artist', value: FIXTURES.uniqueArtistName.slice(0, 6) },
    });
    expect(artist.completion.values).toContain(FIXTURES.uniqueArtistName);
    const country = await h.client.complete({
      ref: { type: 'ref/prompt', name: 'explore_artist' },
      argument: { name: 'country', value: 'n' },
    });
    expect(country.completion.values).toEqual([
      'NA',
      'NC',
      'NE',
      'NF',
      'NG',
      'NI',
      'NL',
      'NO',
      'NP',
      'NR',
      'NU',
      'NZ',
    ]);
    await h.tool('manage_playlist', { action: 'create', name: 'Sunday morning' });
    const playlist = await h.client.complete({
      ref: { type: 'ref/prompt', name: 'clean_playlist' },
      argument: { name: 'playlist', value: 'sun' },
    });
    expect(playlist.completion.values).toEqual(['Sunday morning']);
  });
});
