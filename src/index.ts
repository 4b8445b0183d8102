#!/usr/bin/env node
/**
 * The `tidal-mcp` executable: a few lines in front of the bundle (dist/main.js), kept apart from it
 * because Node's module compile cache (Node >= 22.1) covers only modules loaded after it is
 * switched on: later starts then reuse V8's compiled code for the bundle instead of parsing it
 * again. The cache lives where Node keeps it by default (os.tmpdir()/node-compile-cache, or
 * NODE_COMPILE_CACHE); NODE_DISABLE_COMPILE_CACHE=1 turns it off. Stack traces are mapped back to
 * src/ lazily, when one is printed (src/stack-trace.ts).
 */
import nodeModule from 'node:module';

const { enableCompileCache } = nodeModule as { enableCompileCache?: () => unknown };
enableCompileCache?.();
await import('./main.js');
