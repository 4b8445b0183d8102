/**
 * MCP over Streamable HTTP at /mcp, plus GET /healthz. One process serves many clients: the
 * TIDAL client, its pool, token and cache live in App.deps and are shared; the SDK builds a cheap
 * McpServer per request. Nothing is kept between requests, so instances can sit behind any load
 * balancer without sticky sessions. Serves 2026-07-28 (stateless) and 2025-era clients.
 */
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

import { toNodeHandler } from '@modelcontextprotocol/node';
import { createMcpHandler } from '@modelcontextprotocol/server';

import type { App } from '../app.js';
import { type Config, ConfigError } from '../config.js';
import { createServer } from '../server.js';
import { LegacyCancellation } from './http-cancel.js';
import {
  bearerGuard,
  declaredBodySizeGuard,
  hostAndOriginGuard,
  isLoopbackHost,
  payloadTooLarge,
  reject,
} from './http-guards.js';
import { MAX_MESSAGE_BYTES } from './limits.js';

const MAX_BODY_BYTES = MAX_MESSAGE_BYTES;
/** How long shutdown waits for in-flight calls before aborting them. */
const SHUTDOWN_GRACE_MS = 10_000;

export interface HttpServerHandle {
  /** The MCP endpoint, e.g. http://127.0.0.1:8787/mcp (the real port when 0 was asked for). */
  readonly url: string;
  /** Stop accepting, let in-flight requests finish (bounded), then release everything. */
  close(): Promise<void>;
}

/** Refuse an unauthenticated server reachable from other machines. */
export function assertSafeBinding(http: Config['http']): void {
  if (!isLoopbackHost(http.host) && http.token === undefined) {
    throw new ConfigError(
      `refusing to serve HTTP on non-loopback host "${http.host}" without TIDAL_MCP_HTTP_TOKEN; ` +
        'set a token (clients then send "Authorization: Bearer <token>") or bind to 127.0.0.1',
    );
  }
}

/**
 * The whole body as text, or undefined once it passes maxBytes: reading stops there and the
 * caller's 413 closes the connection, so the rest is never received.
 */
function readBody(req: IncomingMessage, maxBytes: number): Promise<string | undefined> {
  return new Promise((resolve, rejectRead) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (outcome: () => void) => {
      req.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
      outcome();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size <= maxBytes) return void chunks.push(chunk);
      req.pause();
      settle(() => resolve(undefined));
    };
    const onEnd = () => settle(() => resolve(Buffer.concat(chunks).toString('utf8')));
    const onError = (error: Error) => settle(() => rejectRead(error));
    // A client that hangs up mid-body: no 'end', only 'close'.
    const onClose = () => settle(() => rejectRead(new Error('client closed the request')));
    req.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}

