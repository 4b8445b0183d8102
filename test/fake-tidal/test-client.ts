/**
 * Minimal fetch helpers for the fake's own tests (NOT the real client, which lives in src/):
 * token issue, GET against /v2 with a bearer token, and link following.
 */
import { expect } from 'vitest';

import type { FakeTidal } from './index.js';
import { specGuardActive, takeSpecViolations } from './spec-guard.js';

/** Response JSON in tests is asserted field by field, so a loose type is the honest one. */

export type Json = any;

export interface Res {
  status: number;
  headers: Headers;
  body: Json;
}

export const JSON_API = 'application/vnd.api+json';

export async function issueToken(
  fake: FakeTidal,
  form: Record<string, string> = {},
  headers: Record<string, string> = {},
): Promise<Res> {
  const res = await fetch(fake.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: fake.clientId,
      client_secret: fake.clientSecret,
      ...form,
    }),
  });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

export async function accessToken(fake: FakeTidal): Promise<string> {
  const res = await issueToken(fake);
  if (res.status !== 200) throw new Error(`token endpoint answered ${res.status}`);
  return res.body.access_token as string;
}

/** GET `${apiUrl}${path}`; `token: null` sends no Authorization header at all. */
export async function apiGet(
  fake: FakeTidal,
  path: string,
  token: string | null,
  headers: Record<string, string> = {},
): Promise<Res> {
  const res = await fetch(`${fake.apiUrl}${path}`, {
    headers: {
      accept: JSON_API,
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      ...headers,
    },
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

/** Follows top-level links.next until absent; returns every page's body. */
export async function followPages(
  fake: FakeTidal,
  firstPath: string,
  token: string,
): Promise<Json[]> {
  const pages: Json[] = [];
  let path: string | undefined = firstPath;
  while (path !== undefined) {
    const res = await apiGet(fake, path, token);
    if (res.status !== 200)
      throw new Error(`GET ${path} -> ${res.status} ${JSON.stringify(res.body)}`);
    pages.push(res.body);
    path = res.body.links?.next as string | undefined;
    if (pages.length > 100) throw new Error('pagination does not terminate');
  }
  return pages;
}

/** Query parameters of a relative link, e.g. links.next. */
export function linkParams(link: string): URLSearchParams {
  return new URL(link, 'http://x').searchParams;
}

/** POST/PATCH/DELETE `${apiUrl}${path}` with a JSON:API body (and e.g. an Idempotency-Key). */
export async function apiSend(
  fake: FakeTidal,
  method: 'POST' | 'PATCH' | 'DELETE',
  path: string,
  token: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Res> {
  const res = await fetch(`${fake.apiUrl}${path}`, {
    method,
    headers: {
      accept: JSON_API,
      'content-type': JSON_API,
      authorization: `Bearer ${token}`,
      ...headers,
    },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

/**
 * A test that sends undocumented request forms on purpose takes what the spec guard recorded for
 * them (and checks it), so the guard does not fail the test. Without the spec there is nothing.
 */
export function expectSpecProblems(expected: string[]): void {
  expect(takeSpecViolations().map((v) => v.problem)).toEqual(specGuardActive() ? expected : []);
}
