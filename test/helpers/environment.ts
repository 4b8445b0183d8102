/**
 * What a test needs from the machine, and what happens when it is missing: the test is SKIPPED
 * with a loud notice naming the one command that enables it, or, with CI=true, it FAILS, because
 * CI must run everything. Never a silent pass.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');

export interface Requirement {
  available: boolean;
  /** Why it is missing and how to enable it (empty when available). */
  notice: string;
}

export function requirement(available: boolean, what: string, enable: string): Requirement {
  if (available) return { available, notice: '' };
  const notice = `${what} SKIPPED: ${enable}`;
  if (process.env.CI === 'true') throw new Error(`${notice} (CI=true: this is a failure)`);
  console.warn(`\n*** ${notice} ***\n`);
  return { available, notice };
}

/** A real Secret Service from scripts/with-keyring.sh (always there on macOS and Windows). */
export function keyringRequirement(what = 'keychain tests'): Requirement {
  return requirement(
    process.platform !== 'linux' || process.env.TIDAL_MCP_TEST_KEYRING === '1',
    what,
    'run through `npm test` (scripts/with-keyring.sh) on a machine with dbus and gnome-keyring: sudo bash scripts/install-system-deps.sh',
  );
}

/** The official TIDAL OpenAPI document, read from ../shared (never copied into the repo). */
export const OAS_PATH = resolve(ROOT, '..', 'shared', 'tidal-api', 'tidal-api-oas.json');

export function specRequirement(what = 'TIDAL spec checks'): Requirement {
  return requirement(
    existsSync(OAS_PATH),
    what,
    `the TIDAL OpenAPI document is not at ${OAS_PATH}; check out the shared reference folder beside the repository`,
  );
}
