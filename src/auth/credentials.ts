/**
 * What a user login leaves behind, and where it is kept. The TokenStore is the only way user
 * credentials are read or written: the OS keychain by default, an opt-in 0600 file otherwise.
 */

export interface StoredUserCredentials {
  version: 1;
  /** The TIDAL app the tokens were issued to; a different TIDAL_CLIENT_ID means "not logged in". */
  clientId: string;
  userId: string;
  accessToken: string;
  /** TIDAL has been seen issuing none to third-party apps. */
  refreshToken?: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  /** Scopes TIDAL granted (from the token response), not merely the ones requested. */
  scopes: string[];
  /** The user's country from GET /users/me, used as countryCode for user-scoped calls. */
  country?: string;
  username?: string;
  /** Epoch milliseconds of the login. */
  obtainedAt: number;
}

export interface TokenStore {
  /** Human-readable location, e.g. "OS keychain (service tidal-mcp)"; never contains a secret. */
  describe(): string;
  load(): Promise<StoredUserCredentials | undefined>;
  save(credentials: StoredUserCredentials): Promise<void>;
  /** True when something was removed. */
  remove(): Promise<boolean>;
}
