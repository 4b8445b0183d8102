/**
 * Start-up loads only what the command uses. dist/main.js is one esbuild bundle in which every
 * module reached through a dynamic import() is wrapped in an initialiser function named after its
 * source path ("src/transports/http.ts", "node_modules/hono/..."; Node built-ins as
 * "builtin:node:crypto", see scripts/build.mjs), run once, when that import() runs. Node's V8 coverage (NODE_V8_COVERAGE) counts every call of every function exactly, so a
 * module was loaded if and only if its initialiser's count is above zero; the keychain binding,
 * outside the bundle, was loaded if and only if one of its files appears among the scripts.
 * Each case also shows the same check seeing a module load, so a renamed initialiser or a changed
 * bundle format fails the test instead of passing it silently.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type FakeTidal, FIXTURES, startFakeTidal } from '../fake-tidal/index.js';
import { runCli } from '../helpers/login.js';
import { fakeEnv, startServer } from './harness.js';
import { connectHttpClient, spawnHttpServer } from './http-harness.js';

interface Loaded {
  /** Initialiser calls per bundled module path. */
  modules: Map<string, number>;
  /** URLs of scripts outside the bundle (e.g. node_modules/@napi-rs/keyring/index.js). */
  scripts: string[];
}

interface V8Coverage {
  result: { url: string; functions: { functionName: string; ranges: { count: number }[] }[] }[];
}

/** Reads the coverage file a server process wrote at exit (waits for it briefly). */
async function loadedModules(dir: string): Promise<Loaded> {
  for (let i = 0; i < 100 && readdirSync(dir).length === 0; i++) {
    await new Promise((r) => setTimeout(r, 50));
  }
  const files = readdirSync(dir);
  expect(files).toHaveLength(1);
  const coverage = JSON.parse(readFileSync(join(dir, files[0]!), 'utf8')) as V8Coverage;
  const bundle = coverage.result.find((s) => s.url.endsWith('/dist/main.js'));
  expect(bundle).toBeDefined();
  const modules = new Map<string, number>();
  for (const fn of bundle!.functions) {
    if (/^(src\/|node_modules\/|builtin:)/.test(fn.functionName)) {
      modules.set(fn.functionName, (modules.get(fn.functionName) ?? 0) + fn.ranges[0]!.count);
    }
  }
  return {
    modules,
    scripts: coverage.result.map((s) => s.url).filter((u) => u.startsWith('file:')),
  };
}

/** The initialiser count of a module; fails if the bundle has no such initialiser at all. */
function count(loaded: Loaded, module: string): number {
  const hits = [...loaded.modules].filter(([name]) => name.startsWith(module));
  expect(
    hits.map(([name]) => name),
    `no initialiser for ${module} in the bundle`,
  ).not.toEqual([]);
  return hits.reduce((sum, [, n]) => sum + n, 0);
}

const keychainLoaded = (loaded: Loaded) =>
  loaded.scripts.some((u) => u.includes('@napi-rs/keyring'));

/** HTTP transport, its adapter and web framework, the login flow and the account commands. */
const NOT_FOR_STDIO = [
  'src/transports/http.ts',
  'src/transports/http-guards.ts',
  'src/transports/http-cancel.ts',
  'node_modules/@modelcontextprotocol/node/',
  'node_modules/@hono/node-server/',
  'src/commands.ts',
  'src/auth/login.ts',
];

