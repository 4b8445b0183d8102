/**
 * node:http glue: classifies each request (api / token / other), logs it, applies configured
 * latency, injected faults and the rate-limit bucket, authenticates API calls, and hands them to
 * the router. Order matters and mirrors production: faults (network/gateway trouble) first, then
 * the rate limiter, then content negotiation and auth, then routing.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';

import type { TokenEndpoint } from './auth/token-endpoint.js';
import type { TokenRegistry } from './auth/token-registry.js';
import type { UserLogin } from './auth/user-login.js';
import type { FaultQueue } from './faults.js';
import { ApiError } from './jsonapi/errors.js';
import { parseQuery } from './jsonapi/query.js';
import type { ResourceStore } from './jsonapi/store.js';
import type { TokenBucket } from './rate-limit.js';
import type { ApiRouter } from './routes/router.js';
import { checkRequest } from './spec-guard.js';
import type { Fault, RequestLogEntry } from './types.js';

export const API_PREFIX = '/v2';
export const TOKEN_PATH = '/v1/oauth2/token';
export const AUTHORIZE_PATH = '/authorize';
const JSON_API = 'application/vnd.api+json';
/** The OAS: "Responses are gzip-compressed when the request includes Accept-Encoding: gzip (bodies over 2 KB)". */
const GZIP_OVER_BYTES = 2048;

export interface ServerDeps {
  router: ApiRouter;
  /** For the spec guard: relationship targets of nested include paths. */
  store: ResourceStore;
  tokens: TokenRegistry;
  tokenEndpoint: TokenEndpoint;
  userLogin: UserLogin;
  faults: FaultQueue;
  bucket?: TokenBucket;
  latencyMs: number;
  log: RequestLogEntry[];
  sleep(ms: number): Promise<void>;
  isClosed(): boolean;
}

function logHeaders(req: IncomingMessage): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  if (out.authorization !== undefined) {
    out.authorization = `${out.authorization.split(/\s+/)[0] ?? ''} <redacted>`;
  }
  return out;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Accept-Encoding names gzip (or *) without q=0. */
function acceptsGzip(acceptEncoding: string | undefined): boolean {
  return (acceptEncoding ?? '').split(',').some((part) => {
    const [coding, ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    const refused = params.some((p) => /^q=0(\.0*)?$/.test(p));
    return (coding === 'gzip' || coding === '*') && !refused;
  });
}

/** Write a body, gzipping it as TIDAL does; logs decoded and wire sizes. */
function writeBody(
  res: ServerResponse,
  entry: RequestLogEntry,
  status: number,
  payload: Buffer,
  headers: Record<string, string>,
): void {
  entry.status = status;
  entry.responseBytes = payload.length;
  let wire = payload;
  const out = { ...headers };
  if (payload.length > GZIP_OVER_BYTES && acceptsGzip(entry.headers['accept-encoding'])) {
    wire = gzipSync(payload);
    out['content-encoding'] = 'gzip';
    out.vary = 'accept-encoding';
  }
  entry.wireBytes = wire.length;
  res.writeHead(status, { ...out, 'content-length': String(wire.length) });
  res.end(wire);
}

function send(
  res: ServerResponse,
  entry: RequestLogEntry,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  contentType = JSON_API,
): void {
  const payload = Buffer.from(JSON.stringify(body));
  writeBody(res, entry, status, payload, { ...headers, 'content-type': contentType });
}

/** A 'body' fault: exactly the given bytes, with the given headers. */
function sendRaw(res: ServerResponse, entry: RequestLogEntry, fault: Fault & { kind: 'body' }) {
  const payload = Buffer.from(fault.body);
  const headers: Record<string, string> = { 'content-length': String(payload.length) };
  const contentType = fault.contentType ?? JSON_API;
  if (contentType !== '') headers['content-type'] = contentType;
  if (fault.contentEncoding) headers['content-encoding'] = fault.contentEncoding;
  entry.status = fault.status ?? 200;
  entry.responseBytes = payload.length;
  entry.wireBytes = payload.length;
  res.writeHead(entry.status, headers);
  res.end(payload);
}

function sendApiError(
  res: ServerResponse,
  entry: RequestLogEntry,
  err: ApiError,
  extra = {},
): void {
  send(res, entry, err.status, err.toDocument(), { ...extra, ...err.headers });
}

/** An Accept header that rules out JSON:API gets 406, as the OAS documents. */
function acceptable(accept: string | undefined): boolean {
  if (!accept) return true;
  return accept
    .split(',')
    .map((part) => part.split(';')[0]!.trim().toLowerCase())
    .some((t) => t === JSON_API || t === '*/*' || t === 'application/*');
}

function authenticate(deps: ServerDeps, header: string | undefined) {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (!match) {
    throw new ApiError(401, 'Invalid or missing Authorization Header', {
      headers: { 'www-authenticate': 'Bearer' },
    });
  }
  const found = deps.tokens.lookup(match[1]!);
  if (!found.ok) {
    throw new ApiError(
      401,
      found.reason === 'expired' ? 'The token has expired' : 'Invalid token',
      {
        headers: { 'www-authenticate': 'Bearer error="invalid_token"' },
      },
    );
  }
  return found.record;
}

/** A write's JSON:API body: 415 for another media type, 400 for broken JSON. */
function parseRequestBody(req: IncomingMessage, body: string): unknown {
  if (body === '') return undefined;
  if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith(JSON_API)) {
    throw new ApiError(415);
  }
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new ApiError(400, 'Request body is not valid JSON');
  }
}

