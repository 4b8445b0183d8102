/**
 * Builds the long-lived parts once per process from the Config: logger, HTTP pool, the app's
 * token provider, cache and catalog client. Transports create MCP servers on top of this.
 */
import { TidalAccount } from './auth/account.js';
import { ClientCredentialsProvider } from './auth/client-credentials.js';
import { StoredUserSession } from './auth/stored-session.js';
import type { TokenEndpointOptions } from './auth/token-endpoint.js';
import { createTokenStore } from './auth/token-stores.js';
import { LoginRequiredError, type UserSession } from './auth/user-session.js';
import type { Config } from './config.js';
import { createLogger, type Logger } from './log.js';
import { TidalCatalog } from './tidal/catalog/index.js';
import { TidalHttp } from './tidal/http.js';
import { TidalLibrary } from './tidal/library/index.js';
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

/**
 * The logged-in user as the tools see them, and the account tool's account, over one token store
 * and session so a login from the chat is seen by the next call.
 */
function userSide(
  config: Config,
  endpoint: TokenEndpointOptions,
  logger: Logger,
): { user: UserSession; account: TidalAccount } {
  const store = config.clientId
    ? createTokenStore(config, config.clientId, (message) => logger.warn(message))
    : undefined;
  const session = store
    ? new StoredUserSession({
        store,
        clientId: config.clientId,
        clientSecret: config.clientSecret,
        endpoint,
        defaultCountry: config.country,
      })
    : undefined;
  const user: UserSession = session ?? {
    access: () =>
      Promise.reject(new LoginRequiredError('Not logged in to TIDAL (TIDAL_CLIENT_ID is not set)')),
  };
  const account = new TidalAccount({
    clientId: config.clientId,
    store,
    session: session ?? { forget: () => undefined },
    login: {
      clientSecret: config.clientSecret,
      authorizeUrl: config.authorizeUrl,
      apiUrl: config.apiUrl,
      redirectUri: config.redirectUri,
      timeoutMs: config.loginTimeoutSeconds * 1000,
      endpoint,
    },
    transport: config.transport,
    onEvent: (message) => logger.info(message),
  });
  return { user, account };
}

/**
 * What only tests change: a shorter back-off between retries, so a suite that checks the
 * retries happen does not spend seconds waiting for them.
 */
export interface AppTuning {
  retry?: Partial<Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>>;
}

export function createApp(config: Config, tuning: AppTuning = {}): App {
  const logger = createLogger(config.logLevel, undefined, [config.clientSecret, config.http.token]);
  const userAgent = `tidal-mcp/${packageVersion()}`;
  // One policy for the API and the token endpoint: same retries, same per-call budget.
  const retry: RetryPolicy = {
    ...DEFAULT_RETRY_POLICY,
    ...tuning.retry,
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
  const { user, account } = userSide(config, endpoint, logger);
  const deps: ToolDeps = {
    catalog,
    user,
    playlists: new TidalPlaylists(http),
    library: new TidalLibrary(http, clientCredentials),
    account,
    readOnly: config.readOnly,
    defaultCountry: config.country,
    countryExplicit: config.countryExplicit,
    logger,
    reportCallStats: config.reportCallStats,
    pages: new ResultPages(),
  };
  const close = async () => {
    account.close();
    await http.close();
  };
  return { config, logger, http, clientCredentials, deps, close };
}