/** Liveness only: no version, configuration or upstream state. */
function serveHealth(req: IncomingMessage, res: ServerResponse, draining: boolean): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    reject(res, 405, 'Method not allowed.', { allow: 'GET, HEAD' });
    return;
  }
  const body = draining ? '{"status":"draining"}' : '{"status":"ok"}';
  res.writeHead(draining ? 503 : 200, { 'content-type': 'application/json' });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function formatUrl(address: AddressInfo): string {
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}/mcp`;
}

/** Requests being answered, so shutdown can let them finish (bounded) before closing. */
class InFlight {
  count = 0;
  draining = false;
  private drained: (() => void) | undefined;

  track(res: ServerResponse): void {
    this.count += 1;
    res.once('close', () => {
      this.count -= 1;
      if (this.count === 0) this.drained?.();
    });
  }

  /** Stop admitting; resolve when the last request ends or after `graceMs`. */
  async drain(graceMs: number): Promise<void> {
    this.draining = true;
    if (this.count === 0) return;
    await new Promise<void>((resolve) => {
      this.drained = resolve;
      setTimeout(resolve, graceMs).unref();
    });
  }
}

/** The SDK's handler for /mcp, one cheap McpServer per request, with its errors logged. */
function mcpHandlers(app: App) {
  const mcp = createMcpHandler(() => createServer(app.deps), {
    maxRequestBodySize: MAX_BODY_BYTES,
    // Rejected requests (bad JSON, wrong content type...) land here: client mistakes, not ours,
    // and a noisy client must not flood the log.
    onerror: (error) => app.logger.debug(`mcp handler: ${error.message}`),
  });
  const node = toNodeHandler(mcp, {
    maxRequestBodySize: MAX_BODY_BYTES,
    onerror: (error) => app.logger.error(`http adapter: ${error.message}`),
  });
  return { mcp, node };
}

type Admit = (req: IncomingMessage, res: ServerResponse, path: string) => boolean;

/** Everything a request must pass before /mcp reads its body; false once it was answered. */
function admission(config: Config, inFlight: InFlight): Admit {
  // Host names are checked only on loopback; a public binding requires a token instead, which a
  // DNS-rebinding page cannot know, and its Host is whatever name the load balancer uses.
  const hostAndOrigin = hostAndOriginGuard({ loopbackOnly: isLoopbackHost(config.http.host) });
  const auth = bearerGuard(config.http.token);
  const bodySize = declaredBodySizeGuard(MAX_BODY_BYTES);
  return (req, res, path) => {
    if (!hostAndOrigin(req, res)) return false;
    if (path === '/healthz') {
      serveHealth(req, res, inFlight.draining);
      return false;
    }
    if (path !== '/mcp') {
      reject(res, 404, 'Not found. The MCP endpoint is /mcp.');
      return false;
    }
    // Stateless Streamable HTTP is POST only: no standalone GET stream, no session to DELETE.
    if (req.method !== 'POST') {
      reject(res, 405, 'Method not allowed.', { allow: 'POST' });
      return false;
    }
    if (!auth(req, res) || !bodySize(req, res)) return false;
    if (inFlight.draining) {
      reject(res, 503, 'Server is shutting down.');
      return false;
    }
    return true;
  };
}

type NodeHandler = ReturnType<typeof toNodeHandler>;

/** Read the body once (bounded), let cancellation routing see it, then replay it to the SDK. */
async function serveMcp(
  req: IncomingMessage,
  res: ServerResponse,
  node: NodeHandler,
  cancellation: LegacyCancellation,
): Promise<void> {
  const body = await readBody(req, MAX_BODY_BYTES);
  if (body === undefined) {
    reject(res, 413, payloadTooLarge(MAX_BODY_BYTES));
    return;
  }
  cancellation.inspect(body, req, res);
  const replay = {
    method: req.method,
    url: req.url,
    headers: req.headers,
    // eslint-disable-next-line @typescript-eslint/require-await
    async *[Symbol.asyncIterator]() {
      yield body;
    },
  };
  return node(replay, res);
}

function listen(server: Server, config: Config): Promise<string> {
  return new Promise((resolve, fail) => {
    server.once('error', fail);
    server.listen(config.http.port, config.http.host, () => {
      server.off('error', fail);
      resolve(formatUrl(server.address() as AddressInfo));
    });
  });
}

export async function startHttp(app: App): Promise<HttpServerHandle> {
  const { config, logger } = app;
  assertSafeBinding(config.http);
  const { mcp, node } = mcpHandlers(app);
  const inFlight = new InFlight();
  const admit = admission(config, inFlight);
  const cancellation = new LegacyCancellation((id) =>
    logger.debug(`cancelling request ${id} on the client's request`),
  );
  const server = createHttpServer((req, res) => {
    // Only the path is logged: a query string is client-controlled and may carry anything.
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    res.once('finish', () => logger.debug(`${req.method} ${path} -> ${res.statusCode}`));
    if (!admit(req, res, path)) return;
    inFlight.track(res);
    serveMcp(req, res, node, cancellation).catch((error: unknown) => {
      // A client that hangs up mid-body makes the read fail; that is its problem, not a crash.
      logger.debug(`request aborted: ${error instanceof Error ? error.message : String(error)}`);
      res.destroy();
    });
  });
  // Bounds on slow or idle clients; tool calls themselves may take longer (upstream retries).
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  const url = await listen(server, config);

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await inFlight.drain(SHUTDOWN_GRACE_MS);
      if (inFlight.count > 0) {
        logger.warn(`aborting ${inFlight.count} request(s) still running at shutdown`);
      }
      await mcp.close();
      server.closeAllConnections();
      await stopped;
    })();
    return closing;
  };
  return { url, close };
}

/** `tidal-mcp --http`: serve until SIGINT/SIGTERM, then shut down gracefully. */
export async function runHttp(app: App): Promise<void> {
  const missing = app.clientCredentials.missing();
  if (missing.length > 0) {
    app.logger.warn(
      `${missing.join(' and ')} not set: tools will answer with setup instructions until they are.`,
    );
  }
  const server = await startHttp(app);
  const auth =
    app.config.http.token === undefined
      ? 'loopback only, no token'
      : 'Authorization header required';
  app.logger.info(`listening on ${server.url} (${auth})`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  app.logger.info('shutting down: finishing in-flight requests');
  await server.close();
  await app.close();
}
