/**
 * JSON:API error documents as TIDAL sends them: `{errors:[{status:'400', code, detail, source?}]}`.
 * `status` is a string (OAS Error_Object); handlers throw ApiError and the server serialises it.
 */

export interface ErrorSource {
  parameter?: string;
  header?: string;
  pointer?: string;
}

export interface ErrorObject {
  status: string;
  code: string;
  detail: string;
  source?: ErrorSource;
}

/** Detail texts are the OAS Default<NNN>ResponseBody examples where one exists. */
export const DEFAULT_DETAIL: Record<number, string> = {
  400: 'Invalid request',
  401: 'Invalid or missing Authorization Header',
  404: 'Resource not found',
  405: 'HTTP method not allowed',
  406: 'No acceptable response media type',
  415: 'Unsupported request media type or encoding',
  429: 'Rate limit exceeded',
  500: 'Internal server error',
  503: 'Service temporarily unavailable',
};

/** `code` values: observed ones (GENERIC_REQUEST_ERROR, UNAUTHORIZED) or plain upper-case names. */
export const DEFAULT_CODE: Record<number, string> = {
  400: 'GENERIC_REQUEST_ERROR',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE_ENTITY',
  429: 'TOO_MANY_REQUESTS',
  500: 'INTERNAL_SERVER_ERROR',
  502: 'BAD_GATEWAY',
  503: 'SERVICE_UNAVAILABLE',
  504: 'GATEWAY_TIMEOUT',
};

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly source?: ErrorSource;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    detail?: string,
    opts: { code?: string; source?: ErrorSource; headers?: Record<string, string> } = {},
  ) {
    super(detail ?? DEFAULT_DETAIL[status] ?? `HTTP ${status}`);
    this.status = status;
    this.code = opts.code ?? DEFAULT_CODE[status] ?? 'ERROR';
    if (opts.source) this.source = opts.source;
    this.headers = opts.headers ?? {};
  }

  toDocument(): { errors: ErrorObject[] } {
    const error: ErrorObject = {
      status: String(this.status),
      code: this.code,
      detail: this.message,
    };
    if (this.source) error.source = this.source;
    return { errors: [error] };
  }
}

export function badRequest(detail: string, parameter?: string): ApiError {
  return new ApiError(400, detail, parameter ? { source: { parameter } } : {});
}

export function notFound(detail = DEFAULT_DETAIL[404]): ApiError {
  return new ApiError(404, detail);
}
