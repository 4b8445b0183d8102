#!/usr/bin/env node
/**
 * `npm run build`: dist/ as one bundled ES module (esbuild), in two files:
 *   dist/main.js (+ .map)  the whole server and its dependencies, except @napi-rs/keyring, whose
 *                          native binaries are chosen per platform at run time (loaded lazily);
 *   dist/index.js          the executable: switches on Node's compile cache and source maps, then
 *                          imports main.js (see src/index.ts for why it is a file of its own).
 * Also dist/THIRD_PARTY_LICENSES.md: the licence of every package the bundle carries.
 * Type checking is `npm run typecheck` (tsc); esbuild only strips types.
 *
 * Usage: node scripts/build.mjs
 */
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** Packages that stay outside the bundle: native, per-platform binaries. */
export const EXTERNAL = ['@napi-rs/keyring'];

/**
 * Node built-ins as require() calls inside the bundle instead of top-level ES imports. An ES
 * import of a built-in is linked before any code runs and, for some (node:http), builds an ES
 * facade that evaluates every lazy export (Node's own fetch); hoisted to the top of one bundle,
 * that would happen at start-up for modules only the HTTP transport or login use. As require()
 * they load when the module that needs them is first evaluated.
 */
const builtinsAsRequire = {
  name: 'builtins-as-require',
  setup(b) {
    const names = new Set(builtinModules);
    b.onResolve({ filter: /^[a-z_/:0-9]+$/ }, (args) => {
      const bare = args.path.replace(/^node:/, '');
      if (!names.has(bare) || args.namespace === 'builtin') return undefined;
      return { path: `node:${bare}`, namespace: 'builtin' };
    });
    b.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: `node${/\d+(\.\d+)*/.exec(pkg.engines.node)[0]}`,
  logLevel: 'warning',
  legalComments: 'none',
  // Less to read and parse at start-up. Identifiers keep their names: stack traces stay readable
  // and each lazily loaded module's initialiser keeps its source path as its name.
  minifyWhitespace: true,
  minifySyntax: true,
};

rmSync(dist, { recursive: true, force: true });
const { metafile } = await build({
  ...common,
  entryPoints: { main: 'src/main.ts' },
  outdir: 'dist',
  external: EXTERNAL,
  // Stack traces need file names and lines only; the sources themselves stay out of the map.
  sourcemap: 'linked',
  sourcesContent: false,
  metafile: true,
  plugins: [builtinsAsRequire],
  // The SDK's Node shim loads Ajv (about 210 KB, 10-15 ms of every start) only to offer it as the
  // default JSON Schema validator, which the server replaces with its own (src/sdk-shims.ts).
  alias: { '@modelcontextprotocol/server/_shims': './src/sdk-shims.ts' },
  // Bundled CommonJS packages (undici) call require() for Node built-ins; an ES module has none.
  banner: {
    js: "import { createRequire as __tidalMcpCreateRequire } from 'node:module';\nconst require = __tidalMcpCreateRequire(import.meta.url);",
  },
});
// The alias above works only while the SDK imports its shim by that name; say so if it stops.
if (Object.keys(metafile.inputs).some((input) => input.includes('node_modules/ajv/'))) {
  throw new Error('build: Ajv is in the bundle again; check the _shims alias against the SDK');
}
await build({
  ...common,
  entryPoints: { index: 'src/index.ts' },
  outdir: 'dist',
  external: ['./main.js'],
});
chmodSync(join(dist, 'index.js'), 0o755);

/** name@version and licence text of each package in the bundle, from its own files. */
function thirdPartyLicenses() {
  const packages = new Map();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\//.exec(input);
    if (match && !packages.has(match[2])) packages.set(match[2], join(root, match[1]));
  }
  const sections = [...packages]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, dir]) => {
      const meta = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      const file = readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
      const text = file ? readFileSync(join(dir, file), 'utf8').trim() : `License: ${meta.license}`;
      const fence = '```';
      return `## ${name}@${meta.version} (${meta.license})\n\n${fence}text\n${text}\n${fence}\n`;
    });
  return `# Third-party software in dist/main.js\n\n${sections.join('\n')}`;
}

writeFileSync(join(dist, 'THIRD_PARTY_LICENSES.md'), thirdPartyLicenses());
if (!existsSync(join(dist, 'main.js.map'))) throw new Error('build: the source map is missing');
