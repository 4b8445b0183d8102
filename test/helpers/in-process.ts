/**
 * The server in process: a real MCP client talking to the real server factory over an in-memory
 * transport, with the TIDAL client pointed at the loopback fake TIDAL. No build, no child process,
 * no keychain: the unit project's way to test tool handlers end to end through MCP. A user's token
 * is minted by the fake (fake.issueUserToken) instead of going through `tidal-mcp login`, which has
 * its own end-to-end tests; everything from the tool down to the HTTP requests is production code.
 */
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { createMcpHandler, InMemoryTransport } from '@modelcontextprotocol/server';

import { type App, createApp } from '../../src/app.js';
import type { Account, UserAccess, UserSession } from '../../src/auth/user-session.js';
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

export interface ToolOutcome {
  isError: boolean;
  text: string;
  structured: Record<string, any>;
  meta: Record<string, unknown> | undefined;
}

export interface InProcessServer {
  app: App;
  client: Client;
  /** Elicitation requests the client received (see InProcessOptions.elicitation). */
  elicitations: Record<string, unknown>[];
  /** Call a tool; `meta` becomes the request's `_meta` (e.g. a progressToken). */
  tool(
    name: string,
    args: Record<string, unknown>,
    meta?: Record<string, unknown>,
  ): Promise<ToolOutcome>;
  close(): Promise<void>;
}

export interface InProcessOptions {
  /** The logged-in user; default: not logged in (what the app builds from an empty keychain). */
  session?: UserSession;
  /** The account behind the account tool (default: the app's, over the unit tests' file store). */
  account?: Account;
  requestsPerSecond?: number;
  /** More environment for loadConfig (e.g. TIDAL_COUNTRY). */
  env?: Record<string, string>;
  /**
   * legacy (default): a 2025-era client over an in-memory transport. modern: a 2026-07-28
   * client over the real Streamable HTTP handler, called through fetch without a socket.
   */
  era?: 'legacy' | 'modern';
  /** Client capabilities to declare (e.g. elicitation). */
  capabilities?: Record<string, unknown>;
  /**
   * The client declares URL-mode elicitation and answers every elicitation request with this,
   * recording the request in `elicitations`.
   */
  elicitation?: 'accept' | 'decline' | 'cancel' | FormAnswers;
}

/** A client that declares form elicitation (and URL) and answers forms with `reply`. */
export interface FormAnswers {
  reply: (params: Record<string, unknown>) => {
    action: 'accept' | 'decline' | 'cancel';
    content?: Record<string, unknown>;
  };
}

async function connect(
  app: App,
  options: InProcessOptions,
  elicitations: Record<string, unknown>[],
): Promise<{ client: Client; stop(): Promise<void> }> {
  const forms = typeof options.elicitation === 'object' ? options.elicitation : undefined;
  const capabilities = options.elicitation
    ? { ...options.capabilities, elicitation: forms ? { form: {}, url: {} } : { url: {} } }
    : options.capabilities;
  const client = new Client(
    { name: 'in-process-test', version: '1.0.0' },
    {
      ...(options.era === 'modern' && { versionNegotiation: { mode: 'auto' as const } }),
      ...(capabilities && { capabilities }),
    },
  );
  const answer = options.elicitation;
  if (answer) {
    client.setRequestHandler(
      'elicitation/create',
      (request: { params: Record<string, unknown> }) => {
        elicitations.push(request.params);
        if (typeof answer === 'object') return Promise.resolve(answer.reply(request.params));
        return Promise.resolve({ action: answer });
      },
    );
  }
  if (options.era === 'modern') {
    const handler = createMcpHandler(() => createServer(app.deps));
    await client.connect(
      new StreamableHTTPClientTransport(new URL('http://in-process.test/mcp'), {
        fetch: (url, init) => handler.fetch(new Request(url, init)),
      }),
    );
    return { client, stop: () => handler.close() };
  }
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  await createServer(app.deps).connect(serverTransport);
  await client.connect(clientTransport);
  return { client, stop: () => Promise.resolve() };
}

export async function startInProcess(
  fake: FakeTidal,
  options: InProcessOptions = {},
): Promise<InProcessServer> {
  const config = loadConfig([], {
    TIDAL_API_URL: fake.apiUrl,
    TIDAL_TOKEN_URL: fake.tokenUrl,
    TIDAL_CLIENT_ID: fake.clientId,
    TIDAL_CLIENT_SECRET: fake.clientSecret,
    TIDAL_MCP_REQUESTS_PER_SECOND: String(options.requestsPerSecond ?? 100),
    TIDAL_MCP_LOG_LEVEL: 'silent',
    // Never touch the developer's keychain from a unit test: a file store in a path nobody has.
    TIDAL_MCP_TOKEN_STORE: 'file',
    XDG_CONFIG_HOME: '/nonexistent/tidal-mcp-unit-tests',
    ...options.env,
  });
  // Retries still happen, after 5-40 ms instead of 0.5-4 s.
  const app = createApp(config, { retry: { baseDelayMs: 5, maxDelayMs: 40 } });
  if (options.session) app.deps.user = options.session;
  if (options.account) app.deps.account = options.account;
  const elicitations: Record<string, unknown>[] = [];
  const connection = await connect(app, options, elicitations);
  const { client } = connection;
  // With the tool list at hand the client checks every answer's structuredContent against the
  // tool's advertised output schema (the server does not re-check; see call-result.ts).
  await client.listTools();
  return {
    app,
    client,
    elicitations,
    async tool(name, args, meta) {
      const result = await client.callTool({ name, arguments: args, ...(meta && { _meta: meta }) });
      const content = (result.content ?? []) as { text?: string }[];
      return {
        isError: result.isError === true,
        text: content.flatMap((c) => (c.text === undefined ? [] : [c.text])).join('\n'),
        structured: (result.structuredContent ?? {}) as Record<string, any>,
        meta: result._meta,
      };
    },
    async close() {
      await client.close();
      await connection.stop();
      await app.close();
    },
  };
}

/** manage_playlist calls, for the playlist suites. */
export interface PlaylistHarness extends InProcessServer {
  call(args: Record<string, unknown>, meta?: Record<string, unknown>): Promise<ToolOutcome>;
}

export async function startPlaylistHarness(
  fake: FakeTidal,
  session: UserSession,
  requestsPerSecond = 100,
): Promise<PlaylistHarness> {
  const server = await startInProcess(fake, { session, requestsPerSecond });
  return { ...server, call: (args, meta) => server.tool('manage_playlist', args, meta) };
}
