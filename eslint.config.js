// @ts-check
import path from 'node:path';

import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import simpleImportSort from 'eslint-plugin-simple-import-sort';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The architecture as an allow-list: what each part of src/ may import from the rest of src/
 * (paths relative to src/; a folder allows everything under it). Layers point one way:
 * index (the executable) → main (CLI dispatch) → transports → server → tools/commands → auth → tidal, with config, log, errors and
 * version at the bottom. A new file is covered by the first entry whose folder contains it.
 */
const ALLOWED_IMPORTS = {
  'tidal/': ['tidal/', 'errors.ts'],
  'auth/': ['auth/', 'tidal/', 'errors.ts'],
  'matching/': ['matching/', 'tidal/isrc.ts', 'errors.ts'],
  'tools/': ['tools/', 'tidal/', 'matching/', 'auth/user-session.ts', 'errors.ts', 'log.ts'],
  'transports/': ['transports/', 'app.ts', 'server.ts', 'config.ts', 'errors.ts', 'log.ts'],
  'server.ts': [
    'server.ts',
    'form-schema-validator.ts',
    'tools/',
    'resources/',
    'prompts/',
    'identity.ts',
    'log.ts',
    'version.ts',
  ],
  'resources/': ['resources/', 'tools/', 'tidal/', 'auth/user-session.ts', 'errors.ts'],
  'prompts/': ['prompts/', 'tools/', 'tidal/', 'auth/user-session.ts', 'errors.ts', 'resources/'],
  'identity.ts': ['identity.ts', 'version.ts'],
  'commands.ts': [
    'commands.ts',
    'auth/',
    'tidal/',
    'config.ts',
    'errors.ts',
    'log.ts',
    'version.ts',
  ],
  'app.ts': [
    'app.ts',
    'auth/',
    'tidal/',
    'tools/',
    'config.ts',
    'errors.ts',
    'log.ts',
    'version.ts',
  ],
  'config.ts': ['config.ts', 'errors.ts'],
  'form-schema-validator.ts': ['form-schema-validator.ts'],
  'sdk-shims.ts': ['form-schema-validator.ts'],
  'log.ts': ['log.ts', 'stack-trace.ts'],
  'stack-trace.ts': ['stack-trace.ts'],
  'errors.ts': ['errors.ts'],
  'version.ts': ['version.ts'],
  'index.ts': ['main.ts'],
  'main.ts': [''],
};

const SRC = path.join(import.meta.dirname, 'src');

/** @param {string} relative @param {string} entry */
const covers = (relative, entry) =>
  entry === '' || (entry.endsWith('/') ? relative.startsWith(entry) : relative === entry);

/** A local rule: relative imports inside src/ must be on the importing file's allow-list. */
const layersPlugin = {
  rules: {
    'allowed-imports': {
      meta: { type: 'problem', schema: [] },
      /** @param {import('eslint').Rule.RuleContext} context */
      create(context) {
        const from = path.relative(SRC, context.filename).split(path.sep).join('/');
        const owner = Object.keys(ALLOWED_IMPORTS).find((entry) => covers(from, entry));
        if (from.startsWith('..') || owner === undefined) return {};
        const allowed = ALLOWED_IMPORTS[/** @type {keyof typeof ALLOWED_IMPORTS} */ (owner)];
        /** @param {import('estree').Node & { source?: import('estree').Literal | null }} node */
        const check = (node) => {
          const spec = node.source?.value;
          if (typeof spec !== 'string' || !spec.startsWith('.')) return;
          const target = path
            .relative(SRC, path.resolve(path.dirname(context.filename), spec))
            .split(path.sep)
            .join('/')
            .replace(/\.js$/, '.ts');
          if (!allowed.some((entry) => covers(target, entry))) {
            context.report({
              node,
              message: `src/${owner} may not import src/${target} (allowed: ${allowed.join(', ')}); see ALLOWED_IMPORTS in eslint.config.js.`,
            });
          }
        };
        return {
          ImportDeclaration: check,
          ExportNamedDeclaration: check,
          ExportAllDeclaration: check,
          ImportExpression: check,
        };
      },
    },
  },
};

export default defineConfig(
  { ignores: ['dist/', 'coverage/', 'node_modules/', '.bundle/', '.tmp/', '.cache/'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'simple-import-sort': simpleImportSort },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'error',
      // One import order everywhere (autofixed by `eslint --fix`), so diffs never reorder imports.
      'simple-import-sort/imports': 'error',
      'simple-import-sort/exports': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { layers: layersPlugin },
    rules: {
      'layers/allowed-imports': 'error',
      // Small files and functions keep the code easy to walk into; an exception needs a comment.
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Only src/config.ts reads the environment.',
        },
      ],
    },
  },
  {
    files: ['src/config.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['src/tidal/**/*.ts', 'src/auth/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@modelcontextprotocol/*'],
              message: 'src/tidal and src/auth must not depend on MCP.',
            },
          ],
        },
      ],
    },
  },
  {
    // Time in the client goes through the injectable clock, so retry, rate-limit and cache
    // tests run instantly and deterministically.
    files: ['src/tidal/**/*.ts'],
    ignores: ['src/tidal/clock.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Only src/config.ts reads the environment.',
        },
        { object: 'Date', property: 'now', message: 'Use the Clock (src/tidal/clock.ts).' },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: 'Use the Clock (src/tidal/clock.ts).' },
        { name: 'setInterval', message: 'Use the Clock (src/tidal/clock.ts).' },
      ],
    },
  },
  {
    files: ['src/tools/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'undici', message: 'Tools talk to TIDAL through src/tidal only.' },
            { name: 'lru-cache', message: 'Caching lives in src/tidal.' },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts', '*.config.*'],
    rules: {
      'no-console': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
