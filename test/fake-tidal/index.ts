/**
 * A fake TIDAL for tests: a real HTTP server on 127.0.0.1 speaking the v2 JSON:API catalog
 * endpoints and the client-credentials token endpoint, over a deterministic generated catalog,
 * with request logging, fault injection and an optional rate-limit bucket.
 *
 *   const fake = await startFakeTidal();
 *   // point the client at fake.apiUrl / fake.tokenUrl with fake.clientId / fake.clientSecret
 *   await fake.close();
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { TokenEndpoint } from './auth/token-endpoint.js';
import { TokenRegistry } from './auth/token-registry.js';
import { UserLogin } from './auth/user-login.js';
import { getCatalog } from './catalog.js';
import { FaultQueue } from './faults.js';
import { expireCursors } from './jsonapi/pagination.js';
import { ResourceStore } from './jsonapi/store.js';
import { UserCollections } from './library/collections.js';
import { registerLibraryTypes } from './library/resources.js';
import { seedLibrary } from './library/seed.js';
import { IdempotencyCache } from './playlists/idempotency.js';
import { registerUserPlaylists } from './playlists/resources.js';
import { UserPlaylists } from './playlists/user-playlists.js';
import { TokenBucket } from './rate-limit.js';
import { registerCatalogTypes } from './resources/catalog-types.js';
import { registerDiscoveryTypes } from './resources/discovery-types.js';
import { registerSearchType } from './resources/search-type.js';
import { catalogRoutes } from './routes/catalog-routes.js';
import { libraryRoutes } from './routes/library-routes.js';
import { playlistRoutes } from './routes/playlist-routes.js';
import { ApiRouter } from './routes/router.js';
import { searchRoutes } from './routes/search-routes.js';
import { userRoutes } from './routes/user-routes.js';
import { API_PREFIX, AUTHORIZE_PATH, createRequestHandler, TOKEN_PATH } from './server.js';
import type { FakeTidal, FakeTidalOptions, RequestLogEntry } from './types.js';
import { DEFAULT_USER, DEFAULT_USER_SCOPES } from './users.js';

export { Catalog, FIXTURES, getCatalog } from './catalog.js';
export { COLLECTION_KINDS, type CollectionKind } from './library/collections.js';
export {
  LISTENER_MIXES,
  LISTENER_PRIVATE_PLAYLIST_ID,
  OTHER_USERS_PRIVATE_PLAYLIST_ID,
  SEEDED_FAVORITES,
} from './library/seed.js';
export { OTHER_USERS_PLAYLIST_ID, type UserPlaylist } from './playlists/user-playlists.js';
export { specGuardActive, type SpecViolation, takeSpecViolations } from './spec-guard.js';
export type * from './types.js';
export {
  ALL_USER_SCOPES,
  DEFAULT_USER,
  DEFAULT_USER_SCOPES,
  FAKE_USERS,
  type FakeUser,
} from './users.js';

export async function startFakeTidal(options: FakeTidalOptions = {}): Promise<FakeTidal> {
  const clientId = options.clientId ?? 'test-client-id';
  const clientSecret = options.clientSecret ?? 'test-client-secret';
  const pageSize = options.pageSize ?? 20;
  const catalog = getCatalog();

  const store = new ResourceStore();
  registerCatalogTypes(store, catalog);
  registerSearchType(store, catalog);
  const deps = { store, maxFilterValues: options.maxFilterValues ?? 20 };
  const playlists = new UserPlaylists();
  registerUserPlaylists(store, playlists, catalog, {
    withholdOwners: options.withholdPlaylistOwners ?? false,
  });
  registerDiscoveryTypes(store, catalog);
  const collections = new UserCollections();
  seedLibrary(catalog, playlists, collections);
  registerLibraryTypes(store, catalog, playlists, collections);
  const idempotency = new IdempotencyCache();
  const router = new ApiRouter(pageSize).add(
    ...catalogRoutes(deps, catalog),
    ...searchRoutes(deps),
    ...playlistRoutes({ ...deps, playlists, idempotency, catalog }),
    ...userRoutes(),
    ...libraryRoutes({
      ...deps,
      catalog,
      playlists,
      collections,
      idempotency,
      duplicates: options.collectionDuplicates ?? 'skip',
      limit: options.collectionLimit ?? 10_000,
    }),
  );

  const tokens = new TokenRegistry();
  const tokenEndpoint = new TokenEndpoint({
    options: { clientId, clientSecret, tokenTtlSeconds: options.tokenTtlSeconds ?? 3600 },
    registry: tokens,
  });
  const userLogin = new UserLogin(
    {
      user: DEFAULT_USER,
      userTokenTtlSeconds: options.userTokenTtlSeconds ?? 14_400,
      issueRefreshTokens: options.issueRefreshTokens ?? true,
      rejectRefresh: options.rejectRefresh ?? false,
      withheldScopes: options.withheldScopes ?? [],
    },
    clientId,
  );
  tokenEndpoint.registerGrant('authorization_code', userLogin.authorizationCodeGrant);
  tokenEndpoint.registerGrant('refresh_token', userLogin.refreshTokenGrant);
  const faults = new FaultQueue();
  const log: RequestLogEntry[] = [];

  // Pending sleeps are tracked so close() can cut them short instead of waiting them out.
  let closed = false;
  const sleepers = new Set<() => void>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      sleepers.add(done);
    });

  const handler = createRequestHandler({
    router,
    store,
    tokens,
    tokenEndpoint,
    userLogin,
    faults,
    ...(options.rateLimit ? { bucket: new TokenBucket(options.rateLimit) } : {}),
    latencyMs: options.latencyMs ?? 0,
    log,
    sleep,
    isClosed: () => closed,
  });
  const server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    apiUrl: `${url}${API_PREFIX}`,
    tokenUrl: `${url}${TOKEN_PATH}`,
    authorizeUrl: `${url}${AUTHORIZE_PATH}`,
    clientId,
    clientSecret,
    catalog,
    requests: log,
    apiRequests: () => log.filter((e) => e.kind === 'api'),
    clearRequests: () => void log.splice(0),
    inject: (fault) => faults.inject(fault),
    clearFaults: () => faults.clear(),
    expireAllTokens: () => tokens.expireAll(),
    expireCursors,
    expireUserTokens: (userId) => tokens.expireUser(userId),
    issuedTokenCount: () => tokens.issuedCount(),
    userPlaylists: playlists,
    collections,
    userLogin,
    idempotentReplays: () => idempotency.replays,
    issueUserToken: (opts = {}) => {
      const user = opts.user ?? DEFAULT_USER;
      return tokens.issue({
        kind: 'user',
        clientId,
        ttlSeconds: opts.ttlSeconds ?? 14_400,
        scopes: opts.scopes ?? DEFAULT_USER_SCOPES,
        userId: user.id,
        country: user.country,
      }).accessToken;
    },
    close: async () => {
      if (closed) return;
      closed = true;
      for (const wake of [...sleepers]) wake();
      await new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
