/**
 * A recording proxy in front of the fake TIDAL's token endpoint. The fake keeps the tokens it
 * issues to itself, so the stress run points the server (and `login`) here instead and learns
 * every secret that crosses the wire: the client secret, authorization codes and PKCE verifiers
 * sent, and every access and refresh token issued. The secrets scan then looks for all of them.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

const SENT_SECRETS = ['client_secret', 'code', 'code_verifier', 'refresh_token'];
const ISSUED_SECRETS = ['access_token', 'refresh_token'];

export interface TokenRecorder {
  /** Point TIDAL_TOKEN_URL here. */
  url: string;
  /** Every secret seen so far (sent or issued). */
  secrets(): ReadonlySet<string>;
  /** How many token responses carried an access token. */
  issued(): number;
  close(): Promise<void>;
}

async function readAll(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startTokenRecorder(target: string): Promise<TokenRecorder> {
  const seen = new Set<string>();
  let issued = 0;
  const server = createServer((req, res) => {
    void (async () => {
      const body = await readAll(req);
      for (const [key, value] of new URLSearchParams(body)) {
        if (SENT_SECRETS.includes(key) && value !== '') seen.add(value);
      }
      const upstream = await fetch(target, {
        method: req.method ?? 'POST',
        headers: {
          'content-type': req.headers['content-type'] ?? 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        ...(req.method === 'POST' ? { body } : {}),
      });
      const text = await upstream.text();
      try {
        const json = JSON.parse(text) as Record<string, unknown>;
        if (typeof json.access_token === 'string') issued += 1;
        for (const key of ISSUED_SECRETS) {
          const value = json[key];
          if (typeof value === 'string' && value !== '') seen.add(value);
        }
      } catch {
        // Not JSON (an error page): nothing issued.
      }
      res.writeHead(upstream.status, {
        'content-type': upstream.headers.get('content-type') ?? 'application/json',
      });
      res.end(text);
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1/oauth2/token`,
    secrets: () => seen,
    issued: () => issued,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
