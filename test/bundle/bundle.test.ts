/**
 * The one-click install: manifest.json validates and matches the server, the .mcpb built by
 * `npm run bundle` starts from an unpacked copy and answers tools/list, carries the keychain
 * binaries for every desktop platform and nothing of the development tree; `npm pack` ships
 * only what users need.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ROOT, type RunningServer, startServer } from '../e2e/harness.js';

const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as {
  version: string;
  tools: { name: string; description: string }[];
  server: { entry_point: string };
};
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const mcpb = join(ROOT, 'node_modules', '.bin', 'mcpb');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

describe('manifest.json', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({});
  });
  afterAll(() => server.close());

  it('passes mcpb validate and carries the package version', () => {
    const out = execFileSync(mcpb, ['validate', join(ROOT, 'manifest.json')], { encoding: 'utf8' });
    expect(out).toContain('Manifest schema validation passes!');
    expect(manifest.version).toBe(pkg.version);
    expect(manifest.server.entry_point).toBe('dist/index.js');
  });

  it('lists exactly the tools the server lists, with the same descriptions', async () => {
    const { tools } = await server.client.listTools();
    expect(manifest.tools).toEqual(
      tools.map((t) => ({ name: t.name, description: t.description })),
    );
  });
});

describe('npm run bundle', () => {
  let unpacked: string;
  let files: string[];
  let bundleBytes: number;

  beforeAll(() => {
    const out = mkdtempSync(join(tmpdir(), 'tidal-mcp-bundle-'));
    execFileSync(
      process.execPath,
      [join(ROOT, 'scripts', 'bundle.mjs'), '--out', out, '--skip-build'],
      {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    const file = join(out, `tidal-mcp-${pkg.version}.mcpb`);
    bundleBytes = statSync(file).size;
    unpacked = join(out, 'unpacked');
    execFileSync(mcpb, ['unpack', file, unpacked], { stdio: 'ignore' });
    files = walk(unpacked).map((f) => relative(unpacked, f).split('\\').join('/'));
  }, 120_000);

  it('starts from the unpacked bundle and answers tools/list', async () => {
    const client = new Client({ name: 'bundle-test', version: '1.0.0' });
    await client.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: [join(unpacked, 'dist', 'index.js')],
        env: { PATH: process.env.PATH ?? '' },
        cwd: unpacked,
        stderr: 'ignore',
      }),
    );
    try {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toEqual(manifest.tools.map((t) => t.name));
    } finally {
      await client.close();
    }
  });

  it('includes the prebuilt keychain binary for macOS arm64/x64, Windows x64 and Linux x64', () => {
    for (const platform of ['darwin-arm64', 'darwin-x64', 'win32-x64-msvc', 'linux-x64-gnu']) {
      expect(files).toContain(`node_modules/@napi-rs/keyring-${platform}/keyring.${platform}.node`);
    }
  });

  it('ships binaries of the right format, and the Linux one loads from the bundle', () => {
    const head = (platform: string) =>
      readFileSync(
        join(unpacked, `node_modules/@napi-rs/keyring-${platform}/keyring.${platform}.node`),
      ).subarray(0, 8);
    // 64-bit Mach-O (little endian) for macOS, PE ("MZ") for Windows, ELF for Linux.
    expect(head('darwin-arm64').readUInt32LE(0)).toBe(0xfeedfacf);
    expect(head('darwin-arm64').readUInt32LE(4)).toBe(0x0100000c); // CPU_TYPE_ARM64
    expect(head('darwin-x64').readUInt32LE(0)).toBe(0xfeedfacf);
    expect(head('darwin-x64').readUInt32LE(4)).toBe(0x01000007); // CPU_TYPE_X86_64
    expect(head('win32-x64-msvc').subarray(0, 2).toString('latin1')).toBe('MZ');
    expect(head('linux-x64-gnu').subarray(0, 4).toString('latin1')).toBe('\x7fELF');
    const loaded = execFileSync(
      process.execPath,
      ['-e', "console.log(typeof require('@napi-rs/keyring').AsyncEntry)"],
      { cwd: unpacked, encoding: 'utf8' },
    );
    expect(loaded.trim()).toBe('function');
  });

  it('holds runtime files only, and stays small', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'manifest.json',
        'dist/index.js',
        'dist/main.js',
        'dist/THIRD_PARTY_LICENSES.md',
        'LICENSE',
        'README.md',
      ]),
    );
    const unwanted = files.filter((f) =>
      /^(src|test|bench|scripts|\.ci)\/|\.map$|\.d\.ts$|^node_modules\/(vitest|typescript|eslint|prettier|@modelcontextprotocol\/client|@anthropic-ai)\//.test(
        f,
      ),
    );
    // The server is bundled: the keychain binding (native, per platform) is the only package left.
    const packages = new Set(
      files.flatMap((f) => /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(f)?.[1] ?? []),
    );
    expect([...packages].filter((p) => !p.startsWith('@napi-rs/keyring'))).toEqual([]);
    expect(unwanted).toEqual([]);
    expect(bundleBytes).toBeLessThan(10 * 1024 * 1024);
  });
});

describe('npm pack', () => {
  it('ships dist, manifest, README, LICENSE and CHANGELOG and nothing private', () => {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const [report] = JSON.parse(out) as { files: { path: string }[] }[];
    const paths = report!.files.map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'dist/index.js',
        'dist/main.js',
        'dist/main.js.map',
        'dist/THIRD_PARTY_LICENSES.md',
        'manifest.json',
        'README.md',
        'LICENSE',
        'CHANGELOG.md',
        'package.json',
      ]),
    );
    expect(
      paths.filter((p) =>
        /^(src|test|bench|scripts|\.ci|\.bundle)\/|\.env|\.mcpb$|\.pem$|\.key$/.test(p),
      ),
    ).toEqual([]);
  });
});
