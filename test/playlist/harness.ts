/**
 * manage_playlist against the fake TIDAL through a real MCP client and the real server factory,
 * in process. The user's token is minted by the fake (fake.issueUserToken) instead of going
 * through `tidal-mcp login`, which has its own end-to-end tests; everything from the tool down to
 * the HTTP requests is the production code.
 */
import { Client } from '@modelcontextprotocol/client';
import { InMemoryTransport } from '@modelcontextprotocol/server';
import { createApp, type App } from '../../src/app.js';
import type { UserAccess, UserSession } from '../../src/auth/user-session.js';
import { loadConfig } from '../../src/config.js';
import { createServer } from '../../src/server.js';
import type { TokenProvider } from '../../src/tidal/token-provider.js';
import { DEFAULT_USER, type FakeTidal, type FakeUser } from '../fake-tidal/index.js';

/** A user session holding one token minted by the fake. */
export class FakeLoginSession implements UserSession {
  constructor(
    private readonly token: string,
    private readonly user: FakeUser = DEFAULT_USER,
    private readonly scopes: string[] = [
      'user.read',
      'playlists.read',
      'playlists.write',
      'search.read',
    ],
  ) {}

  access(): Promise<UserAccess> {
    const token = this.token;
    const tokens: TokenProvider = {
      cacheScope: () => Promise.resolve(`user:${this.user.id}`),
      getToken: () => Promise.resolve(token),
      invalidate: () => undefined,
    };
    return Promise.resolve({
      tokens,
      userId: this.user.id,
      country: this.user.country,
      scopes: this.scopes,
    });
  }
}

export interface PlaylistHarness {
  app: App;
  client: Client;
  call(
    args: Record<string, unknown>,
    meta?: Record<string, unknown>,
  ): Promise<{
    isError: boolean;
    text: string;
    structured: Record<string, any>;
  }>;
  close(): Promise<void>;
}

export async function startPlaylistHarness(
  fake: FakeTidal,
  session: UserSession,
  requestsPerSecond = 100,
): Promise<PlaylistHarness> {
  const config = loadConfig([], {
    TIDAL_API_URL: fake.apiUrl,
    TIDAL_TOKEN_URL: fake.tokenUrl,
    TIDAL_CLIENT_ID: fake.clientId,
    TIDAL_CLIENT_SECRET: fake.clientSecret,
    TIDAL_MCP_REQUESTS_PER_SECOND: String(requestsPerSecond),
    TIDAL_MCP_LOG_LEVEL: 'silent',
  });
  const app = createApp(config);
  app.deps.user = session;
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  await createServer(app.deps).connect(serverTransport);
  const client = new Client({ name: 'playlist-test', version: '1.0.0' });
  await client.connect(clientTransport);
  return {
    app,
    client,
    async call(args, meta) {
      const result = await client.callTool({
        name: 'manage_playlist',
        arguments: args,
        ...(meta && { _meta: meta }),
      });
      const content = (result.content ?? []) as { text?: string }[];
      return {
        isError: result.isError === true,
        text: content.map((c) => c.text ?? '').join('\n'),
        structured: (result.structuredContent ?? {}) as Record<string, any>,
      };
    },
    async close() {
      await client.close();
      await app.close();
    },
  };
}
