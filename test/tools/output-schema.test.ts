/**
 * Output schemas are advertised, not re-checked per call by the server (define-tool.ts,
 * advertisedOnly): tools/list carries the zod schema's JSON Schema unchanged, the server sends an
 * answer as built, and the MCP client rejects an answer that does not match what was advertised
 * once it has the tool list. The test harnesses (test/helpers/in-process.ts, test/e2e/harness.ts)
 * list the tools on connecting, so that client check holds every tool's answers to its schema in
 * the test suite; this file shows it is in force, and that it needs the list.
 */
import { Client } from '@modelcontextprotocol/client';
import { InMemoryTransport, McpServer } from '@modelcontextprotocol/server';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/v4';

import { silentLogger } from '../../src/log.js';
import { ClientLogging } from '../../src/tools/shared/client-log.js';
import {
  type AnyToolDefinition,
  defineTool,
  registerTool,
  type ToolDeps,
} from '../../src/tools/shared/define-tool.js';

const Output = z.object({ count: z.number().int().describe('How many') });

function probe(structured: unknown): AnyToolDefinition {
  return defineTool({
    name: 'probe',
    title: 'Probe',
    description: 'Answers with whatever structured content the test gives it.',
    inputSchema: z.object({}).strict(),
    outputSchema: Output,
    annotations: {
      readOnlyHint: true,
      destructiveHint: false,
      idempotentHint: true,
      openWorldHint: false,
    },
    handler: () => Promise.resolve({ structured: structured as { count: number }, text: 'probe' }),
  });
}

async function connect(tool: AnyToolDefinition): Promise<Client> {
  const server = new McpServer({ name: 'probe', version: '0.0.0' });
  const deps = {
    logger: silentLogger,
    defaultCountry: 'US',
    countryExplicit: true,
    reportCallStats: false,
  };
  registerTool(server, tool, deps as unknown as ToolDeps, new ClientLogging(server));
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: 'output-schema-test', version: '1.0.0' });
  await client.connect(clientSide);
  return client;
}

describe('output schemas', () => {
  it('are advertised exactly as the zod schema converts', async () => {
    const client = await connect(probe({ count: 1 }));
    const { tools } = await client.listTools();
    expect(tools[0]?.outputSchema).toEqual(z.toJSONSchema(Output, { io: 'output' }));
    await client.close();
  });

  it('a matching answer passes', async () => {
    const client = await connect(probe({ count: 3 }));
    const result = await client.callTool({ name: 'probe', arguments: {} });
    expect(result.structuredContent).toEqual({ count: 3 });
    await client.close();
  });

  it('a non-matching answer reaches a client that has not listed the tools (no server check)', async () => {
    const client = await connect(probe({ count: 'three' }));
    const result = await client.callTool({ name: 'probe', arguments: {} });
    expect(result.structuredContent).toEqual({ count: 'three' });
    await client.close();
  });

  it('a non-matching answer is rejected by a client that has listed the tools', async () => {
    const client = await connect(probe({ count: 'three' }));
    await client.listTools();
    await expect(client.callTool({ name: 'probe', arguments: {} })).rejects.toThrow(
      /Structured content does not match the tool's output schema/,
    );
    await client.close();
  });
});
