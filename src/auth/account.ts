/**
 * The account behind the account tool: status, an in-process PKCE login and logout. The login is
 * the same flow as `tidal-mcp login` (login.ts), started in the server process: it answers at
 * once with the authorize URL and completes in the background when TIDAL redirects back, storing
 * the tokens in the TokenStore (the OS keychain) and telling the session to read them again.
 *
 * One login waits at a time: a second login() while one waits returns the same URL, so the last
 * URL handed out is always the one that completes. A waiting login gives up after the CLI's
 * timeout; close() abandons it (the loopback listener must not outlive the server).
 */
import { userMessage } from '../errors.js';
import type { TokenStore } from './credentials.js';
// The login flow itself (loopback listener, token exchange) loads only when a login starts.
import type { StartLoginOptions } from './login.js';
import { LOGIN_SCOPES, LoginError } from './login-basics.js';
import type { Account, AccountStatus, PendingLogin } from './user-session.js';

export interface AccountOptions {
  clientId: string | undefined;
  /** Undefined when there is no TIDAL_CLIENT_ID (nobody can log in). */
  store: TokenStore | undefined;
  /** The session the tools use; it must drop what it remembered after a login or logout. */
  session: { forget(): void };
  /** Everything startLogin needs besides the client id, the store and the signal. */
  login: Omit<StartLoginOptions, 'clientId' | 'store' | 'signal'>;
  /** Over HTTP the loopback redirect reaches the server's machine, not the user's browser's. */
  transport: 'stdio' | 'http';
  /** Where to note a completed or failed login (the server log). */
  onEvent?: (message: string) => void;
  now?: () => number;
}

interface Waiting {
  authorizeUrl: string;
  expiresAt: number;
  controller: AbortController;
}

const NO_CLIENT_ID =
  'TIDAL_CLIENT_ID is not set: set it (and TIDAL_CLIENT_SECRET) to your TIDAL app credentials in the MCP server configuration first';

export class TidalAccount implements Account {
  private waiting: Waiting | undefined;
  private starting: Promise<PendingLogin> | undefined;
  private last: AccountStatus['lastLogin'];
  private readonly now: () => number;

  constructor(private readonly options: AccountOptions) {
    this.now = options.now ?? Date.now;
  }

  async status(): Promise<AccountStatus> {
    const { store, clientId } = this.options;
    const pending = this.pending();
    const news = {
      ...(pending && { pendingLogin: { ...pending, reused: true } }),
      ...(this.last && { lastLogin: this.last }),
    };
    const none = { loggedIn: false, scopes: [], missingScopes: [...LOGIN_SCOPES], ...news };
    if (!store || !clientId) return { ...none, problem: NO_CLIENT_ID };
    const c = await store.load();
    if (!c) return { ...none, storage: store.describe() };
    if (c.clientId !== clientId) {
      const problem = 'the stored login belongs to another TIDAL_CLIENT_ID';
      return { ...none, storage: store.describe(), problem };
    }
    const expired = c.expiresAt <= this.now();
    return {
      loggedIn: !expired || c.refreshToken !== undefined,
      ...(c.username && { username: c.username }),
      userId: c.userId,
      ...(c.country && { country: c.country }),
      scopes: [...c.scopes],
      missingScopes: LOGIN_SCOPES.filter((s) => !c.scopes.includes(s)),
      expiresAt: new Date(c.expiresAt).toISOString(),
      expired,
      renewable: c.refreshToken !== undefined,
      storage: store.describe(),
      ...news,
    };
  }

  login(): Promise<PendingLogin> {
    const pending = this.pending();
    if (pending) return Promise.resolve({ ...pending, reused: true });
    // Two calls at once share one start: a second listener on the same port would fail.
    this.starting ??= this.begin().finally(() => {
      this.starting = undefined;
    });
    return this.starting;
  }

  async logout(): Promise<{ removed: boolean; storage: string }> {
    const { store } = this.options;
    if (!store) throw new LoginError(NO_CLIENT_ID);
    // A login still waiting would log the user straight back in: abandon it first.
    this.abandon();
    const removed = await store.remove();
    this.options.session.forget();
    return { removed, storage: store.describe() };
  }

  /** Abandon a waiting login (server shutdown). */
  close(): void {
    this.abandon();
  }

  private pending(): Omit<PendingLogin, 'reused'> | undefined {
    const w = this.waiting;
    if (!w || w.expiresAt <= this.now()) return undefined;
    return { authorizeUrl: w.authorizeUrl, expiresAt: new Date(w.expiresAt).toISOString() };
  }

  private abandon(): void {
    this.waiting?.controller.abort();
    this.waiting = undefined;
  }

  private async begin(): Promise<PendingLogin> {
    const { store, clientId, transport, login } = this.options;
    if (transport === 'http') throw new LoginError(httpExplanation(login.redirectUri));
    if (!store || !clientId) throw new LoginError(NO_CLIENT_ID);
    // A missing keychain should fail now, with the fix, not after the user clicked "Allow".
    await store.load();
    this.abandon();
    const controller = new AbortController();
    // Taken before the listener's timer starts, so a timeout is always at or after expiresAt.
    const expiresAt = this.now() + login.timeoutMs;
    let warned = false;
    const onIgnored = () => {
      if (warned) return;
      warned = true;
      this.options.onEvent?.(
        "account: ignored a request to the login callback that did not carry this login's state; still waiting for the browser",
      );
    };
    const { startLogin } = await import('./login.js');
    const started = await startLogin({
      ...login,
      clientId,
      store,
      signal: controller.signal,
      onIgnored,
    });
    const waiting: Waiting = { authorizeUrl: started.authorizeUrl, expiresAt, controller };
    this.waiting = waiting;
    this.last = undefined;
    started.done.then(
      (credentials) => {
        if (this.waiting === waiting) this.waiting = undefined;
        this.options.session.forget();
        const missing = LOGIN_SCOPES.filter((s) => !credentials.scopes.includes(s));
        this.finish('logged_in', loggedInMessage(credentials, missing));
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (this.waiting === waiting) this.waiting = undefined;
        if (this.now() >= waiting.expiresAt) {
          const seconds = Math.round(login.timeoutMs / 1000);
          this.finish(
            'expired',
            `The login was not completed within ${seconds} s; start it again with the account tool (action "login").`,
          );
        } else this.finish('failed', `The login failed: ${userMessage(error)}`);
      },
    );
    return {
      authorizeUrl: waiting.authorizeUrl,
      expiresAt: new Date(waiting.expiresAt).toISOString(),
      reused: false,
    };
  }

  private finish(outcome: NonNullable<AccountStatus['lastLogin']>['outcome'], message: string) {
    this.last = { outcome, message };
    this.options.onEvent?.(`account: ${message}`);
  }
}

function loggedInMessage(
  c: { username?: string; userId: string; country?: string },
  missing: readonly string[],
): string {
  const who = `Logged in to TIDAL as ${c.username ?? c.userId} (country ${c.country ?? 'unknown'}).`;
  return missing.length === 0
    ? who
    : `${who} TIDAL did not grant ${missing.join(', ')}; enable these scopes for your app in the TIDAL developer dashboard, then log in again.`;
}

function httpExplanation(redirectUri: string): string {
  return (
    `logging in from the chat is not available over HTTP: after you approve, TIDAL sends the browser to ${redirectUri}, ` +
    'which only reaches the machine this server runs on. On that machine run `tidal-mcp login` in a terminal ' +
    '(with the same TIDAL_CLIENT_ID); the running server picks the login up without a restart'
  );
}
