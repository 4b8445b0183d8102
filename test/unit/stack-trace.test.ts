/**
 * Stack traces from the bundle name src/ files. The mapper is bundled here with the options that
 * matter from scripts/build.mjs (one ES module, minified whitespace and syntax, a linked source map
 * without sources), into a temporary directory, and run as its own process.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { mapStack } from '../../src/stack-trace.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
let dir: string;
let entry: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tidal-mcp-stack-'));
  entry = join(dir, 'entry.ts');
  writeFileSync(
    entry,
    [
      `import { mapStack } from ${JSON.stringify(join(ROOT, 'src', 'stack-trace.ts'))};`,
      'export function failing(): Error {',
      "  return new Error('fixture failure');",
      '}',
      "process.stdout.write(process.argv[2] === 'raw' ? failing().stack! : mapStack(failing().stack!));",
      '',
    ].join('\n'),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function bundle(sourcemap: boolean): Promise<string> {
  const outfile = join(dir, sourcemap ? 'mapped.mjs' : 'unmapped.mjs');
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'silent',
    ...(sourcemap && { sourcemap: 'linked', sourcesContent: false }),
  });
  return outfile;
}

describe('mapStack', () => {
  it('turns positions in the bundle into the source file, line and column', async () => {
    const outfile = await bundle(true);
    const raw = execFileSync(process.execPath, [outfile, 'raw'], { encoding: 'utf8' });
    expect(raw).toContain(`${outfile}:1:`);
    const mapped = execFileSync(process.execPath, [outfile], { encoding: 'utf8' });
    expect(mapped.split('\n')[0]).toBe('Error: fixture failure');
    expect(mapped).toContain(`${entry}:3:10`);
    expect(mapped).not.toContain(outfile);
  });

  it('leaves the stack as it is when the bundle has no source map', async () => {
    const outfile = await bundle(false);
    const out = execFileSync(process.execPath, [outfile], { encoding: 'utf8' });
    expect(out).toContain(`${outfile}:1:`);
  });

  it('leaves text without positions in the bundle untouched (here: running from src/)', () => {
    const stack = new Error('in process').stack!;
    expect(mapStack(stack)).toBe(stack);
    expect(mapStack('no stack at all')).toBe('no stack at all');
  });
});
