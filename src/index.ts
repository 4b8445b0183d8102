#!/usr/bin/env node
/**
 * The `tidal-mcp` executable: a few lines in front of the bundle (dist/main.js), kept apart from it
 * so what it switches on covers everything loaded after it.
 * - Node's module compile cache (Node >= 22.1): later starts reuse V8's compiled code instead of
 *   parsing the bundle again. It lives where Node keeps it by default (os.tmpdir()/
 *   node-compile-cache, or NODE_COMPILE_CACHE; NODE_DISABLE_COMPILE_CACHE=1 turns it off).
 * - Source maps, so a stack trace in a bug report names src/ files and lines, not the bundle's.
 */
import nodeModule from 'node:module';

const { enableCompileCache } = nodeModule as { enableCompileCache?: () => unknown };
enableCompileCache?.();
process.setSourceMapsEnabled?.(true);
await import('./main.js');
