/**
 * Request guards for the HTTP transport, in front of the MCP handler. The SDK's handler checks
 * neither Host, Origin nor credentials, so everything here runs before a request reaches it.
 *
 * Policy:
 * - Any binding: the Host header must be one well-formed `host[:port]` (400 otherwise). The SDK
 *   adapter builds a URL from it, so a malformed one would surface as a 500; and a Host such as
 *   `evil.com@127.0.0.1` must not pass for loopback.
 * - Loopback binding: Host must name a loopback address (DNS-rebinding protection).
 * - Any binding: a present Origin must be loopback; browsers on other sites are refused.
 * - A configured bearer token is required on /mcp, compared in constant time. The token only
 *   authenticates the client to tidal-mcp; it is never forwarded to TIDAL (TIDAL calls use the
 *   server's own client-credentials token), so there is no token passthrough.
 * - Every rejection closes the connection. Without `Connection: close` Node would read and
 *   discard the rest of a rejected body to reuse the connection; a client that was refused
 *   has nothing more to send, and an attacker's body is not worth receiving.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isIP } from 'node:net';

import { localhostAllowedOrigins, validateOriginHeader } from '@modelcontextprotocol/server';

/** Whether a configured bind address or host name only accepts connections from this machine. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare === '::1') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  // IPv4-mapped IPv6 loopback, e.g. ::ffff:127.0.0.1.
  return bare.startsWith('::ffff:127.');
}

/** Write a JSON-RPC error body with an HTTP status, the shape the SDK uses for its own rejections. */
export function sendJsonError(
  res: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  const body = JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message }, id: null });
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(body)),
    ...headers,
  });
  res.end(body);
}

/** How long a refused connection stays half-closed so the client can read our answer. */
const LINGER_MS = 2000;

/**
 * Node ends a `Connection: close` response with socket.destroySoon(), which closes the socket as
 * soon as the answer is written. A client still sending its body then gets a TCP reset and may
 * lose the answer it was about to read. Instead: send FIN, read nothing more, and drop the socket
 * LINGER_MS later (nginx's lingering close, minus the reading).
 */
function lingerAfterAnswer(res: ServerResponse): void {
  const socket = res.socket;
  if (socket === null) return;
  socket.destroySoon = () => {
    socket.end();
    socket.pause();
    const timer = setTimeout(() => socket.destroy(), LINGER_MS);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
  };
}

/** Refuse a request before reading its body, and close the connection (see the module header). */
export function reject(
  res: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  lingerAfterAnswer(res);
  sendJsonError(res, status, message, { ...headers, connection: 'close' });
}

export type Guard = (req: IncomingMessage, res: ServerResponse) => boolean;

/** RFC 9110 Host: uri-host [":" port], where uri-host is an IPv6 literal or a DNS name/IPv4. */
const HOST = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+)(?::(\d{0,5}))?$/;
/** The host names the SDK's localhost guards allow, compared in lower case. */
const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The Host header's host name in lower case, or undefined when missing, repeated or malformed. */
export function parseHost(req: IncomingMessage): string | undefined {
  // Node keeps only the first of repeated Host headers; the raw list shows them all.
  let count = 0;
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    if (req.rawHeaders[i]?.toLowerCase() === 'host') count += 1;
  }
  const match = count === 1 ? HOST.exec(req.headers.host ?? '') : null;
  if (!match?.[1]) return undefined;
  const [, name, port] = match;
  if (port && Number(port) > 65535) return undefined;
  if (name.startsWith('[') && isIP(name.slice(1, -1)) !== 6) return undefined;
  return name.toLowerCase();
}

/** Host and Origin checks: each answers 400/403 itself and returns false when it rejects. */
export function hostAndOriginGuard(options: { loopbackOnly: boolean }): Guard {
  const origins = localhostAllowedOrigins();
  return (req, res) => {
    const host = parseHost(req);
    if (host === undefined) {
      // Never echoed: a malformed value is the client's business, not our log's or reply's.
      reject(res, 400, 'Bad Request: malformed Host header');
      return false;
    }
    if (options.loopbackOnly && !LOOPBACK_NAMES.has(host)) {
      reject(res, 403, `Invalid Host: ${host}`);
      return false;
    }
    const origin = validateOriginHeader(req.headers.origin, origins);
    if (!origin.ok) {
      const known = origin.errorCode === 'invalid_origin';
      reject(res, 403, known ? origin.message : 'Invalid Origin header');
      return false;
    }
    return true;
  };
}

function digest(value: string): Buffer {
  // Hashing first gives equal-length buffers, so timingSafeEqual never leaks the token's length.
  return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * Bearer-token check. `undefined` token means the check is off (loopback without a token).
 * The 401 message never echoes what the client sent.
 */
export function bearerGuard(token: string | undefined): Guard {
  if (token === undefined) return () => true;
  const expected = digest(token);
  return (req, res) => {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
    if (match?.[1] !== undefined && timingSafeEqual(digest(match[1]), expected)) return true;
    reject(
      res,
      401,
      match ? 'Unauthorized: invalid bearer token' : 'Unauthorized: bearer token required',
      { 'www-authenticate': 'Bearer realm="tidal-mcp"' },
    );
    return false;
  };
}

/**
 * Reject a declared oversize body before reading it. Bodies without Content-Length (chunked)
 * are bounded while they are read (readBody in http.ts), with the same limit and answer.
 */
export function declaredBodySizeGuard(maxBytes: number): Guard {
  return (req, res) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (!(declared > maxBytes)) return true;
    reject(res, 413, payloadTooLarge(maxBytes));
    return false;
  };
}

export const payloadTooLarge = (maxBytes: number) =>
  `Payload Too Large: Request body must not exceed ${maxBytes} bytes`;
