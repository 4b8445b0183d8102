/**
 * createServer(deps): an McpServer with every tool registered. Transport-agnostic and cheap,
 * because the expensive parts (HTTP pool, token, cache) live in `deps` and are shared; `deps` may
 * also be a loader, called by the first tool call (see ToolDepsSource).
 */
import { McpServer } from '@modelcontextprotocol/server';
import { ClientLogging } from './tools/shared/client-log.js';
import { registerTool, type ToolDepsSource } from './tools/shared/define-tool.js';
import { TOOLS } from './tools/index.js';
import { serverIdentity } from './identity.js';

const INSTRUCTIONS = [
  'tidal-mcp looks music up in the TIDAL catalog.',
  'Find ids with search_catalog, then use get_album, tracks_by_isrc and similar_artists.',
  'Results are compact: follow ids and nextCursor values rather than asking for large limits.',
].join(' ');

export function createServer(deps: ToolDepsSource): McpServer {
  const server = new McpServer(serverIdentity(), {
    // The tool list is fixed for the life of the process, so never promise list_changed.
    // logging: clients may choose a level (logging/setLevel, or per request in 2026-07-28) and
    // then receive a call's log lines as notifications, redacted like stderr.
    capabilities: { tools: { listChanged: false }, logging: {} },
    instructions: INSTRUCTIONS,
  });
  const logging = new ClientLogging(server);
  for (const tool of TOOLS) registerTool(server, tool, deps, logging);
  return server;
}
