// The start-up floor of the MCP SDK as tidal-mcp ships it: McpServer, the stdio transport and
// zod with one tool, nothing of tidal-mcp's own. The start-up section bundles this file the way
// scripts/build.mjs bundles the server (esbuild, the same shim alias) and times it next to
// tidal-mcp and bare Node, so the report shows which part of the start-up is the SDK's.
import { McpServer } from '@modelcontextprotocol/server';
import { StdioServerTransport } from '@modelcontextprotocol/server/stdio';
import * as z from 'zod/v4';

const server = new McpServer({ name: 'sdk-floor', version: '0.0.0' });
server.registerTool(
  'echo',
  { description: 'Echoes its input.', inputSchema: z.object({ text: z.string() }) },
  ({ text }) => ({ content: [{ type: 'text', text }] }),
);
await server.connect(new StdioServerTransport());
