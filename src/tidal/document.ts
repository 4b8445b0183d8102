/**
 * Document-level checks on a 2xx answer from the TIDAL API: is it JSON of the media type the
 * API promises, and, for reads, a JSON:API document with `data`? Anything else (an HTML page
 * from a proxy, a truncated body, an empty 200) is TIDAL's fault and becomes an
 * InvalidResponseError. Typed fields inside `data` are the mappers' business, leniently.
 */
import { InvalidResponseError } from './errors.js';
import { type HeaderBag, headerValue } from './retry.js';

/** application/vnd.api+json, application/json and other +json types; absent is tolerated. */
function jsonContentType(headers: HeaderBag): string | undefined {
  const type = headerValue(headers, 'content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type === undefined || type === '') return undefined;
  return type === 'application/json' || /^application\/[\w.+-]*\+json$/.test(type)
    ? undefined
    : `content type ${type}`;
}

/** TIDAL's error documents are JSON; anything else yields undefined (the status speaks). */
export function parseLenient(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The parsed body of a 2xx. Reads must carry a document with `data`; writes may answer with
 * no body at all (204) or a document without `data` (TIDAL's mutation responses).
 */
export function acceptDocument(
  text: string,
  headers: HeaderBag,
  status: number,
  what: string,
  read: boolean,
): unknown {
  const invalid = (reason: string) => InvalidResponseError.for(what, status, reason);
  if (text.trim() === '') {
    if (read) throw invalid('empty body');
    return undefined;
  }
  const wrongType = jsonContentType(headers);
  if (wrongType) throw invalid(wrongType);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalid('not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw invalid('not a JSON:API document');
  }
  if (read && !('data' in parsed)) throw invalid('a document without data');
  return parsed;
}
