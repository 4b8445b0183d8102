/** MCP over stdio: stdout carries protocol only; logs go to stderr. Serves 2025 and 2026 clients. */
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import type { App } from '../app.js';
import type { Config } from '../config.js';
import { createLogger } from '../log.js';
import { createServer } from '../server.js';

/**
 * `loadApp` builds the TIDAL client, auth and cache. It runs on the first tool call, not at start:
 * an MCP client starts the server to ask for initialize and tools/list, which need none of it.
 */
export async function runStdio(config: Config, loadApp: () => Promise<App>): Promise<void> {
  const logger = createLogger(config.logLevel, undefined, [config.clientSecret]);
  const missing = [
    ...(config.clientId ? [] : ['TIDAL_CLIENT_ID']),
    ...(config.clientSecret ? [] : ['TIDAL_CLIENT_SECRET']),
  ];
  if (missing.length > 0) {
    logger.warn(
      `${missing.join(' and ')} not set: tools will answer with setup instructions until they are.`,
    );
  }
  let app: Promise<App> | undefined;
  const deps = async () => {
    app ??= loadApp().catch((error: unknown) => {
      logger.error(
        `loading the TIDAL client failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      throw error;
    });
    return (await app).deps;
  };
  const handle = serveStdio(() => createServer(deps), {
    onerror: (error) => logger.error(`stdio transport: ${error.message}`),
  });
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.stdin.once('end', stop);
    process.stdin.once('close', stop);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await handle.close();
  await app?.then(
    (loaded) => loaded.close(),
    () => undefined,
  );
}
