/**
 * API route table. Matching order of checks mirrors a real gateway + service: unknown path 404,
 * wrong method 405, undocumented query parameter 400, then countryCode / enum validation, then
 * the handler. Later issues add routes (users, playlist writes) with `router.add(...)`.
 */
import type { TokenRecord } from '../auth/token-registry.js';
import type { ExplicitFilter } from '../catalog.js';
import { ApiError, notFound } from '../jsonapi/errors.js';
import { enumParam, type Query, rejectUnknown, resolveCountry } from '../jsonapi/query.js';
import type { RequestContext } from '../jsonapi/store.js';

export interface ApiRequest {
  method: string;
  /** Without the /v2 prefix, as requested (used for links.self). */
  path: string;
  /** Decoded path parameters (`:id`, `:rel`). */
  params: Record<string, string>;
  query: Query;
  token: TokenRecord;
  ctx: RequestContext;
  body?: unknown;
  /** Lower-cased request headers (writes read Idempotency-Key). */
  headers: Record<string, string | undefined>;
}

export interface ApiResult {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface ApiRoute {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Literal segments and `:name` parameters, e.g. '/albums/:id/relationships/:rel'. */
  pattern: string;
  /** Documented query parameters (OAS); a function when they depend on path params. */
  query: readonly string[] | ((params: Record<string, string>) => readonly string[]);
  handler(req: ApiRequest): ApiResult;
}

export const DEVICE_TYPES = ['BROWSER', 'CAR', 'DESKTOP', 'PHONE', 'TABLET', 'TV'] as const;
export const SYSTEM_TYPES = ['ANDROID', 'DESKTOP', 'TESLA', 'IOS', 'WEB'] as const;

function match(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, seg] of want.entries()) {
    const actual = got[i]!;
    if (seg.startsWith(':')) {
      if (actual === '') return undefined;
      try {
        params[seg.slice(1)] = decodeURIComponent(actual);
      } catch {
        return undefined;
      }
    } else if (seg !== actual) {
      return undefined;
    }
  }
  return params;
}

export class ApiRouter {
  private readonly routes: ApiRoute[] = [];

  constructor(private readonly pageSize: number) {}

  add(...routes: ApiRoute[]): this {
    this.routes.push(...routes);
    return this;
  }

  dispatch(
    method: string,
    path: string,
    query: Query,
    token: TokenRecord,
    body?: unknown,
    headers: Record<string, string | undefined> = {},
  ): ApiResult {
    const candidates = this.routes
      .map((route) => ({ route, params: match(route.pattern, path) }))
      .filter((c): c is { route: ApiRoute; params: Record<string, string> } => !!c.params);
    if (candidates.length === 0) throw notFound(`No endpoint matches ${path}`);
    const hit = candidates.find((c) => c.route.method === method);
    if (!hit) {
      const allow = [...new Set(candidates.map((c) => c.route.method))].join(', ');
      throw new ApiError(405, undefined, { headers: { allow } });
    }
    const { route, params } = hit;
    const allowed = typeof route.query === 'function' ? route.query(params) : route.query;
    rejectUnknown(query, allowed);
    const ctx: RequestContext = {
      country: allowed.includes('countryCode')
        ? resolveCountry(query, token.country)
        : (token.country ?? ''),
      explicitFilter: 'INCLUDE',
      pageSize: this.pageSize,
      query,
      token,
    };
    if (allowed.includes('explicitFilter')) {
      ctx.explicitFilter =
        enumParam<ExplicitFilter>(query, 'explicitFilter', ['INCLUDE', 'EXCLUDE']) ?? 'INCLUDE';
    }
    if (allowed.includes('deviceType')) enumParam(query, 'deviceType', DEVICE_TYPES);
    if (allowed.includes('systemType')) enumParam(query, 'systemType', SYSTEM_TYPES);
    const req: ApiRequest = { method, path, params, query, token, ctx, headers };
    if (body !== undefined) req.body = body;
    return route.handler(req);
  }
}
