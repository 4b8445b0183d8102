/**
 * The account tool in process with the real TidalAccount and StoredUserSession over an in-memory
 * token store: the in-chat login against the fake's /authorize (the test plays the browser),
 * one pending login at a time, expiry, failures, URL-mode elicitation, HTTP transport, logout.
 * The same flow with the real Secret Service and the built server is test/e2e/account-login.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { TidalAccount } from '../../src/auth/account.js';
import { LOGIN_SCOPES } from '../../src/auth/login.js';
import { StoredUserSession } from '../../src/auth/stored-session.js';
import { DEFAULT_USER, type FakeTidal, startFakeTidal } from '../fake-tidal/index.js';
import { type InProcessServer, startInProcess } from '../helpers/in-process.js';
import { approveInBrowser, freePort } from '../helpers/login.js';
import { MemoryStore } from '../helpers/user-session-fixtures.js';

interface Harness {
  h: InProcessServer;
  store: MemoryStore;
  account: TidalAccount;
  status(): Promise<Record<string, any>>;
  close(): Promise<void>;
}

async function harness(
  fake: FakeTidal,
  options: {
    transport?: 'stdio' | 'http';
    timeoutMs?: number;
    elicitation?: 'accept' | 'decline';
    era?: 'legacy' | 'modern';
  } = {},
): Promise<Harness> {
  const store = new MemoryStore(undefined);
  const endpoint = { tokenUrl: fake.tokenUrl, userAgent: 'account-test' };
  const session = new StoredUserSession({
    store,
    clientId: fake.clientId,
    clientSecret: fake.clientSecret,
    endpoint,
    defaultCountry: 'US',
  });
  const account = new TidalAccount({
    clientId: fake.clientId,
    store,
    session,
    login: {
      clientSecret: fake.clientSecret,
      authorizeUrl: fake.authorizeUrl,
      apiUrl: fake.apiUrl,
      redirectUri: `http://127.0.0.1:${await freePort()}/callback`,
      timeoutMs: options.timeoutMs ?? 60_000,
      endpoint,
    },
    transport: options.transport ?? 'stdio',
  });
  const h = await startInProcess(fake, {
    session,
    account,
    ...(options.elicitation && { elicitation: options.elicitation }),
    ...(options.era && { era: options.era }),
  });
  return {
    h,
    store,
    account,
    status: async () => (await h.tool('account', { action: 'status' })).structured.status,
    close: async () => {
      account.close();
      await h.close();
    },
  };
}

/** Polls (the login completes in the background) until `done` holds, or fails after ~5 s. */
async function eventually(done: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 250; i++) {
    if (await done()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('condition not reached');
}

describe('account', () => {
  let fake: FakeTidal;
  let a: Harness | undefined;
  beforeAll(async () => {
    fake = await startFakeTidal();
  });
  afterEach(async () => {
    await a?.close();
    a = undefined;
  });
  afterAll(() => fake.close());

  it('logs in from the chat: URL at once, the same URL while it waits, tools see the login', async () => {
    a = await harness(fake);
    expect(await a.status()).toMatchObject({ loggedIn: false, storage: 'memory' });
    const started = await a.h.tool('account', { action: 'login' });
    expect(started.isError, started.text).toBe(false);
    const url = new URL(started.structured.login.authorizeUrl as string);
    expect(`${url.origin}${url.pathname}`).toBe(fake.authorizeUrl);
    expect(url.searchParams.get('scope')).toBe(LOGIN_SCOPES.join(' '));
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(started.structured.login.reused).toBe(false);
    expect(started.text).toContain(
      `Open this URL in a browser on this computer and approve access:\n${url.href}`,
    );
    expect(a.store.value).toBeUndefined();

    const again = await a.h.tool('account', { action: 'login' });
    expect(again.structured.login).toMatchObject({ authorizeUrl: url.href, reused: true });
    expect(again.text).toContain('A login is already waiting.');
    expect((await a.status()).pendingLogin.authorizeUrl).toBe(url.href);

    const before = await a.h.tool('get_library', { kind: 'albums' });
    expect(before.text).toContain('Not logged in to TIDAL');
    const page = await approveInBrowser(url.href);
    expect(page.status).toBe(200);
    await eventually(async () => (await a!.status()).loggedIn === true);
    const status = await a.status();
    expect(status).toMatchObject({
      username: DEFAULT_USER.username,
      userId: DEFAULT_USER.id,
      country: DEFAULT_USER.country,
      scopes: LOGIN_SCOPES,
      missingScopes: [],
      renewable: true,
      lastLogin: {
        outcome: 'logged_in',
        message: `Logged in to TIDAL as ${DEFAULT_USER.username} (country ${DEFAULT_USER.country}).`,
      },
    });
    expect(status.pendingLogin).toBeUndefined();
    const after = await a.h.tool('get_library', { kind: 'albums' });
    expect(after.isError, after.text).toBe(false);
    // Nothing secret in any result: the stored tokens appear in no text or structured content.
    const secrets = [a.store.value!.accessToken, a.store.value!.refreshToken!];
    const shown = JSON.stringify([started, again, status, after]);
    expect(secrets.filter((s) => shown.includes(s))).toEqual([]);
  });

  it('a login whose dashboard withholds collection.write: logged in, then re-login asked for', async () => {
    const partial = await startFakeTidal({ withheldScopes: ['collection.write'] });
    try {
      a = await harness(partial);
      const started = await a.h.tool('account', { action: 'login' });
      await approveInBrowser(started.structured.login.authorizeUrl);
      await eventually(async () => (await a!.status()).loggedIn === true);
      const status = await a.status();
      expect(status.missingScopes).toEqual(['collection.write']);
      expect(status.lastLogin.message).toContain('TIDAL did not grant collection.write');
      const write = await a.h.tool('manage_favorites', {
        action: 'add',
        kind: 'albums',
        ids: ['1'],
      });
      expect(write.text).toBe(
        'Your TIDAL login was not granted the collection.write scope. Log in with the account tool (action "login") or run `tidal-mcp login` in a terminal, then try again; if TIDAL still leaves it out, enable collection.write for your app in the TIDAL developer dashboard.',
      );
    } finally {
      await a?.close();
      a = undefined;
      await partial.close();
    }
  });

  it.each(['legacy', 'modern'] as const)(
    'asks a %s-era client that supports URL elicitation to open the URL',
    async (era) => {
      a = await harness(fake, { elicitation: 'accept', era });
      const started = await a.h.tool('account', { action: 'login' });
      expect(a.h.elicitations).toHaveLength(1);
      expect(a.h.elicitations[0]).toMatchObject({
        mode: 'url',
        url: started.structured.login.authorizeUrl,
        message: 'Log in to TIDAL so tidal-mcp can use your library and playlists.',
      });
      expect(started.structured.login).toMatchObject({ opened: 'accept' });
      expect(started.text).toContain(
        'Your client opened the TIDAL login page; approve access there.',
      );
    },
  );

  it('does not ask a client that does not declare URL elicitation', async () => {
    a = await harness(fake, { era: 'modern' });
    const started = await a.h.tool('account', { action: 'login' });
    expect(a.h.elicitations).toEqual([]);
    expect(started.structured.login.opened).toBeUndefined();
    expect(started.text).toContain(started.structured.login.authorizeUrl);
  });

  it('still shows the URL when the user declines to open it', async () => {
    a = await harness(fake, { elicitation: 'decline' });
    const started = await a.h.tool('account', { action: 'login' });
    expect(started.structured.login.opened).toBe('decline');
    expect(started.text).toContain(`approve access:\n${started.structured.login.authorizeUrl}`);
    expect(started.text).not.toContain('A login is already waiting');
  });

  it('reports a login TIDAL refused, and a new login gets a fresh URL', async () => {
    a = await harness(fake);
    const first = (await a.h.tool('account', { action: 'login' })).structured.login.authorizeUrl;
    await approveInBrowser(first, (callback) => {
      callback.searchParams.delete('code');
      callback.searchParams.set('error', 'access_denied');
      callback.searchParams.set('error_description', 'The user denied access');
    });
    await eventually(async () => (await a!.status()).lastLogin !== undefined);
    expect((await a.status()).lastLogin).toEqual({
      outcome: 'failed',
      message: 'The login failed: TIDAL refused the login: The user denied access',
    });
    const second = (await a.h.tool('account', { action: 'login' })).structured.login;
    expect(second.reused).toBe(false);
    expect(second.authorizeUrl).not.toBe(first);
  });

  it('ignores a forged callback and still completes with the real one', async () => {
    a = await harness(fake);
    const url = (await a.h.tool('account', { action: 'login' })).structured.login.authorizeUrl;
    const forged = await approveInBrowser(url, (callback) =>
      callback.searchParams.set('state', 'forged'),
    );
    expect(forged.status).toBe(400);
    expect((await a.status()).pendingLogin?.authorizeUrl).toBe(url);
    expect(a.store.value).toBeUndefined();
    await approveInBrowser(url);
    await eventually(async () => (await a!.status()).loggedIn === true);
  });

  it('gives up on a login after the timeout and says to start again', async () => {
    a = await harness(fake, { timeoutMs: 200 });
    await a.h.tool('account', { action: 'login' });
    await eventually(async () => (await a!.status()).lastLogin !== undefined);
    const status = await a.status();
    expect(status.pendingLogin).toBeUndefined();
    expect(status.lastLogin).toEqual({
      outcome: 'expired',
      message:
        'The login was not completed within 0 s; start it again with the account tool (action "login").',
    });
  });

  it('explains instead of handing out a URL over HTTP', async () => {
    a = await harness(fake, { transport: 'http' });
    const result = await a.h.tool('account', { action: 'login' });
    expect(result.isError).toBe(true);
    expect(result.text).toContain('logging in from the chat is not available over HTTP');
    expect(result.text).toContain('run `tidal-mcp login` in a terminal');
    expect(result.text).not.toContain('/authorize');
  });

  it('logs out only with confirm, and the tools see it', async () => {
    a = await harness(fake);
    await approveInBrowser(
      (await a.h.tool('account', { action: 'login' })).structured.login.authorizeUrl,
    );
    await eventually(async () => (await a!.status()).loggedIn === true);
    const preview = await a.h.tool('account', { action: 'logout' });
    expect(preview.structured).toMatchObject({ preview: true });
    expect(preview.text).toContain(`This would log ${DEFAULT_USER.username} out of TIDAL`);
    expect(a.store.value).toBeDefined();
    const done = await a.h.tool('account', { action: 'logout', confirm: true });
    expect(done.structured).toMatchObject({ removed: true });
    expect(done.text).toBe('Logged out: removed the TIDAL login from the memory.');
    expect(a.store.value).toBeUndefined();
    const after = await a.h.tool('get_library', { kind: 'albums' });
    expect(after.text).toContain('Not logged in to TIDAL');
    expect((await a.h.tool('account', { action: 'status', confirm: true })).text).toContain(
      'confirm: is only used by action logout',
    );
  });

  it('frees the redirect port when the server closes with a login waiting', async () => {
    a = await harness(fake);
    const url = (await a.h.tool('account', { action: 'login' })).structured.login.authorizeUrl;
    const redirect = new URL(new URL(url).searchParams.get('redirect_uri')!);
    a.account.close();
    await eventually(async () =>
      fetch(redirect).then(
        () => false,
        () => true,
      ),
    );
    expect((await a.status()).pendingLogin).toBeUndefined();
  });
});
