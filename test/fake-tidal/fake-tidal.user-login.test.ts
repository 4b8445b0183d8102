/**
 * The fake's user login half: the authorization code is single use and bound to its redirect URI
 * and PKCE verifier; /users/me needs a user token with user.read (a client token is a 401).
 */
import { createHash } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEFAULT_USER, type FakeTidal, startFakeTidal } from './index.js';
import { accessToken, apiGet } from './test-client.js';

const VERIFIER = 'x'.repeat(50);
const REDIRECT = 'http://127.0.0.1:9/callback';

describe('fake TIDAL user login', () => {
  let fake: FakeTidal;
  beforeAll(async () => {
    fake = await startFakeTidal();
  });
  afterAll(() => fake.close());

  async function authorizeCode(): Promise<string> {
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: fake.clientId,
      redirect_uri: REDIRECT,
      scope: 'user.read playlists.read',
      code_challenge: createHash('sha256').update(VERIFIER).digest('base64url'),
      code_challenge_method: 'S256',
      state: 'st-1',
    });
    const res = await fetch(`${fake.authorizeUrl}?${query.toString()}`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    expect(location.origin + location.pathname).toBe(REDIRECT);
    expect(location.searchParams.get('state')).toBe('st-1');
    return location.searchParams.get('code')!;
  }

  async function exchange(form: Record<string, string>) {
    const res = await fetch(fake.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: fake.clientId,
        redirect_uri: REDIRECT,
        code_verifier: VERIFIER,
        ...form,
      }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  it('exchanges a code once, with the right verifier and redirect URI only', async () => {
    const wrongVerifier = await exchange({
      code: await authorizeCode(),
      code_verifier: 'y'.repeat(50),
    });
    expect(wrongVerifier).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });

    const wrongRedirect = await exchange({
      code: await authorizeCode(),
      redirect_uri: 'http://127.0.0.1:10/callback',
    });
    expect(wrongRedirect).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });

    const code = await authorizeCode();
    const ok = await exchange({ code });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 14_400,
      scope: 'user.read playlists.read',
      user_id: Number(DEFAULT_USER.id),
    });
    expect(typeof ok.body.refresh_token).toBe('string');
    const again = await exchange({ code });
    expect(again).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });

    const me = await apiGet(fake, '/users/me', ok.body.access_token as string);
    expect(me.status).toBe(200);
    expect(me.body.data).toMatchObject({
      id: DEFAULT_USER.id,
      type: 'users',
      attributes: { username: DEFAULT_USER.username, country: DEFAULT_USER.country },
    });
  });

  it('answers /users/me with 401 for a client token and 403 without user.read', async () => {
    expect((await apiGet(fake, '/users/me', await accessToken(fake))).status).toBe(401);
    const noUserRead = fake.issueUserToken({ scopes: ['playlists.read'] });
    expect((await apiGet(fake, '/users/me', noUserRead)).status).toBe(403);
  });

  it('expireUserTokens expires only that user’s tokens', async () => {
    const mine = fake.issueUserToken();
    const client = await accessToken(fake);
    expect(fake.expireUserTokens(DEFAULT_USER.id)).toBeGreaterThan(0);
    expect((await apiGet(fake, '/users/me', mine)).status).toBe(401);
    expect((await apiGet(fake, `/albums/1`, client)).status).not.toBe(401);
  });
});
