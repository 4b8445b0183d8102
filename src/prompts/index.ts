/**
 * MCP prompts: the workflows in workflows.ts, each with described arguments, and completions for
 * the arguments a value can be suggested for: artist names (as typed, from TIDAL search), country
 * codes, and the names of the user's playlists.
 */
import { completable, type McpServer } from '@modelcontextprotocol/server';
import * as z from 'zod/v4';

import type { ToolDeps, ToolDepsSource } from '../tools/shared/define-tool.js';
import { countryCodesLike } from '../tools/shared/params.js';
import { artistNamesLike, playlistNamesLike } from './completions.js';
import { WORKFLOWS } from './workflows.js';

type Deps = () => Promise<ToolDeps>;

const text = (description: string) => z.string().optional().describe(description);
/** A completable argument: the SDK finds the completer inside `.optional()`, not outside it. */
const suggested = (
  description: string,
  complete: (value: string) => string[] | Promise<string[]>,
) =>
  completable(z.string().describe(description), (value) => complete(value ?? ''))
    .optional()
    .describe(description);

function argsOf(name: string, deps: Deps) {
  const country = suggested('Country code, e.g. US (default: yours).', countryCodesLike);
  switch (name) {
    case 'build_playlist':
      return z.object({
        mood: text('The mood or occasion, e.g. "rainy Sunday morning".'),
        seeds: text('Artists or tracks to start from, comma-separated.'),
        length: text('About how many tracks (default 25).'),
        name: text('The playlist name.'),
      });
    case 'import_playlist':
      return z.object({
        list: text('The songs: CSV export, setlist or "Artist - Title" lines.'),
        name: text('The new playlist name.'),
      });
    case 'explore_artist':
      return z.object({
        artist: suggested('The artist name.', async (value) =>
          artistNamesLike(await deps(), value),
        ),
        country,
      });
    default:
      return z.object({
        playlist: suggested('Your playlist: its name, id or tidal.com link.', async (value) =>
          playlistNamesLike(await deps(), value),
        ),
      });
  }
}

export function registerPrompts(server: McpServer, source: ToolDepsSource): void {
  const deps: Deps = () => (typeof source === 'function' ? source() : Promise.resolve(source));
  for (const workflow of WORKFLOWS) {
    server.registerPrompt(
      workflow.name,
      {
        title: workflow.title,
        description: workflow.description,
        argsSchema: argsOf(workflow.name, deps),
      },
      (args: Record<string, string | undefined>) => ({
        description: workflow.description,
        messages: [
          { role: 'user' as const, content: { type: 'text' as const, text: workflow.text(args) } },
        ],
      }),
    );
  }
}
