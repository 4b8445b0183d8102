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

/** Waits longer than this are not worth remembering exactly: TIDAL asked for "a long time". */
export const MAX_REPORTED_WAIT_MS = 60 * 60 * 1000;

/** A wait as people say it: "45 s" up to 90 s, then "3 min", and "more than an hour" beyond that. */
export function formatWait(ms: number): string {
  if (!(ms <= MAX_REPORTED_WAIT_MS)) return 'more than an hour';
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return seconds <= 90 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
}

/**
 * Who set the wait: TIDAL (Retry-After or x-ratelimit-* hints, possibly remembered from an
 * earlier response), our own backoff after 429s without hints, or our own request queue.
 */
export type RateLimitSource = 'tidal' | 'backoff' | 'queue';

export class RateLimitedError extends TidalError {
  override name = 'RateLimitedError';
  readonly kind = 'rate_limited';
  /** Whole seconds to wait, at least 1, at most an hour. */
  readonly retryAfterSeconds: number;
  constructor(waitMs: number, source: RateLimitSource = 'tidal') {
    const wait = formatWait(waitMs);
    super(
      source === 'queue'
        ? `tidal-mcp has too many TIDAL requests queued; the next free slot is in ${wait}`
        : source === 'tidal'
          ? `TIDAL's rate limit was reached; TIDAL asks to wait ${wait}`
          : `TIDAL's rate limit was reached; retry in ${wait}`,
      source === 'queue' ? undefined : 429,
    );
    this.retryAfterSeconds = Math.min(
      MAX_REPORTED_WAIT_MS / 1000,
      Math.max(1, Math.ceil(Number.isFinite(waitMs) ? waitMs / 1000 : Infinity)),
    );
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

/**
 * A 2xx whose body is not what the API promises: HTML from a proxy, broken JSON, an empty body
 * where a document belongs, a wrong content type, a document without `data`, a body that
 * cannot be decompressed or is larger than we accept. TIDAL's fault, not the caller's.
 */
export class InvalidResponseError extends UpstreamError {
  override name = 'InvalidResponseError';
  constructor(
    message: string,
    status: number | undefined,
    /** What was wrong, for the log only ("not JSON", "content type text/html", ...). */
    readonly reason: string,
  ) {
    super(message, status);
  }

  static for(what: string, status: number | undefined, reason: string): InvalidResponseError {
    return new InvalidResponseError(
      `TIDAL returned an invalid response for ${what}`,
      status,
      reason,
    );
  }
}

/** The call's whole budget (attempts, retries and waits) ran out before TIDAL answered. */
export class TidalTimeoutError extends TidalError {
  override name = 'TidalTimeoutError';
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
