/**
 * Invariants over every tool in the registry, checked on what tools/list really publishes (as
 * github-mcp-server and sentry-mcp do), so a new tool is checked for free:
 * names, titles, descriptions, annotations consistent with the tool, strict flat inputs with every
 * field described, an output schema, one schema snapshot per tool (the public contract shows up in
 * review diffs), and a README reference that names every tool and input field.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { Client } from '@modelcontextprotocol/client';
import { InMemoryTransport } from '@modelcontextprotocol/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type App, createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createServer } from '../../src/server.js';

interface JsonSchema {
  type?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: unknown;
  [key: string]: unknown;
}

interface ListedTool {
  name: string;
  title?: string;
  description?: string;
  inputSchema: JsonSchema;
  outputSchema?: JsonSchema;
  annotations?: Record<string, unknown>;
}

const README = readFileSync(resolve(import.meta.dirname, '..', '..', 'README.md'), 'utf8');

/** The README section of one tool: from its `### \`name\`` heading to the next heading. */
function readmeSection(name: string): string | undefined {
  const start = README.indexOf(`### \`${name}\``);
  if (start < 0) return undefined;
  const next = README.slice(start + 4).search(/\n#{2,3} /);
  return next < 0 ? README.slice(start) : README.slice(start, start + 4 + next);
}

let app: App;
let client: Client;
let tools: ListedTool[];

beforeAll(async () => {
  // No credentials and an unroutable API: listing tools must need neither.
  app = createApp(
    loadConfig([], { TIDAL_API_URL: 'http://127.0.0.1:9/v2', TIDAL_MCP_LOG_LEVEL: 'silent' }),
  );
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await createServer(app.deps).connect(serverSide);
  client = new Client({ name: 'invariants', version: '1.0.0' });
  await client.connect(clientSide);
  tools = (await client.listTools()).tools as ListedTool[];
});

afterAll(async () => {
  await client.close();
  await app.close();
});

describe('every tool', () => {
  it('has a unique snake_case name and a title', () => {
    const names = tools.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
    for (const tool of tools) {
      expect(tool.name, tool.name).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
      expect(tool.title?.trim().length, `${tool.name} title`).toBeGreaterThan(3);
    }
  });

  it('has a description of 80 to 1,024 characters', () => {
    for (const tool of tools) {
      const length = tool.description?.length ?? 0;
      expect(length, `${tool.name} description length`).toBeGreaterThanOrEqual(80);
      expect(length, `${tool.name} description length`).toBeLessThanOrEqual(1024);
    }
  });

  it('names, in each id field, the tools that produce that id', () => {
    const names = tools.map((t) => t.name);
    for (const tool of tools) {
      for (const [field, schema] of Object.entries(tool.inputSchema.properties ?? {})) {
        if (!/Ids?$/.test(field)) continue;
        const producers = names.filter((n) => (schema.description ?? '').includes(n));
        expect(producers, `${tool.name}.${field}: which tool gives this id?`).not.toEqual([]);
      }
    }
  });

  it('declares all four annotations, consistently', () => {
    for (const tool of tools) {
      const a = tool.annotations ?? {};
      for (const hint of ['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint']) {
        expect(typeof a[hint], `${tool.name} ${hint}`).toBe('boolean');
      }
      // A read cannot destroy anything and repeating it changes nothing.
      if (a.readOnlyHint === true) {
        expect(a.destructiveHint, `${tool.name} is read-only`).toBe(false);
        expect(a.idempotentHint, `${tool.name} is read-only`).toBe(true);
      }
      // Everything here talks to TIDAL.
      expect(a.openWorldHint, tool.name).toBe(true);
    }
  });

  it('takes a strict, flat object whose every field is described', () => {
    for (const tool of tools) {
      const input = tool.inputSchema;
      expect(input.type, tool.name).toBe('object');
      expect(input.additionalProperties, `${tool.name} rejects unknown keys`).toBe(false);
      for (const combinator of ['oneOf', 'anyOf', 'allOf', 'not']) {
        expect(input[combinator], `${tool.name} top-level ${combinator}`).toBeUndefined();
      }
      for (const [field, schema] of Object.entries(input.properties ?? {})) {
        expect(
          schema.description?.trim().length,
          `${tool.name}.${field} description`,
        ).toBeGreaterThan(10);
      }
    }
  });

  it('publishes an object output schema', () => {
    for (const tool of tools) expect(tool.outputSchema?.type, tool.name).toBe('object');
  });

  it('has exactly one committed schema snapshot (none left for removed tools)', () => {
    const files = readdirSync(resolve(import.meta.dirname, '__snapshots__')).sort();
    expect(files).toEqual(tools.map((t) => `${t.name}.json`).sort());
  });

  it('matches its committed schema snapshot', async () => {
    for (const tool of tools) {
      await expect(`${JSON.stringify(tool, null, 2)}\n`).toMatchFileSnapshot(
        `./__snapshots__/${tool.name}.json`,
      );
    }
  });

  it('leaves no environment variable undocumented', () => {
    // config.ts is the only reader of process.env: every name it reads is a row of a README table.
    const config = readFileSync(
      resolve(import.meta.dirname, '..', '..', 'src', 'config.ts'),
      'utf8',
    );
    const names = [...new Set(config.match(/\bTIDAL_[A-Z_]+\b/g))];
    expect(names.length).toBeGreaterThan(15);
    for (const name of names) expect(README, name).toContain(`| \`${name}\``);
  });

  it('is in the README tool reference with every input field', () => {
    for (const tool of tools) {
      const section = readmeSection(tool.name);
      expect(section, `README has no "### \`${tool.name}\`" section`).toBeDefined();
      for (const field of Object.keys(tool.inputSchema.properties ?? {})) {
        expect(section, `README section of ${tool.name} does not name ${field}`).toMatch(
          new RegExp(`\\b${field}\\b`),
        );
      }
    }
  });
});
