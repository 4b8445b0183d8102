#!/usr/bin/env node
/**
 * `npm run bundle`: a Claude Desktop bundle (.mcpb) with only what runs: dist/, production
 * dependencies, manifest, README and LICENSE. npm installs just this platform's prebuilt keychain
 * binary, so the ones for the other platforms Claude Desktop runs on (macOS arm64/x64, Windows
 * x64) are fetched from the npm registry at the exact version and unpacked next to it.
 *
 * Usage: node scripts/bundle.mjs [--out DIR] [--skip-build]
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const outDir = resolve(args.includes('--out') ? args[args.indexOf('--out') + 1] : root);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (cmd, cmdArgs, cwd) =>
  execFileSync(cmd, cmdArgs, { cwd, stdio: ['ignore', 'ignore', 'inherit'] });

/** Keychain binaries for every platform Claude Desktop runs on, plus Linux for tests and servers. */
export const KEYRING_PLATFORMS = ['darwin-arm64', 'darwin-x64', 'win32-x64-msvc', 'linux-x64-gnu'];

if (!args.includes('--skip-build')) run(npm, ['run', 'build'], root);

const stage = join(root, '.bundle', 'stage');
rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
for (const item of [
  'dist',
  'assets/icon.png',
  'manifest.json',
  'README.md',
  'LICENSE',
  'package.json',
  'package-lock.json',
]) {
  cpSync(join(root, item), join(stage, item), { recursive: true });
}
// Production dependencies only, exactly as locked; no install scripts are needed by any of them.
run(npm, ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], stage);

const keyringVersion = JSON.parse(
  readFileSync(join(stage, 'node_modules/@napi-rs/keyring/package.json'), 'utf8'),
).version;
const packs = join(root, '.bundle', 'packs');
mkdirSync(packs, { recursive: true });
for (const platform of KEYRING_PLATFORMS) {
  const name = `@napi-rs/keyring-${platform}`;
  const target = join(stage, 'node_modules', name);
  if (existsSync(target)) continue;
  const tarball = join(packs, `napi-rs-keyring-${platform}-${keyringVersion}.tgz`);
  if (!existsSync(tarball))
    run(
      npm,
      ['pack', `${name}@${keyringVersion}`, '--pack-destination', packs, '--loglevel=error'],
      root,
    );
  mkdirSync(target, { recursive: true });
  run('tar', ['-xzf', tarball, '-C', target, '--strip-components=1'], root);
}

// What the bundle must not carry: lockfile, type declarations, source maps, docs of dependencies.
rmSync(join(stage, 'package-lock.json'));
writeFileSync(
  join(stage, '.mcpbignore'),
  [
    '*.d.ts',
    '*.d.mts',
    '*.d.cts',
    '*.map',
    'node_modules/**/*.md',
    'node_modules/**/CHANGELOG*',
    '',
  ].join('\n'),
);

mkdirSync(outDir, { recursive: true });
const output = join(outDir, `tidal-mcp-${pkg.version}.mcpb`);
run(
  join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'mcpb.cmd' : 'mcpb'),
  ['pack', stage, output],
  root,
);
process.stderr.write(`bundle: ${output}\n`);
