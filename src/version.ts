import { createRequire } from 'node:module';

/** package.json is one level above both src/ and dist/, so the same relative path works in both. */
export function packageVersion(): string {
  const require = createRequire(import.meta.url);
  const pkg = require('../package.json') as { version: string };
  return pkg.version;
}
