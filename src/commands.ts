/**
 * The account commands: `tidal-mcp login`, `status`, `logout`. They talk to a person in a
 * terminal, on stderr, and never print a token, code, verifier or secret.
 */
import { login, LOGIN_SCOPES } from './auth/login.js';
import { createTokenStore } from './auth/token-stores.js';
import type { Config } from './config.js';
import { userMessage } from './errors.js';
import { createLogger } from './log.js';
import { packageVersion } from './version.js';

type Print = (line: string) => void;

/**
 * The one error exit of every command: a user-facing error prints its message and exits 1; any
 * other error prints the generic message, and its stack goes to the log (stderr) for a bug report.
 */
async function withErrorExit(
  config: Config,
  print: Print,
  prefix: string,
  body: () => Promise<number>,
): Promise<number> {
  try {
    return await body();
  } catch (error) {
    const logger = createLogger(config.logLevel, undefined, [config.clientSecret]);
    print(
      `${prefix}${userMessage(error, (e) => logger.error(e instanceof Error ? (e.stack ?? e.message) : String(e)))}`,
    );
    return 1;
  }
}

/** The file store's warnings (a credentials file others can read) go to the terminal. */
const storeFor = (config: Config, clientId: string, print: Print) =>
  createTokenStore(config, clientId, (message) => print(`warning: ${message}`));

function needClientId(config: Config, print: Print): string | undefined {
  if (!config.clientId)
    print(
      'TIDAL_CLIENT_ID is not set: set it (and TIDAL_CLIENT_SECRET) to your TIDAL app credentials first.',
    );
  return config.clientId;
}

export async function runLogin(config: Config, print: Print): Promise<number> {
  const clientId = needClientId(config, print);
  if (!clientId) return 2;
  const store = storeFor(config, clientId, print);
  if (config.tokenStore === 'file') {
    print(
      `warning: TIDAL_MCP_TOKEN_STORE=file keeps your TIDAL tokens in ${config.tokenFilePath} (mode 0600), not in the OS keychain.`,
    );
  }
  return withErrorExit(config, print, 'Login failed: ', async () => {
    // Check the store can be reached before sending anyone to the browser: a missing keychain
    // should fail in a second with the fix, not after the user has clicked "Allow".
    await store.load();
    const credentials = await login({
      clientId,
      clientSecret: config.clientSecret,
      authorizeUrl: config.authorizeUrl,
      apiUrl: config.apiUrl,
      redirectUri: config.redirectUri,
      openBrowser: config.openBrowser,
      timeoutMs: config.loginTimeoutSeconds * 1000,
      endpoint: { tokenUrl: config.tokenUrl, userAgent: `tidal-mcp/${packageVersion()}` },
      store,
      print,
    });
    const missing = LOGIN_SCOPES.filter((s) => !credentials.scopes.includes(s));
    print(
      `Logged in to TIDAL as ${credentials.username ?? credentials.userId} (country ${credentials.country ?? 'unknown'}).`,
    );
    print(`Credentials saved in the ${store.describe()}.`);
    if (!credentials.refreshToken) {
      print('TIDAL issued no refresh token: run `tidal-mcp login` again when the login expires.');
    }
    if (missing.length > 0) {
      print(
        `warning: TIDAL did not grant ${missing.join(', ')}; enable these scopes for your app in the TIDAL developer dashboard.`,
      );
    }
    return 0;
  });
}

export async function runStatus(config: Config, print: Print, now = Date.now()): Promise<number> {
  const clientId = needClientId(config, print);
  if (!clientId) return 2;
  const store = storeFor(config, clientId, print);
  return withErrorExit(config, print, '', async () => {
    const c = await store.load();
    if (!c) {
      print(`Not logged in (checked the ${store.describe()}). Run \`tidal-mcp login\`.`);
      return 1;
    }
    const expiry = new Date(c.expiresAt).toISOString();
    print(
      `Logged in to TIDAL as ${c.username ?? '(unknown name)'} (user id ${c.userId}, country ${c.country ?? 'unknown'}).`,
    );
    print(`Scopes: ${c.scopes.join(' ') || '(none)'}`);
    print(
      `Access token ${c.expiresAt > now ? 'valid until' : 'expired at'} ${expiry}; ${c.refreshToken ? 'renewable (refresh token stored)' : 'no refresh token: log in again after it expires'}.`,
    );
    print(`Stored in the ${store.describe()}.`);
    return 0;
  });
}

export async function runLogout(config: Config, print: Print): Promise<number> {
  const clientId = needClientId(config, print);
  if (!clientId) return 2;
  const store = storeFor(config, clientId, print);
  return withErrorExit(config, print, '', async () => {
    const removed = await store.remove();
    print(
      removed
        ? `Logged out: removed the TIDAL login from the ${store.describe()}.`
        : `Nothing to remove: no TIDAL login in the ${store.describe()}.`,
    );
    return 0;
  });
}
