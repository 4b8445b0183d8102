/**
 * The in-chat login end to end: the built server over stdio, a real MCP client calling the
 * account tool, the fake TIDAL's /authorize (the test plays the browser), and the real Secret
 * Service from scripts/with-keyring.sh. The tokens must end up in the keychain and nowhere else:
 * no file under HOME or the repository, no tool result, no log line.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { LOGIN_SCOPES } from '../../src/auth/login.js';
import { DEFAULT_USER, type FakeTidal, startFakeTidal } from '../fake-tidal/index.js';
import { keyringRequirement } from '../helpers/environment.js';
import { approveInBrowser, loginEnv } from '../helpers/login.js';
import { filesContaining } from '../helpers/secrets.js';
import { callTool, ROOT, startServer, type ToolCallOutcome } from './harness.js';

const keyring = keyringRequirement('in-chat login test (real Secret Service)');

function keychainEntry(service: string, account: string): string {
  return execFileSync('secret-tool', ['lookup', 'service', service, 'username', account], {
    encoding: 'utf8',
  });
}

describe.skipIf(!keyring.available)(
  'account login from the chat (built server, real keychain)',
  () => {
    let fake: FakeTidal;
    beforeAll(async () => {
      fake = await startFakeTidal();
    });
    afterAll(() => fake.close());

    it('stores the tokens in the keychain only, and the next call sees the login', async () => {
      const home = mkdtempSync(join(tmpdir(), 'tidal-mcp-home-'));
      const env = await loginEnv(fake, { HOME: home, XDG_CONFIG_HOME: join(home, '.config') });
      const server = await startServer(env);
      const outcomes: ToolCallOutcome[] = [];
      const call = async (name: string, args: Record<string, unknown>) => {
        const outcome = await callTool(server, name, args);
        outcomes.push(outcome);
        return outcome;
      };
      try {
        const started = await call('account', { action: 'login' });
        expect(started.isError, started.text).toBe(false);
        const url = (started.structured?.login as { authorizeUrl: string }).authorizeUrl;
        expect(url.startsWith(`${fake.authorizeUrl}?`)).toBe(true);
        expect(started.text).toContain(url);
        expect((await call('account', { action: 'status' })).structured?.status).toMatchObject({
          loggedIn: false,
          pendingLogin: { authorizeUrl: url },
        });

        const page = await approveInBrowser(url);
        expect(page.body).toContain('You can close this tab');
        let status: Record<string, unknown> | undefined;
        for (let i = 0; i < 250 && status?.loggedIn !== true; i++) {
          await new Promise((r) => setTimeout(r, 20));
          status = (await call('account', { action: 'status' })).structured?.status as never;
        }
        expect(status).toMatchObject({
          loggedIn: true,
          username: DEFAULT_USER.username,
          country: DEFAULT_USER.country,
          scopes: LOGIN_SCOPES,
        });
        expect(String(status?.storage)).toContain('OS keychain');

        const stored = JSON.parse(
          keychainEntry(env.TIDAL_MCP_KEYCHAIN_SERVICE!, env.TIDAL_CLIENT_ID!),
        ) as { accessToken: string; refreshToken: string; userId: string };
        expect(stored.userId).toBe(DEFAULT_USER.id);
        const library = await call('get_library', { kind: 'mixes' });
        expect(library.isError, library.text).toBe(false);
        expect((library.structured?.items as unknown[]).length).toBeGreaterThan(0);

        const exchange = fake.userLogin.lastExchange!;
        const secrets = [stored.accessToken, stored.refreshToken];
        const forbidden = [...secrets, exchange.code, exchange.verifier, env.TIDAL_CLIENT_SECRET!];
        const everything = JSON.stringify(outcomes) + server.stderr() + page.body;
        expect(forbidden.filter((secret) => everything.includes(secret))).toEqual([]);
        expect(filesContaining(home, secrets)).toEqual([]);
        expect(filesContaining(ROOT, secrets)).toEqual([]);

        const logout = await call('account', { action: 'logout', confirm: true });
        expect(logout.structured).toMatchObject({ removed: true });
        expect(() =>
          keychainEntry(env.TIDAL_MCP_KEYCHAIN_SERVICE!, env.TIDAL_CLIENT_ID!),
        ).toThrow();
      } finally {
        await server.close();
      }
    });
  },
);
