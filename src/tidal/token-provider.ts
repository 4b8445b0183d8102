/** How src/tidal obtains bearer tokens without knowing where they come from (see src/auth). */
export interface TokenProvider {
  /**
   * Cache partition for responses fetched with this provider's tokens: "client" for the app's
   * client-credentials token, "user:<id>" for a logged-in user (TIDAL redacts fields per caller).
   */
  cacheScope(): Promise<string>;
  /** A valid access token, refreshed or re-obtained as needed; concurrent callers share one fetch. */
  getToken(signal?: AbortSignal): Promise<string>;
  /** TIDAL answered 401 to `token`: forget it so the next getToken() obtains a fresh one. */
  invalidate(token: string): void;
}
