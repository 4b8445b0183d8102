/**
 * Request guards for the HTTP transport, in front of the MCP handler. The SDK's handler checks
 * neither Host, Origin nor credentials, so everything here runs before a request reaches it.
 *
 * Policy:
 * - Loopback binding: Host must name a loopback address (DNS-rebinding protection).
 * - Any binding: a present Origin must be loopback; browsers on other sites are refused.
 * - A configured bearer token is required on /mcp, compared in constant time. The token only
 *   authenticates the client to tidal-mcp; it is never forwarded to TIDAL (TIDAL calls use the
 *   server's own client-credentials token), so there is no token passthrough.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import { localhostHostValidation, localhostOriginValidation } from '@modelcontextprotocol/node';

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

export type Guard = (req: IncomingMessage, res: ServerResponse) => boolean;

/** Host and Origin checks: each answers 403 itself and returns false when it rejects. */
export function dnsRebindingGuard(options: { checkHost: boolean }): Guard {
  const host = localhostHostValidation();
  const origin = localhostOriginValidation();
  return (req, res) => (!options.checkHost || host(req, res)) && origin(req, res);
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
    sendJsonError(
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
 * are bounded by the SDK adapter, which stops reading at the same limit and answers 413.
 */
export function declaredBodySizeGuard(maxBytes: number): Guard {
  return (req, res) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (!(declared > maxBytes)) return true;
    sendJsonError(res, 413, `Payload Too Large: Request body must not exceed ${maxBytes} bytes`, {
      connection: 'close',
    });
    return false;
  };
}
