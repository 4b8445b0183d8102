/**
 * Runs the real `tidal-mcp login --no-browser` against a fake TIDAL and plays the browser:
 * follows the printed authorize URL to the loopback callback. Tests that need a logged-in
 * server call loginForTests(fake, env) with the env they will start the server with:
 *
 *   const env = await loginEnv(fake);            // private keychain service + free redirect port
 *   const run = await loginForTests(fake, env);  // run.code === 0 once logged in
 *   const server = await startServer(env);       // test/e2e/harness.ts, now logged in
 *
 * `env` defaults to loginEnv(fake); `tamper` may edit the callback URL (e.g. a forged state).
 *
 * Each call should use its own TIDAL_MCP_KEYCHAIN_SERVICE (see loginEnv) so tests never share
 * credentials. Needs a reachable keychain: `npm test` runs inside scripts/with-keyring.sh.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';

import { fakeEnv, SERVER_ENTRY } from '../e2e/harness.js';
import type { FakeTidal } from '../fake-tidal/index.js';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Env for a server/CLI talking to `fake`, with a private keychain service and redirect port. */
export async function loginEnv(
  fake: FakeTidal,
  extra: Record<string, string> = {},
): Promise<Record<string, string>> {
  return fakeEnv(fake, {
    TIDAL_REDIRECT_URI: `http://127.0.0.1:${await freePort()}/callback`,
    TIDAL_MCP_KEYCHAIN_SERVICE: `tidal-mcp-test-${randomUUID()}`,
    // The private Secret Service that scripts/with-keyring.sh started for this test run.
    DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS ?? '',
    ...extra,
  });
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run a CLI command of the built server to completion. */
export function runCli(
  args: string[],
  env: Record<string, string>,
  onStderr?: (text: string) => void,
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SERVER_ENTRY, ...args], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS ?? '',
        XDG_DATA_HOME: process.env.XDG_DATA_HOME ?? '',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
      onStderr?.(stderr);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Follow the authorize URL like a browser would: 302 from TIDAL, then GET the callback. */
export async function approveInBrowser(
  authorizeUrl: string,
  tamper?: (callback: URL) => void,
): Promise<{ status: number; body: string }> {
  const redirect = await fetch(authorizeUrl, { redirect: 'manual' });
  const location = redirect.headers.get('location');
  if (!location) throw new Error(`authorize answered ${redirect.status} without a redirect`);
  const callback = new URL(location);
  tamper?.(callback);
  const page = await fetch(callback);
  return { status: page.status, body: await page.text() };
}

/** The full login; resolves with the CLI run once it has exited. */
export async function loginForTests(
  fake: FakeTidal,
  env?: Record<string, string>,
  tamper?: (callback: URL) => void,
): Promise<CliRun & { env: Record<string, string>; page?: { status: number; body: string } }> {
  env ??= await loginEnv(fake);
  let page: { status: number; body: string } | undefined;
  let approving: Promise<void> | undefined;
  const run = await runCli(['login', '--no-browser'], env, (stderr) => {
    const url = /(http:\/\/\S+\/authorize\?\S+)/.exec(stderr)?.[1];
    if (url && !approving) {
      approving = approveInBrowser(url, tamper).then((p) => {
        page = p;
      });
    }
  });
  await approving;
  return { ...run, env, ...(page && { page }) };
}
