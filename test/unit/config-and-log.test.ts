import { describe, expect, it } from 'vitest';

import { ConfigError, loadConfig } from '../../src/config.js';
import { createLogger, redact } from '../../src/log.js';
import {
  cursorCountry,
  decodeCursor,
  encodeCursor,
  queryFingerprint,
} from '../../src/tools/shared/cursor.js';

describe('loadConfig', () => {
  it('applies defaults and upper-cases the country', () => {
    const config = loadConfig([], { TIDAL_COUNTRY: 'no', TIDAL_CLIENT_ID: 'id' });
    expect(config).toMatchObject({
      command: 'serve',
      transport: 'stdio',
      clientId: 'id',
      clientSecret: undefined,
      apiUrl: 'https://openapi.tidal.com/v2',
      tokenUrl: 'https://auth.tidal.com/v1/oauth2/token',
      country: 'NO',
      requestsPerSecond: 4,
      requestTimeoutSeconds: 30,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('takes a request timeout between 5 and 55 seconds', () => {
    const timeout = (value: string) =>
      loadConfig([], { TIDAL_MCP_REQUEST_TIMEOUT_SECONDS: value }).requestTimeoutSeconds;
    expect(timeout('12')).toBe(12);
    expect(() => timeout('4')).toThrow(
      'invalid configuration: TIDAL_MCP_REQUEST_TIMEOUT_SECONDS: must be at least 5 seconds',
    );
    expect(() => timeout('56')).toThrow(
      'TIDAL_MCP_REQUEST_TIMEOUT_SECONDS: must be at most 55 seconds (MCP clients give up after 60 s)',
    );
    expect(() => timeout('soon')).toThrow('TIDAL_MCP_REQUEST_TIMEOUT_SECONDS');
  });

  it('parses commands and HTTP flags', () => {
    expect(loadConfig(['--http', '--port', '9000', '--host', '0.0.0.0'], {})).toMatchObject({
      transport: 'http',
      http: { host: '0.0.0.0', port: 9000 },
    });
    expect(loadConfig(['login', '--no-browser'], {})).toMatchObject({
      command: 'login',
      openBrowser: false,
    });
  });

  it('names the bad variable and what it expects', () => {
    expect(() => loadConfig([], { TIDAL_COUNTRY: 'Norway' })).toThrow(
      'invalid configuration: TIDAL_COUNTRY: must be an ISO 3166-1 alpha-2 country code such as US or NO',
    );
    expect(() => loadConfig(['--bogus'], {})).toThrow(ConfigError);
    expect(() => loadConfig(['--port'], {})).toThrow('--port needs a value');
  });
});

describe('HTTP bearer token rule', () => {
  const strong = 'f'.repeat(32);
  const fix = 'generate one with `openssl rand -hex 32`';

  it('accepts a token of 32+ visible characters, trimmed like other secrets', () => {
    expect(loadConfig([], { TIDAL_MCP_HTTP_TOKEN: ` ${strong}\n` }).http.token).toBe(strong);
    expect(loadConfig([], {}).http.token).toBeUndefined();
  });

  it('refuses a short token and says how to make a good one, without echoing it', () => {
    const attempt = () => loadConfig([], { TIDAL_MCP_HTTP_TOKEN: 'short-secret-1234' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(
      `invalid configuration: TIDAL_MCP_HTTP_TOKEN: must be at least 32 characters (got 17); ${fix}`,
    );
    expect(attempt).not.toThrow('short-secret-1234');
  });

  it('refuses whitespace or control characters inside the token', () => {
    for (const token of [`${strong} x`, `${strong}\tx`, `abc${strong}\u0000`, `${strong}é`]) {
      expect(() => loadConfig([], { TIDAL_MCP_HTTP_TOKEN: token })).toThrow(
        `invalid configuration: TIDAL_MCP_HTTP_TOKEN: must be printable ASCII without spaces (it travels in an Authorization header); ${fix}`,
      );
    }
  });
});

describe('redaction', () => {
  it('removes bearer tokens, credential pairs and known secrets', () => {
    expect(redact('Authorization: Bearer abc.def-123')).toBe('Authorization: Bearer [redacted]');
    expect(redact('client_secret=s3cr3t&grant_type=x')).toBe(
      'client_secret=[redacted]&grant_type=x',
    );
    expect(redact('{"refresh_token":"rt-1","x":1}')).toBe('{"refresh_token":"[redacted]","x":1}');
    expect(redact('the value hunter2x appears', ['hunter2x'])).toBe('the value [redacted] appears');
  });

  it('matches credential keys as whole keys: countryCode and other *code keys survive', () => {
    expect(redact('GET /searchResults/x?countryCode=US&include=tracks')).toBe(
      'GET /searchResults/x?countryCode=US&include=tracks',
    );
    expect(redact('{"countryCode":"NO","barcode":"0123","errorCode":"E1"}')).toBe(
      '{"countryCode":"NO","barcode":"0123","errorCode":"E1"}',
    );
    expect(redact('callback?code=abc&state=s1')).toBe('callback?code=[redacted]&state=s1');
    expect(redact('{"code": "abc"}')).toBe('{"code": "[redacted]"}');
    expect(redact('access_token=at-1 refresh_token: rt-1')).toBe(
      'access_token=[redacted] refresh_token: [redacted]',
    );
    expect(redact("client_secret='cs-1', code_verifier=v-1")).toBe(
      "client_secret='[redacted]', code_verifier=[redacted]",
    );
    expect(redact('password=p&token=t')).toBe('password=[redacted]&token=[redacted]');
    // Stored credentials use camelCase keys.
    expect(redact('{"accessToken":"a1","refreshToken":"r1","clientSecret":"c1"}')).toBe(
      '{"accessToken":"[redacted]","refreshToken":"[redacted]","clientSecret":"[redacted]"}',
    );
    expect(redact('ACCESS_TOKEN=x1')).toBe('ACCESS_TOKEN=[redacted]');
    expect(redact('id_token=i1 x-api-token: k1 db_password=p1 {"idToken":"j1"}')).toBe(
      'id_token=[redacted] x-api-token: [redacted] db_password=[redacted] {"idToken":"[redacted]"}',
    );
    expect(redact('error_code=E1 country_code=NO status_code: 400')).toBe(
      'error_code=E1 country_code=NO status_code: 400',
    );
  });

  it('blanks token-shaped values after Bearer but not the next word of ordinary prose', () => {
    expect(redact('Bearer x')).toBe('Bearer [redacted]');
    expect(redact('authorization: bearer eyJhbGciOi.eyJzdWIi.c2ln')).toBe(
      'authorization: bearer [redacted]',
    );
    expect(redact(`Bearer ${'a'.repeat(32)}`)).toBe('Bearer [redacted]');
    expect(redact('Bearer abcdefABCDEF')).toBe('Bearer [redacted]');
    expect(redact('Bearer tok3n')).toBe('Bearer [redacted]');
    expect(redact('Bearer a/b+c==')).toBe('Bearer [redacted]');
    expect(redact('Bearer of bad news')).toBe('Bearer of bad news');
    expect(redact('www-authenticate: Bearer realm="tidal-mcp"')).toBe(
      'www-authenticate: Bearer realm="tidal-mcp"',
    );
    expect(redact('send Bearer tokens, Bearer Authentication')).toBe(
      'send Bearer tokens, Bearer Authentication',
    );
    expect(redact('send "Authorization: Bearer <token>"')).toBe(
      'send "Authorization: Bearer <token>"',
    );
  });

  it('writes to the given sink only at or above the level', () => {
    const lines: string[] = [];
    const logger = createLogger('warn', (line) => lines.push(line), ['topsecret']);
    logger.info('hidden');
    logger.warn('shown topsecret');
    expect(lines).toEqual(['[tidal-mcp] warn: shown [redacted]\n']);
  });
});

describe('tool cursors', () => {
  const album = { k: 'album', id: '42', c: 'abc', cc: 'US', n: 20, of: 27 } as const;

  it('round-trip and are checked against the tool they belong to', () => {
    const cursor = encodeCursor(album);
    expect(decodeCursor(cursor, 'album', 'get_album')).toEqual(album);
    expect(() => decodeCursor(cursor, 'search', 'search_catalog')).toThrow(
      'cursor: comes from get_album, not search_catalog: pass it to get_album, or repeat this search_catalog call without cursor',
    );
    expect(() => decodeCursor('not-a-cursor', 'album', 'get_album')).toThrow(
      'cursor: expected a nextCursor value returned by an earlier get_album call (or repeat the call without cursor)',
    );
  });

  it('continue in their own country and refuse another one', () => {
    expect(cursorCountry(album, undefined)).toBe('US');
    expect(cursorCountry(album, 'us')).toBe('US');
    expect(() => cursorCountry(album, 'se')).toThrow(
      'cursor: belongs to a call for country US, not SE: repeat with country US, or call again without cursor',
    );
  });

  it('fingerprint a search query regardless of case and spacing', () => {
    expect(queryFingerprint('  Daft   Punk ')).toBe(queryFingerprint('daft punk'));
    expect(queryFingerprint('daft punk')).not.toBe(queryFingerprint('daft punks'));
  });
});
