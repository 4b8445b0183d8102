import { afterEach, describe, expect, it } from 'vitest';

import { withReadOnly } from '../../src/tidal/read-only.js';
import { doc, httpFixture, ORIGIN } from './http-fixture.js';

describe('read-only guard', () => {
  const fixture = httpFixture();
  afterEach(() => fixture.agent.assertNoPendingInterceptors());

  it('refuses a write sent on behalf of a read-only tool, before anything reaches TIDAL', async () => {
    const write = () =>
      fixture.http.send('DELETE', '/playlists/1', undefined, {
        auth: fixture.tokens,
        what: 'playlist 1',
      });
    await expect(withReadOnly('tool get_album', write)).rejects.toThrow(
      'read-only tool get_album tried to send DELETE for playlist 1; refused',
    );
  });

  it('lets reads through and does not leak into calls outside the guard', async () => {
    fixture.agent
      .get(ORIGIN)
      .intercept({ path: '/v2/albums/1?countryCode=US', method: 'GET' })
      .reply(200, doc, { headers: { 'content-type': 'application/vnd.api+json' } });
    await withReadOnly('tool get_album', () =>
      fixture.http.get('/albums/1?countryCode=US', {
        auth: fixture.tokens,
        ttlMs: 0,
        what: 'album 1',
      }),
    );
    fixture.agent
      .get(ORIGIN)
      .intercept({ path: '/v2/playlists/1', method: 'DELETE' })
      .reply(204, '');
    const result = await fixture.http.send('DELETE', '/playlists/1', undefined, {
      auth: fixture.tokens,
      what: 'playlist 1',
    });
    expect(result.status).toBe(204);
  });
});
