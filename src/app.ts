/**
 * Builds the long-lived parts once per process from the Config: logger, HTTP pool, the app's
 * token provider, cache and catalog client. Transports create MCP servers on top of this.
 */
import { TidalAccount } from './auth/account.js';
import { ClientCredentialsProvider } from './auth/client-credentials.js';
import { StoredUserSession } from './auth/stored-session.js';
import { createTokenStore } from './auth/token-stores.js';
import { LoginRequiredError, type UserSession } from './auth/user-session.js';
import type { Config } from './config.js';
import { createLogger, type Logger } from './log.js';
import { TidalCatalog } from './tidal/catalog/index.js';
import { TidalHttp } from './tidal/http.js';
import { TidalLibrary } from './tidal/library/index.js';
import { TidalPlaylists } from './tidal/playlists/index.js';
import type { ToolDeps } from './tools/shared/define-tool.js';
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
  const http = new TidalHttp({
    apiUrl: config.apiUrl,
    userAgent,
    requestsPerSecond: config.requestsPerSecond,
    onDebug: (message) => logger.debug(message),
  });
  const clientCredentials = new ClientCredentialsProvider(
    { clientId: config.clientId, clientSecret: config.clientSecret },
    { tokenUrl: config.tokenUrl, userAgent },
  );
  const catalog = new TidalCatalog(http, clientCredentials);
  const store = config.clientId ? createTokenStore(config, config.clientId) : undefined;
  const session = store
    ? new StoredUserSession({
        store,
        clientId: config.clientId,
        clientSecret: config.clientSecret,
        endpoint: { tokenUrl: config.tokenUrl, userAgent },
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
      endpoint: { tokenUrl: config.tokenUrl, userAgent },
    },
    transport: config.transport,
    onEvent: (message) => logger.info(message),
  });
  const deps: ToolDeps = {
    catalog,
    user,
    playlists: new TidalPlaylists(http),
    library: new TidalLibrary(http, clientCredentials),
    account,
    readOnly: config.readOnly,
    defaultCountry: config.country,
    logger,
    reportCallStats: config.reportCallStats,
  };
  const close = async () => {
    account.close();
    await http.close();
  };
  return { config, logger, http, clientCredentials, deps, close };
}
