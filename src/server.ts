/**
 * createServer(deps): an McpServer with every tool registered. Transport-agnostic and cheap,
 * because the expensive parts (HTTP pool, token, cache) live in `deps` and are shared.
 */
import { McpServer } from '@modelcontextprotocol/server';
import { registerTool, type ToolDeps } from './tools/shared/define-tool.js';
import { toolsFor } from './tools/index.js';
import { packageVersion } from './version.js';

const INSTRUCTIONS = [
  "tidal-mcp looks music up in the TIDAL catalog and works with the user's TIDAL library.",
  'Find ids with search_catalog, then use get_album, tracks_by_isrc, similar_artists and get_playlist.',
  "The user's playlists, favorites and mixes: get_library; changes: manage_playlist and manage_favorites.",
  'When a tool says the user is not logged in, use the account tool (action login).',
  'Results are compact: follow ids and nextCursor values rather than asking for large limits.',
].join(' ');

export function createServer(deps: ToolDeps): McpServer {
  const server = new McpServer(
    { name: 'tidal-mcp', title: 'TIDAL', version: packageVersion() },
    {
      // The tool list is fixed for the life of the process, so never promise list_changed.
      capabilities: { tools: { listChanged: false } },
      instructions: INSTRUCTIONS,
    },
  );
  for (const tool of toolsFor({ readOnly: deps.readOnly })) registerTool(server, tool, deps);
  return server;
}