describe('modules loaded per command (V8 coverage of the bundle)', () => {
  let fake: FakeTidal;
  let dirs: string[] = [];
  const coverageDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'tidal-mcp-coverage-'));
    dirs.push(dir);
    return dir;
  };

  beforeAll(async () => {
    fake = await startFakeTidal();
  });
  afterAll(async () => {
    await fake.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    dirs = [];
  });

  it('stdio start-up (initialize, tools/list) loads neither the TIDAL client nor anything HTTP', async () => {
    const dir = coverageDir();
    const server = await startServer(fakeEnv(fake, { NODE_V8_COVERAGE: dir }));
    expect((await server.client.listTools()).tools.length).toBeGreaterThan(0);
    await server.close();
    const loaded = await loadedModules(dir);
    expect(count(loaded, 'src/transports/stdio.ts')).toBe(1);
    expect(count(loaded, 'src/server.ts')).toBe(1);
    // node:crypto costs about 5 ms to load; nothing answering tools/list needs it.
    for (const module of [
      ...NOT_FOR_STDIO,
      'src/app.ts',
      'node_modules/undici/index.js',
      'builtin:node:crypto',
    ]) {
      expect(count(loaded, module), module).toBe(0);
    }
    expect(keychainLoaded(loaded)).toBe(false);
  });

  it('a catalog call over stdio loads the TIDAL client, still nothing HTTP, login or keychain', async () => {
    const dir = coverageDir();
    // With TIDAL_COUNTRY set, no call needs the login; without it, the first catalog call reads
    // the keychain to find the user's country (next test).
    const server = await startServer(fakeEnv(fake, { NODE_V8_COVERAGE: dir, TIDAL_COUNTRY: 'US' }));
    const result = await server.client.callTool({
      name: 'get_album',
      arguments: { albumId: FIXTURES.multiVolumeAlbum },
    });
    expect(result.isError).not.toBe(true);
    await server.close();
    const loaded = await loadedModules(dir);
    expect(count(loaded, 'src/app.ts')).toBe(1);
    expect(count(loaded, 'node_modules/undici/index.js')).toBe(1);
    for (const module of NOT_FOR_STDIO) expect(count(loaded, module), module).toBe(0);
    expect(keychainLoaded(loaded)).toBe(false);
  });

  it('without TIDAL_COUNTRY a catalog call reads the login (for its country), still no HTTP or login flow', async () => {
    const dir = coverageDir();
    const server = await startServer(fakeEnv(fake, { NODE_V8_COVERAGE: dir }));
    const result = await server.client.callTool({
      name: 'get_album',
      arguments: { albumId: FIXTURES.multiVolumeAlbum },
    });
    expect(result.isError).not.toBe(true);
    await server.close();
    const loaded = await loadedModules(dir);
    for (const module of NOT_FOR_STDIO) expect(count(loaded, module), module).toBe(0);
    expect(keychainLoaded(loaded)).toBe(true);
  });

  it('the keychain binding is loaded by the first call that needs the login, not before', async () => {
    const dir = coverageDir();
    const server = await startServer(fakeEnv(fake, { NODE_V8_COVERAGE: dir }));
    // Answers "not logged in" or "no keychain" depending on the machine; either way it looked.
    await server.client.callTool({ name: 'get_library', arguments: { kind: 'playlists' } });
    await server.close();
    const loaded = await loadedModules(dir);
    expect(keychainLoaded(loaded)).toBe(true);
    expect(count(loaded, 'src/auth/login.ts')).toBe(0);
  });

  it('--http loads the HTTP transport (the check above can see it)', async () => {
    const dir = coverageDir();
    const server = await spawnHttpServer(fakeEnv(fake, { NODE_V8_COVERAGE: dir }));
    const client = await connectHttpClient(server.url, 'modern');
    await client.listTools();
    await client.close();
    await server.stop();
    const loaded = await loadedModules(dir);
    for (const module of [...NOT_FOR_STDIO.slice(0, 5), 'builtin:node:crypto']) {
      expect(count(loaded, module), module).toBeGreaterThan(0);
    }
    expect(count(loaded, 'src/commands.ts')).toBe(0);
    expect(keychainLoaded(loaded)).toBe(false);
  });

  it('--version loads neither the MCP server nor the TIDAL client; status loads the commands', async () => {
    const version = coverageDir();
    expect((await runCli(['--version'], { NODE_V8_COVERAGE: version })).code).toBe(0);
    const loaded = await loadedModules(version);
    for (const module of [
      'src/server.ts',
      'src/transports/stdio.ts',
      'src/app.ts',
      'src/commands.ts',
    ]) {
      expect(count(loaded, module), module).toBe(0);
    }
    const status = coverageDir();
    await runCli(['status'], fakeEnv(fake, { NODE_V8_COVERAGE: status }));
    expect(count(await loadedModules(status), 'src/commands.ts')).toBe(1);
  });
});
