/**
 * `npm run manifest`: writes the tool list of manifest.json (the Claude Desktop bundle's
 * declaration) from the server's own tools/list, so the two cannot drift; the bundle test checks
 * they are equal. Lists what a default server offers (not read-only mode).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { Client } from '@modelcontextprotocol/client';
import { InMemoryTransport } from '@modelcontextprotocol/server';

import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createServer } from '../src/server.js';

const path = resolve(import.meta.dirname, '..', 'manifest.json');
const app = createApp(loadConfig([], { TIDAL_MCP_LOG_LEVEL: 'silent' }));
const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
await createServer(app.deps).connect(serverSide);
const client = new Client({ name: 'sync-manifest', version: '1.0.0' });
await client.connect(clientSide);
const { tools } = await client.listTools();
const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
manifest.tools = tools.map((t) => ({ name: t.name, description: t.description }));
writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
await client.close();
await app.close();
console.log(`manifest.json: ${tools.length} tools`);
