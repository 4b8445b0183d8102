/**
 * The executable (dist/index.js) switches on Node's module compile cache where the running Node has
 * it (22.1+), in Node's default place (node-compile-cache under the OS temp directory; here a fresh
 * TMPDIR). Node does not do that by itself unless NODE_COMPILE_CACHE is set, which these runs do
 * not set, so a filled directory shows the executable asked for it. NODE_DISABLE_COMPILE_CACHE=1
 * still turns it off. Needs a Node >= 22 (scripts/node.mjs finds or installs one, as for the
 * conformance suite); skipped loudly without one.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { node22 as node22Binary } from '../helpers/environment.js';
import { ROOT, SERVER_ENTRY } from './harness.js';

const node22 = node22Binary('compile cache test');
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Runs `tidal-mcp --version` under `node` with a fresh temp directory; returns its files. */
function cacheFilesAfterStart(node: string, env: Record<string, string> = {}): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'tidal-mcp-compile-cache-'));
  dirs.push(dir);
  const out = execFileSync(node, [SERVER_ENTRY, '--version'], {
    env: { PATH: process.env.PATH ?? '', TMPDIR: dir, ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  expect(out).toBe('');
  const walk = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(d, e.name)) : [e.name],
    );
  return walk(dir);
}

describe.skipIf(node22 === undefined && process.env.CI !== 'true')('module compile cache', () => {
  it('is written by a start under Node 22+, in its default place', () => {
    expect(node22, 'no Node >= 22 found (required when CI=true)').toBeDefined();
    expect(cacheFilesAfterStart(node22!).length).toBeGreaterThan(0);
  });

  it('is nothing Node does by itself: the bundle started directly writes none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tidal-mcp-compile-cache-'));
    dirs.push(dir);
    execFileSync(node22!, [resolve(ROOT, 'dist', 'main.js'), '--version'], {
      env: { PATH: process.env.PATH ?? '', TMPDIR: dir },
      stdio: 'ignore',
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('is not written when NODE_DISABLE_COMPILE_CACHE=1', () => {
    expect(cacheFilesAfterStart(node22!, { NODE_DISABLE_COMPILE_CACHE: '1' })).toEqual([]);
  });
});
