/**
 * Query-string handling with TIDAL's strictness: undocumented parameters are rejected (real
 * TIDAL 400s on `limit`, `page[size]`, unknown filters), list parameters accept both repeated
 * keys and comma-separated values, and `countryCode` must be explicit for client tokens.
 */
import { badRequest } from './errors.js';

export type Query = Record<string, string[]>;

export function parseQuery(params: URLSearchParams): Query {
  const out: Query = {};
  for (const [key, value] of params) (out[key] ??= []).push(value);
  return out;
}

export function rejectUnknown(query: Query, allowed: readonly string[]): void {
  for (const key of Object.keys(query)) {
    if (!allowed.includes(key)) {
      throw badRequest(
        `Unknown query parameter '${key}'. Allowed parameters: ${allowed.join(', ')}`,
        key,
      );
    }
  }
}

/** Values of a list parameter: repeated keys and comma-separated values, trimmed, empties dropped. */
export function listParam(query: Query, name: string): string[] {
  return (query[name] ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** A scalar parameter; repeating it is an error rather than a silent first-wins. */
export function scalarParam(query: Query, name: string): string | undefined {
  const values = query[name];
  if (!values || values.length === 0) return undefined;
  if (values.length > 1) throw badRequest(`Parameter '${name}' must not be repeated`, name);
  return values[0];
}

export function enumParam<T extends string>(
  query: Query,
  name: string,
  allowed: readonly T[],
): T | undefined {
  const value = scalarParam(query, name);
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw badRequest(
      `Invalid value '${value}' for '${name}'. Allowed: ${allowed.join(', ')}`,
      name,
    );
  }
  return value as T;
}

export const COUNTRY_MISSING_DETAIL =
  'Unable to determine the country associated with the current user account. A ISO 3166-1 alpha-2 country code must be provided explicitly';

/**
 * `fallback` is the token's own country (user tokens, added by a later issue); client-credentials
 * tokens have none, which reproduces TIDAL's 400 when countryCode is omitted.
 */
export function resolveCountry(query: Query, fallback?: string): string {
  const value = scalarParam(query, 'countryCode');
  if (value === undefined) {
    if (fallback) return fallback;
    throw badRequest(COUNTRY_MISSING_DETAIL, 'countryCode');
  }
  if (!/^[A-Z]{2}$/.test(value)) {
    throw badRequest(
      `Invalid countryCode '${value}': must be an ISO 3166-1 alpha-2 code in upper case`,
      'countryCode',
    );
  }
  return value;
}

/** Serialises a query for links: brackets and commas stay readable, as in TIDAL's own links. */
export function formatQuery(entries: readonly (readonly [string, string])[]): string {
  const enc = (s: string) =>
    encodeURIComponent(s).replace(/%5B/g, '[').replace(/%5D/g, ']').replace(/%2C/g, ',');
  return entries.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
}

export function queryEntries(query: Query, omit: readonly string[] = []): [string, string][] {
  return Object.entries(query)
    .filter(([k]) => !omit.includes(k))
    .flatMap(([k, values]) => values.map((v): [string, string] => [k, v]));
}

export function withQuery(path: string, entries: readonly (readonly [string, string])[]): string {
  return entries.length === 0 ? path : `${path}?${formatQuery(entries)}`;
}
