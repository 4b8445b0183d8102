/**
 * Public types of the fake TIDAL (re-exported by index.ts). Other test suites and the benchmark
 * depend on these names, so change them only together with their users.
 */
import type { UserLogin } from './auth/user-login.js';
import type { Catalog } from './catalog.js';
import type { UserCollections } from './library/collections.js';
import type { UserPlaylists } from './playlists/user-playlists.js';
import type { IssueUserTokenOptions } from './users.js';

export interface RateLimitOptions {
  /** Tokens added to the bucket per second (x-ratelimit-replenish-rate). */
  ratePerSecond: number;
  /** Bucket capacity (x-ratelimit-burst-capacity). */
  burst: number;
  /** Send Retry-After on 429s. Off by default: TIDAL's gateway is not known to send it. */
  retryAfter?: boolean;
}

export interface FakeTidalOptions {
  /** Default 'test-client-id'. */
  clientId?: string;
  /** Default 'test-client-secret'. */
  clientSecret?: string;
  /** Client-credentials token lifetime; default 3600. */
  tokenTtlSeconds?: number;
  /** Added to every API and token request; default 0. */
  latencyMs?: number;
  /** Default 20 (TIDAL's observed page size). */
  pageSize?: number;
  /** Max values in one filter[isrc] / filter[id] / filter[barcodeId]; more -> 400. Default 20. */
  maxFilterValues?: number;
  /** Token bucket over API requests; 429 when empty. Default: unlimited. */
  rateLimit?: RateLimitOptions;
  /** Default 0 (ephemeral). */
  port?: number;
  /** User access token lifetime from the login grants; default 14400 (4 h). */
  userTokenTtlSeconds?: number;
  /** Whether login issues a refresh token (TIDAL has been seen not to); default true. */
  issueRefreshTokens?: boolean;
  /** Every refresh_token grant fails with 400 invalid_grant; default false. */
  rejectRefresh?: boolean;
  /** Login grants the requested scopes minus these (the token response's `scope` says so). */
  withheldScopes?: string[];
  /**
   * How a collection add treats an id already in the collection: 'skip' reports it in
   * meta.skipped as ALREADY_PRESENT (default); 'conflict' rejects the whole request with 409
   * DUPLICATE_ITEMS_IN_COLLECTION. The OAS documents both; which one TIDAL uses is unverified.
   */
  collectionDuplicates?: 'skip' | 'conflict';
  /** Most items one user collection may hold; more -> 409 TOO_MANY_ITEMS_IN_COLLECTION. */
  collectionLimit?: number;
  /** User playlists list no owners (TIDAL may withhold the relationship), so clients must cope. */
  withholdPlaylistOwners?: boolean;
}

export interface RequestLogEntry {
  method: string;
  /** API calls without the /v2 prefix ('/albums/123'); the token endpoint is '/oauth2/token'. */
  path: string;
  query: Record<string, string[]>;
  /** 0 when the connection was dropped by a 'drop' fault. */
  status: number;
  kind: 'api' | 'token' | 'other';
  /** Lower-cased names; Authorization reduced to '<scheme> <redacted>' (e.g. 'Bearer <redacted>'). */
  headers: Record<string, string | undefined>;
  /** Date.now() when the request arrived. */
  at: number;
  /** Size of the JSON body the fake sent (the raw TIDAL document, decoded), for the benchmark. */
  responseBytes?: number;
  /**
   * Bytes on the wire: gzip-compressed when the request said `Accept-Encoding: gzip` and the
   * body is over 2 KB (what TIDAL documents), else the same as responseBytes.
   */
  wireBytes?: number;
  /** What the TIDAL OAS does not document about this request (spec-guard.ts). */
  specProblems?: string[];
}

/**
 * Injected failures. `path` matches the API path without /v2 (string: exact match; RegExp:
 * `test`), default any API path. Each request consumes at most one fault: the first matching one
 * in FIFO order; `count` (default 1) is how many requests it affects.
 */
export type Fault =
  | {
      kind: 'status';
      status: number;
      count?: number;
      path?: string | RegExp;
      /** Retry-After header value, e.g. '1' or an HTTP date. */
      retryAfter?: string;
      headers?: Record<string, string>;
      /** Only requests with this method (default any). */
      method?: string;
      /** Let this many matching requests through first (e.g. fail the second POST). */
      skip?: number;
      /** Carry out the request, then answer with the fault status: a lost response to a write. */
      afterApply?: boolean;
    }
  | { kind: 'latency'; ms: number; count?: number; path?: string | RegExp }
  /** Destroys the socket without any response. */
  | { kind: 'drop'; count?: number; path?: string | RegExp }
  /** Fails the token endpoint with this status. */
  | { kind: 'token-status'; status: number; count?: number }
  /**
   * Answers with exactly these bytes (no JSON encoding, no compression of its own): HTML from a
   * proxy, broken JSON, an empty 200, a wrong content type, a gzip bomb.
   */
  | {
      kind: 'body';
      body: string | Uint8Array;
      /** Default 200. */
      status?: number;
      /** Default application/vnd.api+json; '' sends no Content-Type at all. */
      contentType?: string;
      /** Sent as Content-Encoding, e.g. 'gzip' with a gzipped `body`. */
      contentEncoding?: string;
      count?: number;
      path?: string | RegExp;
      method?: string;
    };

export interface FakeTidal {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  /** `${url}/v2` */
  readonly apiUrl: string;
  /** `${url}/v1/oauth2/token` */
  readonly tokenUrl: string;
  /** `${url}/authorize`: an auto-approving login page for DEFAULT_USER (see auth/user-login.ts). */
  readonly authorizeUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly catalog: Catalog;
  readonly requests: readonly RequestLogEntry[];
  /** kind === 'api' only. */
  apiRequests(): RequestLogEntry[];
  clearRequests(): void;
  inject(fault: Fault): void;
  clearFaults(): void;
  /** Every page cursor issued so far expires: following one answers 400 on page[cursor]. */
  expireCursors(): void;
  /** Every token issued so far becomes invalid; the API then answers 401. */
  expireAllTokens(): void;
  /** Every access token issued to this user id expires now; returns how many. */
  expireUserTokens(userId: string): number;
  issuedTokenCount(): number;
  /**
   * Mint a user access token directly (as if the user had logged in), for tests of user-scoped
   * endpoints that do not exercise the login flow itself.
   */
  issueUserToken(options?: IssueUserTokenOptions): string;
  /** The /authorize + code/refresh grants; tests flip `options.rejectRefresh` etc. */
  readonly userLogin: UserLogin;
  /** User-owned playlists, for asserting what the write endpoints did. */
  readonly userPlaylists: UserPlaylists;
  /** Every user's favorites (seeded for DEFAULT_USER, see library/seed.ts). */
  readonly collections: UserCollections;
  /** Writes answered by Idempotency-Key replay instead of being applied again. */
  idempotentReplays(): number;
  close(): Promise<void>;
}
