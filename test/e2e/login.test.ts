/**
 * `tidal-mcp login`, `status` and `logout` end to end: the built CLI, the fake TIDAL's
 * /authorize and token endpoint, and the real Secret Service started by scripts/with-keyring.sh.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { LOGIN_SCOPES } from '../../src/auth/login.js';
import { DEFAULT_USER, type FakeTidal, startFakeTidal } from '../fake-tidal/index.js';
import { keyringRequirement } from '../helpers/environment.js';
import { loginEnv, loginForTests, runCli } from '../helpers/login.js';
import { filesContaining } from '../helpers/secrets.js';
import { callTool, startServer } from './harness.js';

const keyring = keyringRequirement('login/status/logout tests (real Secret Service)');

function secretToolLookup(service: string, account: string): string {
  return execFileSync('secret-tool', ['lookup', 'service', service, 'username', account], {
    encoding: 'utf8',
  });
}

describe.skipIf(!keyring.available)('tidal-mcp login / status / logout', () => {
  let fake: FakeTidal;
  beforeAll(async () => {
    fake = await startFakeTidal();
  });
  afterAll(() => fake.close());

  it('logs in with PKCE, stores the tokens only in the keychain, and reports status', async () => {
    const home = mkdtempSync(join(tmpdir(), 'tidal-mcp-home-'));
    const env = await loginEnv(fake, { HOME: home, XDG_CONFIG_HOME: join(home, '.config') });
    const run = await loginForTests(fake, env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.page?.status).toBe(200);
    expect(run.page?.body).toContain('You can close this tab');
    expect(run.stderr).toContain(
      `Logged in to TIDAL as ${DEFAULT_USER.username} (country ${DEFAULT_USER.country}).`,
    );

    const stored = JSON.parse(
      secretToolLookup(env.TIDAL_MCP_KEYCHAIN_SERVICE!, env.TIDAL_CLIENT_ID!),
    ) as {
      accessToken: string;
      refreshToken: string;
      userId: string;
      scopes: string[];
      country: string;
    };
    expect(stored).toMatchObject({
      userId: DEFAULT_USER.id,
      country: DEFAULT_USER.country,
      scopes: LOGIN_SCOPES,
    });
    const secrets = [stored.accessToken, stored.refreshToken];
    expect(secrets.every((s) => typeof s === 'string' && s.length > 10)).toBe(true);
    // Everything that must never be shown: tokens, the code, the PKCE verifier, the secret.
    const exchange = fake.userLogin.lastExchange!;
    const forbidden = [...secrets, exchange.code, exchange.verifier, env.TIDAL_CLIENT_SECRET!];
    expect(exchange.verifier.length).toBeGreaterThanOrEqual(43);
    const shown = (text: string) => forbidden.filter((secret) => text.includes(secret));
    expect(shown(run.stderr + run.stdout)).toEqual([]);
    expect(shown(run.page?.body ?? '')).toEqual([]);
    expect(filesContaining(home, secrets)).toEqual([]);
    expect(filesContaining(process.cwd(), secrets)).toEqual([]);

    const status = await runCli(['status'], env);
    expect(status.code).toBe(0);
    expect(status.stderr).toContain(`user id ${DEFAULT_USER.id}, country ${DEFAULT_USER.country}`);
    expect(status.stderr).toContain(`Scopes: ${LOGIN_SCOPES.join(' ')}`);
    expect(status.stderr).toContain('renewable (refresh token stored)');
    expect(shown(status.stderr + status.stdout)).toEqual([]);

    // The logged-in server can now manage playlists.
    const server = await startServer(env);
    try {
      const created = await callTool(server, 'manage_playlist', {
        action: 'create',
        name: 'E2E after login',
      });
      expect(created.isError, created.text).toBe(false);
      const id = (created.structured?.playlist as { id: string }).id;
      expect(fake.userPlaylists.get(id)?.ownerId).toBe(DEFAULT_USER.id);
      const listed = await callTool(server, 'get_library', { kind: 'playlists' });
      expect((listed.structured?.items as { id: string }[]).map((p) => p.id)).toContain(id);
      expect(shown(server.stderr())).toEqual([]);
    } finally {
      await server.close();
    }

    const logout = await runCli(['logout'], env);
    expect(logout.code).toBe(0);
    expect(logout.stderr).toContain('Logged out: removed the TIDAL login from the OS keychain');
    expect(shown(logout.stderr + logout.stdout)).toEqual([]);
    expect(() => secretToolLookup(env.TIDAL_MCP_KEYCHAIN_SERVICE!, env.TIDAL_CLIENT_ID!)).toThrow();
    const after = await runCli(['status'], env);
    expect(after.code).toBe(1);
    expect(after.stderr).toContain('Not logged in');
    const again = await runCli(['logout'], env);
    expect(again.stderr).toContain('Nothing to remove');
  });

  it('says when TIDAL issued no refresh token (log in again after ~4 h)', async () => {
    const noRefresh = await startFakeTidal({ issueRefreshTokens: false });
    try {
      const env = await loginEnv(noRefresh);
      const run = await loginForTests(noRefresh, env);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toContain(
        'TIDAL issued no refresh token: run `tidal-mcp login` again when the login expires.',
      );
      const stored = JSON.parse(
        secretToolLookup(env.TIDAL_MCP_KEYCHAIN_SERVICE!, env.TIDAL_CLIENT_ID!),
      ) as Record<string, unknown>;
      expect(stored.refreshToken).toBeUndefined();
      const status = await runCli(['status'], env);
      expect(status.code).toBe(0);
      expect(status.stderr).toContain('no refresh token: log in again after it expires');
      expect((await runCli(['logout'], env)).code).toBe(0);
    } finally {
      await noRefresh.close();
    }
  });

  it('records the granted scopes and warns about a missing one', async () => {
    const partial = await startFakeTidal({ withheldScopes: ['playlists.write'] });
    try {
      const env = await loginEnv(partial);
      const run = await loginForTests(partial, env);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toContain(
        'warning: TIDAL did not grant playlists.write; enable these scopes for your app in the TIDAL developer dashboard.',
      );
      const status = await runCli(['status'], env);
      expect(status.stderr).toContain(
        `Scopes: ${LOGIN_SCOPES.filter((s) => s !== 'playlists.write').join(' ')}\n`,
      );
      expect((await runCli(['logout'], env)).code).toBe(0);
    } finally {
      await partial.close();
    }
  });

  it('reports an OAuth error from the authorization server and stores nothing', async () => {
    const env = await loginEnv(fake);
    const run = await loginForTests(fake, env, (callback) => {
      callback.searchParams.delete('code');
      callback.searchParams.set('error', 'access_denied');
      callback.searchParams.set('error_description', 'The user denied access');
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Login failed: TIDAL refused the login: The user denied access');
    expect(run.page?.status).toBe(400);
    expect(run.page?.body).toContain('Login failed');
    expect((await runCli(['status'], env)).code).toBe(1);
  });

  it('answers a forged callback (wrong or missing state) with 400 and keeps waiting for the real one', async () => {
    const env = await loginEnv(fake);
    const pages: { status: number; body: string }[] = [];
    let browsing: Promise<void> | undefined;
    const run = await runCli(['login', '--no-browser'], env, (stderr) => {
      const url = /(http:\/\/\S+\/authorize\?\S+)/.exec(stderr)?.[1];
      if (!url || browsing) return;
      browsing = (async () => {
        const redirect = await fetch(url, { redirect: 'manual' });
        const genuine = new URL(redirect.headers.get('location')!);
        const forged = (edit: (u: URL) => void) => {
          const u = new URL(genuine);
          edit(u);
          return u;
        };
        for (const target of [
          forged((u) => u.searchParams.set('state', 'forged')),
          forged((u) => u.searchParams.delete('state')),
          forged((u) => {
            u.search = '?error=access_denied&error_description=forged';
          }),
          genuine,
        ]) {
          const page = await fetch(target);
          pages.push({ status: page.status, body: await page.text() });
        }
      })();
    });
    await browsing;
    expect(pages.map((p) => p.status)).toEqual([400, 400, 400, 200]);
    expect(pages[0]?.body).toContain('This request did not come from the running tidal-mcp login');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`Logged in to TIDAL as ${DEFAULT_USER.username}`);
    const ignored = run.stderr.match(/warning: ignored a request to the login callback/g) ?? [];
    expect(ignored).toHaveLength(1);
    expect((await runCli(['logout'], env)).code).toBe(0);
  });

  it('is ended only by the timeout when only forged callbacks arrive', async () => {
    const env = await loginEnv(fake, { TIDAL_MCP_LOGIN_TIMEOUT_SECONDS: '3' });
    let forging: Promise<number> | undefined;
    const run = await runCli(['login', '--no-browser'], env, () => {
      forging ??= fetch(`${env.TIDAL_REDIRECT_URI}?code=attacker-code&state=guessed`).then(
        (page) => page.status,
      );
    });
    expect(await forging).toBe(400);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Login failed: no answer from the browser within 3 s');
    expect((await runCli(['status'], env)).code).toBe(1);
  });

  it('times out with a clear message when the browser never comes back', async () => {
    const env = await loginEnv(fake, { TIDAL_MCP_LOGIN_TIMEOUT_SECONDS: '1' });
    const run = await runCli(['login', '--no-browser'], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Login failed: no answer from the browser within 1 s');
  });

  it('refuses a redirect URI that is not loopback', async () => {
    const env = await loginEnv(fake, { TIDAL_REDIRECT_URI: 'https://example.com/callback' });
    const run = await runCli(['login', '--no-browser'], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('TIDAL_REDIRECT_URI must be a loopback http URL with a port');
  });

  it('opt-in file store: 0600 file, a warning, and no keychain needed', async () => {
    const home = mkdtempSync(join(tmpdir(), 'tidal-mcp-file-'));
    const env = await loginEnv(fake, {
      TIDAL_MCP_TOKEN_STORE: 'file',
      XDG_CONFIG_HOME: join(home, 'config'),
      DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent',
    });
    const run = await loginForTests(fake, env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('warning: TIDAL_MCP_TOKEN_STORE=file keeps your TIDAL tokens in');
    const file = join(home, 'config', 'tidal-mcp', 'credentials.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ userId: DEFAULT_USER.id });

    // Opened up to others: still works, with a warning that says what to do.
    chmodSync(file, 0o644);
    const exposed = await runCli(['status'], env);
    expect(exposed.code).toBe(0);
    expect(exposed.stderr).toContain(
      `warning: ${file} is open to other users (mode 644): run \`chmod 600 ${file}\``,
    );
    // A directory others can write to: refused, with the fix, and nothing is read.
    const dir = join(home, 'config', 'tidal-mcp');
    chmodSync(dir, 0o777);
    const refused = await runCli(['status'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      `refusing to keep TIDAL credentials in ${dir}: other users can write to it (mode 777). Run \`chmod 700 ${dir}\` and try again.\n`,
    );
    chmodSync(dir, 0o700);
  });

  it('says how to fix a missing keychain', async () => {
    const env = await loginEnv(fake, { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' });
    const login = await runCli(['login', '--no-browser'], env);
    expect(login.code).toBe(1);
    expect(login.stderr).toContain('Login failed: No OS keychain is reachable');
    expect(login.stderr).toContain('dbus-run-session');
    // It fails before anyone is sent to the browser.
    expect(login.stderr).not.toContain('/authorize?');
    const status = await runCli(['status'], env);
    expect(status.code).toBe(1);
    expect(status.stderr).toContain('No OS keychain is reachable');
    expect(status.stderr).toContain('TIDAL_MCP_TOKEN_STORE=file');
  });
});
