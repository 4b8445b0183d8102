/**
 * The user side of auth as the tools see it: "who is logged in, with which token provider and
 * country", and the account (status, in-process login, logout). Whether a user is logged in is
 * decided from the stored credentials alone, never from how TIDAL answers a client-credentials
 * token on a user endpoint (undocumented).
 */
import { AuthError } from '../tidal/errors.js';
import type { TokenProvider } from '../tidal/token-provider.js';

export interface UserAccess {
  /** Refreshes before expiry and after a 401, one refresh at a time, writing back to the store. */
  tokens: TokenProvider;
  userId: string;
  /** From GET /users/me at login: the countryCode for user-scoped calls. */
  country: string;
  scopes: readonly string[];
}

export interface UserSession {
  /** The logged-in user's access, or LoginRequiredError. Never starts a login itself. */
  access(signal?: AbortSignal): Promise<UserAccess>;
}

/** How to log in, for every message that asks for it: the chat tool first, the CLI for terminals. */
export const LOGIN_HOW =
  'Log in with the account tool (action "login") or run `tidal-mcp login` in a terminal';

/** No usable login: never logged in, logged out, another app's tokens, or expired without refresh. */
export class LoginRequiredError extends AuthError {
  override name = 'LoginRequiredError';
  constructor(reason: string, next = 'then try again.') {
    super(`${reason}. ${LOGIN_HOW}, ${next}`);
  }
}

/** The stored login was granted fewer scopes than this call needs (an older login, or a dashboard without them). */
export class MissingScopeError extends LoginRequiredError {
  override name = 'MissingScopeError';
  constructor(readonly scope: string) {
    super(
      `Your TIDAL login was not granted the ${scope} scope`,
      `then try again; if TIDAL still leaves it out, enable ${scope} for your app in the TIDAL developer dashboard.`,
    );
  }
}

/** Refuse before calling TIDAL, which would answer 403 with less to go on. */
export function requireScope(access: UserAccess, scope: string): void {
  if (!access.scopes.includes(scope)) throw new MissingScopeError(scope);
}

export interface AccountStatus {
  loggedIn: boolean;
  username?: string;
  userId?: string;
  country?: string;
  /** Scopes TIDAL granted. */
  scopes: string[];
  /** Scopes the tools ask for that this login lacks. */
  missingScopes: string[];
  /** ISO 8601. */
  expiresAt?: string;
  expired?: boolean;
  /** A refresh token is stored, so the server renews the access token by itself. */
  renewable?: boolean;
  /** Where the login is kept, e.g. the OS keychain; never a secret. */
  storage?: string;
  /** Why nobody can be logged in (e.g. TIDAL_CLIENT_ID is not set). */
  problem?: string;
  pendingLogin?: PendingLogin;
  /** How the last in-chat login ended, while it is news. */
  lastLogin?: { outcome: 'logged_in' | 'failed' | 'expired'; message: string };
}

export interface PendingLogin {
  /** Open it in a browser on this machine; TIDAL redirects back to the server's loopback port. */
  authorizeUrl: string;
  /** ISO 8601: after this the URL no longer completes a login. */
  expiresAt: string;
  /** True when a login was already waiting and this is its URL again. */
  reused: boolean;
}

/** The account as the account tool drives it. Nothing here ever returns a token. */
export interface Account {
  status(): Promise<AccountStatus>;
  /** Start (or return the waiting) in-process login; it completes when TIDAL redirects back. */
  login(): Promise<PendingLogin>;
  /** Remove the stored login; `removed` is false when there was none. */
  logout(): Promise<{ removed: boolean; storage: string }>;
}
