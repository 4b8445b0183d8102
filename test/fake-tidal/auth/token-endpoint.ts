/**
 * POST /v1/oauth2/token. Grants live in a table keyed by grant_type so the authorization_code
 * (+PKCE) and refresh_token grants can be registered from their own module later
 * (`endpoint.registerGrant('authorization_code', handler)`); only client_credentials ships now.
 * Error bodies mirror auth.tidal.com: `{status, error, sub_status, error_description}`.
 */
import type { IncomingHttpHeaders } from 'node:http';

import type { TokenRegistry } from './token-registry.js';

export interface TokenEndpointOptions {
  clientId: string;
  clientSecret: string;
  tokenTtlSeconds: number;
}

export interface TokenRequest {
  form: URLSearchParams;
  /** From the form, or from HTTP Basic (which wins, as in RFC 6749 §2.3.1). */
  clientId?: string;
  clientSecret?: string;
}

export interface TokenResponse {
  status: number;
  body: Record<string, unknown>;
}

export interface GrantContext {
  options: TokenEndpointOptions;
  registry: TokenRegistry;
}

export type GrantHandler = (req: TokenRequest, ctx: GrantContext) => TokenResponse;

export class TokenError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    description: string,
    readonly subStatus: number,
  ) {
    super(description);
  }

  toResponse(): TokenResponse {
    return {
      status: this.status,
      body: {
        status: this.status,
        error: this.error,
        sub_status: this.subStatus,
        error_description: this.message,
      },
    };
  }
}

/** Shared by grants: a confidential client must present the configured id and secret. */
export function authenticateClient(
  req: TokenRequest,
  ctx: GrantContext,
  secretRequired: boolean,
): void {
  if (req.clientId !== ctx.options.clientId) {
    throw new TokenError(
      401,
      'invalid_client',
      `Client with token ${req.clientId ?? ''} not found`,
      1005,
    );
  }
  if (
    (secretRequired || req.clientSecret !== undefined) &&
    req.clientSecret !== ctx.options.clientSecret
  ) {
    throw new TokenError(401, 'invalid_client', 'Client authentication failed', 1005);
  }
}

export const clientCredentialsGrant: GrantHandler = (req, ctx) => {
  authenticateClient(req, ctx, true);
  const record = ctx.registry.issue({
    kind: 'client',
    clientId: ctx.options.clientId,
    ttlSeconds: ctx.options.tokenTtlSeconds,
  });
  return {
    status: 200,
    body: {
      access_token: record.accessToken,
      token_type: 'Bearer',
      expires_in: ctx.options.tokenTtlSeconds,
      scope: '',
    },
  };
};

function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const match = /^Basic\s+(.+)$/i.exec(header ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  if (i < 0) return undefined;
  return {
    id: decodeURIComponent(decoded.slice(0, i)),
    secret: decodeURIComponent(decoded.slice(i + 1)),
  };
}

export class TokenEndpoint {
  private readonly grants = new Map<string, GrantHandler>([
    ['client_credentials', clientCredentialsGrant],
  ]);

  constructor(private readonly ctx: GrantContext) {}

  registerGrant(grantType: string, handler: GrantHandler): void {
    this.grants.set(grantType, handler);
  }

  handle(method: string, headers: IncomingHttpHeaders, body: string): TokenResponse {
    try {
      if (method !== 'POST')
        throw new TokenError(405, 'invalid_request', 'Method not allowed', 1002);
      const type = (headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (type !== 'application/x-www-form-urlencoded') {
        throw new TokenError(
          400,
          'invalid_request',
          'Content-Type must be application/x-www-form-urlencoded',
          1002,
        );
      }
      const form = new URLSearchParams(body);
      const basic = basicCredentials(headers.authorization);
      const req: TokenRequest = { form };
      const clientId = basic?.id ?? form.get('client_id') ?? undefined;
      const clientSecret = basic?.secret ?? form.get('client_secret') ?? undefined;
      if (clientId !== undefined) req.clientId = clientId;
      if (clientSecret !== undefined) req.clientSecret = clientSecret;
      const grantType = form.get('grant_type');
      if (!grantType) throw new TokenError(400, 'invalid_request', 'Missing grant_type', 1002);
      const grant = this.grants.get(grantType);
      if (!grant) {
        throw new TokenError(
          400,
          'unsupported_grant_type',
          `Unsupported grant type: ${grantType}`,
          1002,
        );
      }
      return grant(req, this.ctx);
    } catch (err) {
      if (err instanceof TokenError) return err.toResponse();
      throw err;
    }
  }
}
