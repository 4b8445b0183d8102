/**
 * The user side of auth as the tools see it: "who is logged in, with which token provider and
 * country". Whether a user is logged in is decided from the stored credentials alone, never from
 * how TIDAL answers a client-credentials token on a user endpoint (undocumented).
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

/** No usable login: never logged in, logged out, another app's tokens, or expired without refresh. */
export class LoginRequiredError extends AuthError {
  override name = 'LoginRequiredError';
  constructor(reason: string) {
    super(`${reason}. Run \`tidal-mcp login\` in a terminal, then try again.`);
  }
}
