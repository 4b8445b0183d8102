/**
 * `tidal-mcp login`: OAuth 2.1 authorization code + PKCE (S256) with a one-shot loopback
 * listener at the registered redirect URI. Nothing secret is ever printed: only the authorize
 * URL (which carries the PKCE challenge and state, both safe to show) goes to stderr.
 */
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

import { request } from 'undici';

import type { StoredUserCredentials, TokenStore } from './credentials.js';
import { LOGIN_SCOPES, LoginError } from './login-basics.js';
import { createPkcePair, createState } from './pkce.js';
import { postTokenForm, type TokenEndpointOptions } from './token-endpoint.js';

export { LOGIN_SCOPES, LoginError } from './login-basics.js';

export interface LoginOptions {
  clientId: string;
  clientSecret: string | undefined;
  authorizeUrl: string;
  apiUrl: string;
  redirectUri: string;
  openBrowser: boolean;
  timeoutMs: number;
  endpoint: TokenEndpointOptions;
  store: TokenStore;
  print: (line: string) => void;
  now?: () => number;
}

/** startLogin() needs no terminal: the caller shows the URL; `signal` abandons the login. */
export type StartLoginOptions = Omit<LoginOptions, 'print' | 'openBrowser'> & {
  signal?: AbortSignal;
  /** A request without this login's state reached the callback and was ignored. */
  onIgnored?: () => void;
};

export interface StartedLogin {
  /** Safe to show: it carries the PKCE challenge and the state, never a secret. */
  authorizeUrl: string;
  /** Settles once TIDAL redirected back and the tokens are stored, or the login failed. */
  done: Promise<StoredUserCredentials>;
}

const PAGE = (title: string, text: string) =>
  `<!doctype html><meta charset="utf-8"><title>${title}</title><body style="font-family:sans-serif;margin:3em"><h1>${title}</h1><p>${text}</p></body>`;

function loopbackRedirect(redirectUri: string): URL {
  const url = new URL(redirectUri);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (
    url.protocol !== 'http:' ||
    !['127.0.0.1', 'localhost', '::1'].includes(host) ||
    url.port === ''
  ) {
    throw new LoginError(
      `TIDAL_REDIRECT_URI must be a loopback http URL with a port, such as http://127.0.0.1:8765/callback (got ${redirectUri})`,
    );
  }
  return url;
}

function openInBrowser(url: string): void {
  // The URL is one argument to a fixed program: never interpolated into a shell command line.
  // On Windows not `cmd /c start "" <url>`: cmd re-parses the URL and splits it at every `&`.
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['rundll32', ['url.dll,FileProtocolHandler', url]]
        : ['xdg-open', [url]];
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
}

/**
 * Answers requests to the loopback port. Anything on this machine (or a page in the browser) can
 * hit it: a request without our state is answered and ignored, so it can neither end the login
 * nor slip in a code. Only the real redirect ends the wait (through `finish`).
 */
function callbackHandler(
  redirect: URL,
  state: string,
  onIgnored: () => void,
  finish: (error: Error | undefined, code?: string) => void,
) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', redirect.origin);
    if (url.pathname !== redirect.pathname) {
      res.writeHead(404).end();
      return;
    }
    const reply = (status: number, title: string, text: string) =>
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE(title, text));
    if (url.searchParams.get('state') !== state) {
      reply(
        400,
        'Request ignored',
        'This request did not come from the running tidal-mcp login (its state does not match), so it was ignored. To log in, open the login link tidal-mcp gave you (in the terminal or in the chat).',
      );
      onIgnored();
      return;
    }
    const error = url.searchParams.get('error');
    const code = url.searchParams.get('code');
    if (error || !code) {
      const description = url.searchParams.get('error_description') ?? error ?? 'no code';
      reply(400, 'Login failed', 'TIDAL did not grant access. You can close this tab.');
      finish(new LoginError(`TIDAL refused the login: ${description.slice(0, 200)}`));
      return;
    }
    reply(200, 'Logged in to TIDAL', 'tidal-mcp is now logged in. You can close this tab.');
    finish(undefined, code);
  };
}

/**
 * Wait for the redirect to the callback path; answer it with a short page. `listening` resolves
 * once the port is bound, so the URL is printed only when the redirect can land.
 */
