/**
 * createServer(deps): an McpServer with every tool registered. Transport-agnostic and cheap,
 * because the expensive parts (HTTP pool, token, cache) live in `deps` and are shared; `deps` may
 * also be a loader, called by the first tool call (see ToolDepsSource).
 */
import { McpServer } from '@modelcontextprotocol/server';

import { FormSchemaValidator } from './form-schema-validator.js';
import { serverIdentity } from './identity.js';
import { registerPrompts } from './prompts/index.js';
import { registerResources } from './resources/index.js';
import { toolsFor } from './tools/index.js';
import { ClientLogging } from './tools/shared/client-log.js';
import { registerTool, type ToolDepsSource } from './tools/shared/define-tool.js';

const INSTRUCTIONS = [
  "tidal-mcp looks music up in the TIDAL catalog and works with the user's TIDAL library.",
  'Find ids with search_catalog, then use get_album, tracks_by_isrc, similar_artists and get_playlist.',
  "The user's playlists, favorites and mixes: get_library; changes: manage_playlist and manage_favorites.",
  'When a tool says the user is not logged in, use the account tool (action login).',
  'Results are compact: follow ids and nextCursor values rather than asking for large limits.',
].join(' ');

/**
 * `readOnly` (TIDAL_MCP_READ_ONLY, --read-only): offer no tool that writes. It defaults to the
 * deps' own setting; a lazy deps source (stdio) must pass it, since its deps do not exist yet.
 */
export function createServer(
  deps: ToolDepsSource,
  options: { readOnly?: boolean } = {},
): McpServer {
  const readOnly = options.readOnly ?? (typeof deps === 'function' ? false : deps.readOnly);
  const server = new McpServer(serverIdentity(), {
    // The tool, resource-template and prompt lists are fixed for the life of the process, so never
    // promise list_changed (a user's playlists in resources/list change, but nobody is told).
    // logging: clients may choose a level (logging/setLevel, or per request in 2026-07-28) and
    // then receive a call's log lines as notifications, redacted like stderr.
    capabilities: {
      tools: { listChanged: false },
      resources: { listChanged: false, subscribe: false },
      prompts: { listChanged: false },
      completions: {},
      logging: {},
    },
    instructions: INSTRUCTIONS,
    // Checks a user's answer to a confirmation form; see src/form-schema-validator.ts.
    jsonSchemaValidator: new FormSchemaValidator(),
  });
  const logging = new ClientLogging(server);
  for (const tool of toolsFor({ readOnly })) registerTool(server, tool, deps, logging);
  registerResources(server, deps);
  registerPrompts(server, deps);
  return server;
}
