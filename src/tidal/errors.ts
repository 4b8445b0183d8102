/**
 * A small typed error family for everything that can go wrong talking to TIDAL.
 * Messages are written for the person (or model) reading them and never carry a token, a
 * secret or an Authorization header: they are built from status codes and TIDAL's JSON:API
 * `errors[]` details only.
 */
import { UserFacingError } from '../errors.js';

export type TidalErrorKind =
  | 'not_found'
  | 'rate_limited'
  | 'auth'
  | 'forbidden'
  | 'bad_request'
  | 'conflict'
  | 'upstream'
  | 'network'
  | 'credentials_missing';

export abstract class TidalError extends UserFacingError {
  abstract readonly kind: TidalErrorKind;
  /** HTTP status from TIDAL, when there was a response. */
  readonly status: number | undefined;
  constructor(message: string, status?: number, options?: { cause?: unknown }) {
    super(message, options);
    this.status = status;
  }
}

export class NotFoundError extends TidalError {
  override name = 'NotFoundError';
  readonly kind = 'not_found';
}

export class RateLimitedError extends TidalError {
  override name = 'RateLimitedError';
  readonly kind = 'rate_limited';
  constructor(readonly retryAfterSeconds: number) {
    super(`TIDAL rate limit reached; retry after ${retryAfterSeconds} s`, 429);
  }
}

export class AuthError extends TidalError {
  override name = 'AuthError';
  readonly kind = 'auth';
}

export class ForbiddenError extends TidalError {
  override name = 'ForbiddenError';
  readonly kind = 'forbidden';
}

export class BadRequestError extends TidalError {
  override name = 'BadRequestError';
  readonly kind = 'bad_request';
  constructor(
    message: string,
    status: number,
    /** The query parameter TIDAL blamed, if it said (JSON:API `source.parameter`). */
    readonly parameter?: string,
  ) {
    super(message, status);
  }
}

export class ConflictError extends TidalError {
  override name = 'ConflictError';
  readonly kind = 'conflict';
  constructor(
    message: string,
    status: number,
    readonly code?: string,
  ) {
    super(message, status);
  }
}

export class UpstreamError extends TidalError {
  override name = 'UpstreamError';
  readonly kind = 'upstream';
}

export class NetworkError extends TidalError {
  override name = 'NetworkError';
  readonly kind = 'network';
}

/** The server runs without TIDAL app credentials; the message names the variables to set. */
export class CredentialsMissingError extends TidalError {
  override name = 'CredentialsMissingError';
  readonly kind = 'credentials_missing';
  constructor(readonly missing: readonly string[]) {
    super(
      `TIDAL app credentials are not configured: set ${missing.join(' and ')} in the MCP server's environment ` +
        '(create an app at https://developer.tidal.com/dashboard to get them).',
    );
  }
}

interface JsonApiErrorObject {
  status?: string;
  code?: string;
  detail?: string;
  source?: { parameter?: string; pointer?: string; header?: string };
}

function firstError(body: unknown): JsonApiErrorObject | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const errors = (body as { errors?: unknown }).errors;
  if (!Array.isArray(errors) || errors.length === 0) return undefined;
  const first: unknown = errors[0];
  return typeof first === 'object' && first !== null ? first : undefined;
}

/** Keep upstream wording short and single-line; TIDAL details can be long. */
function clip(text: string, max = 300): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

/** Build the typed error for a non-2xx TIDAL API response (429 is handled by the retry layer). */
export function errorFromResponse(status: number, body: unknown, what: string): TidalError {
  const first = firstError(body);
  const detail = first?.detail ? `: ${clip(first.detail)}` : '';
  if (status === 404) return new NotFoundError(`${what} was not found on TIDAL${detail}`, status);
  if (status === 401) return new AuthError(`TIDAL rejected the access token${detail}`, status);
  if (status === 403) {
    return new ForbiddenError(
      `TIDAL refused access to ${what} (missing scope or access tier)${detail}`,
      status,
    );
  }
  if (status === 409 || status === 422) {
    return new ConflictError(`TIDAL reported a conflict for ${what}${detail}`, status, first?.code);
  }
  if (status >= 400 && status < 500) {
    return new BadRequestError(
      `TIDAL rejected the request for ${what} (HTTP ${status})${detail}`,
      status,
      first?.source?.parameter,
    );
  }
  return new UpstreamError(
    `TIDAL had a problem answering ${what} (HTTP ${status})${detail}`,
    status,
  );
}
