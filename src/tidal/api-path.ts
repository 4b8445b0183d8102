/**
 * Builds request paths from untrusted ids. Each segment is percent-encoded and `.`/`..` are
 * refused so an id can never walk to another endpoint (e.g. "../users/me").
 */
export function apiPath(...segments: string[]): string {
  return (
    '/' +
    segments
      .map((segment) => {
        if (segment === '' || segment === '.' || segment === '..') {
          throw new TypeError(`invalid path segment "${segment}"`);
        }
        return encodeURIComponent(segment);
      })
      .join('/')
  );
}

export type QueryValue = string | number | readonly string[] | undefined;

/** Query string with JSON:API bracket keys kept readable (`filter[isrc]`); arrays repeat the key. */
export function buildQuery(params: Record<string, QueryValue>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    const encodedKey = encodeURIComponent(key).replace(/%5B/g, '[').replace(/%5D/g, ']');
    const values: readonly string[] = typeof value === 'object' ? value : [String(value)];
    for (const v of values)
      parts.push(`${encodedKey}=${encodeURIComponent(v).replace(/%2C/g, ',')}`);
  }
  return parts.join('&');
}
