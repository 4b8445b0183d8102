import { MockAgent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';

import { ClientCredentialsProvider } from '../../src/auth/client-credentials.js';
import { AuthError, CredentialsMissingError } from '../../src/tidal/errors.js';
import { FakeClock } from './fake-clock.js';

const TOKEN_URL = 'https://auth.tidal.test/v1/oauth2/token';

function setup(expiresIn = 3600) {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const clock = new FakeClock();
  const bodies: string[] = [];
  let n = 0;
  agent
    .get('https://auth.tidal.test')
    .intercept({ path: '/v1/oauth2/token', method: 'POST' })
    .reply((options) => {
      bodies.push(options.body as string);
      return {
        statusCode: 200,
        data: { access_token: `cc-${++n}`, token_type: 'Bearer', expires_in: expiresIn, scope: '' },
      };
    })
    .persist();
  const provider = new ClientCredentialsProvider(
    { clientId: 'id-1', clientSecret: 'secret-1' },
    { tokenUrl: TOKEN_URL, userAgent: 't', dispatcher: agent, clock },
  );
  return { agent, clock, provider, bodies };
}

describe('ClientCredentialsProvider', () => {
  let agent: MockAgent | undefined;
  afterEach(async () => {
    await agent?.close();
    agent = undefined;
  });

  it('requests one token for concurrent callers and reuses it until shortly before expiry', async () => {
    const s = setup(3600);
    agent = s.agent;
    const tokens = await Promise.all([
      s.provider.getToken(),
      s.provider.getToken(),
      s.provider.getToken(),
    ]);
    expect(tokens).toEqual(['cc-1', 'cc-1', 'cc-1']);
    expect(s.bodies).toHaveLength(1);
    expect(new URLSearchParams(s.bodies[0])).toEqual(
      new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: 'id-1',
        client_secret: 'secret-1',
      }),
    );
    s.clock.advance(3600_000 - 61_000);
    await expect(s.provider.getToken()).resolves.toBe('cc-1');
    s.clock.advance(2_000);
    await expect(s.provider.getToken()).resolves.toBe('cc-2');
  });

  it('fetches a new token after invalidate() of the current one only', async () => {
    const s = setup();
    agent = s.agent;
    await s.provider.getToken();
    s.provider.invalidate('some-older-token');
    await expect(s.provider.getToken()).resolves.toBe('cc-1');
    s.provider.invalidate('cc-1');
    await expect(s.provider.getToken()).resolves.toBe('cc-2');
  });

  it('names the missing environment variables', async () => {
    const provider = new ClientCredentialsProvider(
      { clientId: 'x', clientSecret: undefined },
      { tokenUrl: TOKEN_URL, userAgent: 't' },
    );
    const error = await provider.getToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsMissingError);
    expect((error as Error).message).toContain('set TIDAL_CLIENT_SECRET in');
  });

  it('explains rejected credentials without echoing the secret', async () => {
    agent = new MockAgent();
    agent.disableNetConnect();
    agent
      .get('https://auth.tidal.test')
      .intercept({ path: '/v1/oauth2/token', method: 'POST' })
      .reply(401, {
        error: 'invalid_client',
        error_description: 'Client authentication failed',
        status: 401,
      });
    const provider = new ClientCredentialsProvider(
      { clientId: 'id-1', clientSecret: 'very-secret-value' },
      { tokenUrl: TOKEN_URL, userAgent: 't', dispatcher: agent },
    );
    const error = await provider.getToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as Error).message).toBe(
      'TIDAL rejected the app credentials (invalid_client): check TIDAL_CLIENT_ID and TIDAL_CLIENT_SECRET',
    );
    expect(JSON.stringify(error) + String((error as Error).stack)).not.toContain(
      'very-secret-value',
    );
  });
});