async function handleApi(
  deps: ServerDeps,
  req: IncomingMessage,
  res: ServerResponse,
  entry: RequestLogEntry,
  body: string,
): Promise<void> {
  // Every request is held against the spec, whatever happens to it next (spec-guard.ts).
  const problems = checkRequest(deps.store, {
    method: entry.method,
    path: entry.path,
    query: entry.query,
    body,
    raw: (req.url ?? '').slice(API_PREFIX.length),
  });
  if (problems.length > 0) entry.specProblems = problems;
  const fault = deps.faults.take('api', entry.path, req.method ?? 'GET');
  if (fault?.kind === 'latency') await deps.sleep(fault.ms);
  if (deps.isClosed()) return void req.socket.destroy();
  if (fault?.kind === 'drop') {
    entry.status = 0;
    req.socket.destroy();
    return;
  }
  if (fault?.kind === 'body') return sendRaw(res, entry, fault);
  if (fault?.kind === 'status' && !fault.afterApply) {
    const headers = {
      ...fault.headers,
      ...(fault.retryAfter ? { 'retry-after': fault.retryAfter } : {}),
    };
    return sendApiError(res, entry, new ApiError(fault.status), headers);
  }
  let limitHeaders: Record<string, string> = {};
  try {
    if (deps.bucket) {
      const taken = deps.bucket.take();
      limitHeaders = taken.headers;
      if (!taken.allowed) throw new ApiError(429);
    }
    if (!acceptable(req.headers.accept)) throw new ApiError(406);
    const token = authenticate(deps, req.headers.authorization);
    const parsed = parseRequestBody(req, body);
    const result = deps.router.dispatch(
      req.method ?? 'GET',
      entry.path,
      entry.query,
      token,
      parsed,
      {
        'idempotency-key': req.headers['idempotency-key'] as string | undefined,
        'content-type': req.headers['content-type'],
      },
    );
    if (fault?.kind === 'status' && fault.afterApply) {
      // The write happened, but the client never learns it: only a replay can tell it so.
      return sendApiError(res, entry, new ApiError(fault.status), limitHeaders);
    }
    send(res, entry, result.status ?? 200, result.body, { ...limitHeaders, ...result.headers });
  } catch (err) {
    const apiErr = err instanceof ApiError ? err : new ApiError(500, String(err));
    sendApiError(res, entry, apiErr, limitHeaders);
  }
}

function handleToken(
  deps: ServerDeps,
  req: IncomingMessage,
  res: ServerResponse,
  entry: RequestLogEntry,
  body: string,
) {
  const fault = deps.faults.take('token', entry.path);
  const noStore = { 'cache-control': 'no-store' };
  if (fault?.kind === 'token-status') {
    const error = fault.status >= 500 ? 'server_error' : 'invalid_request';
    const errBody = {
      status: fault.status,
      error,
      sub_status: 0,
      error_description: 'Injected failure',
    };
    return send(res, entry, fault.status, errBody, noStore, 'application/json');
  }
  const out = deps.tokenEndpoint.handle(req.method ?? 'GET', req.headers, body);
  send(res, entry, out.status, out.body, noStore, 'application/json');
}

export function createRequestHandler(deps: ServerDeps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const pathname = url.pathname;
    const isApi = pathname === API_PREFIX || pathname.startsWith(`${API_PREFIX}/`);
    const kind = isApi ? 'api' : pathname === TOKEN_PATH ? 'token' : 'other';
    const entry: RequestLogEntry = {
      method: req.method ?? 'GET',
      path: isApi
        ? pathname.slice(API_PREFIX.length) || '/'
        : kind === 'token'
          ? '/oauth2/token'
          : pathname,
      query: parseQuery(url.searchParams),
      status: 0,
      kind,
      headers: logHeaders(req),
      at: Date.now(),
    };
    deps.log.push(entry);
    try {
      const body = await readBody(req);
      if (kind !== 'other' && deps.latencyMs > 0) await deps.sleep(deps.latencyMs);
      if (deps.isClosed()) return void req.socket.destroy();
      if (kind === 'api') return await handleApi(deps, req, res, entry, body);
      if (kind === 'token') return handleToken(deps, req, res, entry, body);
      if (pathname === AUTHORIZE_PATH && req.method === 'GET') {
        const out = deps.userLogin.authorize(url.searchParams);
        if (out.location) {
          entry.status = out.status;
          res.writeHead(out.status, { location: out.location, 'content-length': '0' });
          return void res.end();
        }
        return send(res, entry, out.status, out.body, {}, 'application/json');
      }
      send(res, entry, 404, { error: 'not_found' }, {}, 'application/json');
    } catch (err) {
      if (!res.headersSent && !res.destroyed) {
        send(res, entry, 500, new ApiError(500, String(err)).toDocument());
      }
    }
  };
}
