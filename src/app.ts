/**
 * Builds the long-lived parts once per process from the Config: logger, HTTP pool, the app's
 * token provider, cache and catalog client. Transports create MCP servers on top of this.
 */
import { ClientCredentialsProvider } from './auth/client-credentials.js';
import { StoredUserSession } from './auth/stored-session.js';
import { createTokenStore } from './auth/token-stores.js';
import { LoginRequiredError, type UserSession } from './auth/user-session.js';
import type { Config } from './config.js';
import { createLogger, type Logger } from './log.js';
import { TidalCatalog } from './tidal/catalog/index.js';
import { TidalHttp } from './tidal/http.js';
import { TidalPlaylists } from './tidal/playlists/index.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './tidal/retry.js';
import type { ToolDeps } from './tools/shared/define-tool.js';
import { ResultPages } from './tools/shared/result-pages.js';
import { packageVersion } from './version.js';

export interface App {
  config: Config;
  logger: Logger;
  http: TidalHttp;
  clientCredentials: ClientCredentialsProvider;
  deps: ToolDeps;
  close(): Promise<void>;
}

export function createApp(config: Config): App {
  const logger = createLogger(config.logLevel, undefined, [config.clientSecret, config.http.token]);
  const userAgent = `tidal-mcp/${packageVersion()}`;
  // One policy for the API and the token endpoint: same retries, same per-call budget.
  const retry: RetryPolicy = {
    ...DEFAULT_RETRY_POLICY,
    budgetMs: config.requestTimeoutSeconds * 1000,
  };
  const endpoint = { tokenUrl: config.tokenUrl, userAgent, retry };
  const http = new TidalHttp({
    apiUrl: config.apiUrl,
    userAgent,
    requestsPerSecond: config.requestsPerSecond,
    retry,
    onDebug: (message) => logger.debug(message),
    onError: (message) => logger.error(message),
  });
  const clientCredentials = new ClientCredentialsProvider(
    { clientId: config.clientId, clientSecret: config.clientSecret },
    endpoint,
  );
  const catalog = new TidalCatalog(http, clientCredentials);
  const user: UserSession = config.clientId
    ? new StoredUserSession({
        store: createTokenStore(config, config.clientId, (message) => logger.warn(message)),
        clientId: config.clientId,
        clientSecret: config.clientSecret,
        endpoint,
        defaultCountry: config.country,
      })
    : {
        access: () =>
          Promise.reject(
            new LoginRequiredError('Not logged in to TIDAL (TIDAL_CLIENT_ID is not set)'),
          ),
      };
  const deps: ToolDeps = {
    catalog,
    user,
    playlists: new TidalPlaylists(http),
    defaultCountry: config.country,
    countryExplicit: config.countryExplicit,
    logger,
    reportCallStats: config.reportCallStats,
    pages: new ResultPages(),
  };
  return { config, logger, http, clientCredentials, deps, close: () => http.close() };
}