function awaitCallback(
  redirect: URL,
  state: string,
  timeoutMs: number,
  onIgnored: () => void,
  signal?: AbortSignal,
): { listening: Promise<void>; code: Promise<string> } {
  let onListening: () => void = () => undefined;
  const listening = new Promise<void>((resolve) => (onListening = resolve));

  const code = new Promise<string>((resolve, reject) => {
    let server: Server | undefined = undefined;
    const finish = (error: Error | undefined, code?: string) => {
      clearTimeout(timer);
      server?.close();
      server?.closeAllConnections();
      if (error) reject(error);
      else resolve(code as string);
    };
    const seconds = Math.round(timeoutMs / 1000);
    const timer = setTimeout(
      () =>
        finish(
          new LoginError(
            `no answer from the browser within ${seconds} s; run \`tidal-mcp login\` again`,
          ),
        ),
      timeoutMs,
    );
    signal?.addEventListener('abort', () => finish(new LoginError('the login was cancelled')), {
      once: true,
    });
    server = createServer(callbackHandler(redirect, state, onIgnored, finish));
    server.on('error', (err: NodeJS.ErrnoException) =>
      finish(
        new LoginError(
          `cannot listen on ${redirect.host} for the login redirect (${err.code ?? err.message})`,
        ),
      ),
    );
    server.listen(Number(redirect.port), redirect.hostname.replace(/^\[|\]$/g, ''), onListening);
  });
  return { listening: Promise.race([listening, code.then(() => undefined)]), code };
}

async function fetchMe(
  apiUrl: string,
  token: string,
  userAgent: string,
): Promise<{ id: string; username?: string; country?: string }> {
  const response = await request(`${apiUrl}/users/me`, {
    headers: {
      accept: 'application/vnd.api+json',
      authorization: `Bearer ${token}`,
      'user-agent': userAgent,
    },
    headersTimeout: 15_000,
    bodyTimeout: 15_000,
  }).catch((error: unknown) => {
    // Only the error code: undici messages are safe, but a LoginError keeps the exit code 1.
    const code = (error as { code?: string }).code ?? 'error';
    throw new LoginError(`could not reach the TIDAL API for GET /users/me (${code})`);
  });
  const body = (await response.body.json().catch(() => undefined)) as
    { data?: { id?: string; attributes?: { username?: string; country?: string } } } | undefined;
  if (response.statusCode !== 200 || !body?.data?.id) {
    throw new LoginError(
      `TIDAL did not return your account (GET /users/me: HTTP ${response.statusCode})`,
    );
  }
  return {
    id: body.data.id,
    username: body.data.attributes?.username,
    country: body.data.attributes?.country,
  };
}

/**
 * Listen on the redirect URI and build the authorize URL; the returned `done` completes the
 * login (code exchange, GET /users/me, store) when TIDAL redirects back. Shared by the CLI and
 * the account tool.
 */
export async function startLogin(options: StartLoginOptions): Promise<StartedLogin> {
  const redirect = loopbackRedirect(options.redirectUri);
  const pkce = createPkcePair();
  const state = createState();
  const authorize = new URL(options.authorizeUrl);
  authorize.search = new URLSearchParams({
    response_type: 'code',
    client_id: options.clientId,
    redirect_uri: options.redirectUri,
    scope: LOGIN_SCOPES.join(' '),
    code_challenge: pkce.challenge,
    code_challenge_method: 'S256',
    state,
  }).toString();

  const callback = awaitCallback(
    redirect,
    state,
    options.timeoutMs,
    options.onIgnored ?? (() => undefined),
    options.signal,
  );
  await callback.listening;
  const done = callback.code.then((code) => completeLogin(options, code, pkce.verifier));
  return { authorizeUrl: authorize.toString(), done };
}

async function completeLogin(
  options: StartLoginOptions,
  code: string,
  verifier: string,
): Promise<StoredUserCredentials> {
  const now = options.now ?? Date.now;
  const token = await postTokenForm(
    {
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      redirect_uri: options.redirectUri,
      client_id: options.clientId,
      client_secret: options.clientSecret,
      scope: LOGIN_SCOPES.join(' '),
    },
    options.endpoint,
  );
  const scopes = (token.scope ?? '').split(' ').filter(Boolean);
  const me = await fetchMe(options.apiUrl, token.access_token, options.endpoint.userAgent);
  const credentials: StoredUserCredentials = {
    version: 1,
    clientId: options.clientId,
    userId: me.id,
    accessToken: token.access_token,
    ...(token.refresh_token && { refreshToken: token.refresh_token }),
    expiresAt: now() + (token.expires_in ?? 3600) * 1000,
    scopes,
    ...(me.country && { country: me.country }),
    ...(me.username && { username: me.username }),
    obtainedAt: now(),
  };
  await options.store.save(credentials);
  return credentials;
}

/** `tidal-mcp login`: print the URL (and open the browser), then wait for the login to finish. */
export async function login(options: LoginOptions): Promise<StoredUserCredentials> {
  // Said once: a page looping requests at the port must not flood the terminal.
  let warned = false;
  const started = await startLogin({
    ...options,
    onIgnored: () => {
      if (warned) return;
      warned = true;
      options.print(
        "warning: ignored a request to the login callback that did not carry this login's state (further ones are ignored silently); still waiting for the browser.",
      );
    },
  });
  options.print(`Open this URL to log in to TIDAL:\n\n  ${started.authorizeUrl}\n`);
  if (options.openBrowser) openInBrowser(started.authorizeUrl);
  return started.done;
}
