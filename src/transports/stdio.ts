/** MCP over stdio: stdout carries protocol only; logs go to stderr. Serves 2025 and 2026 clients. */
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import type { App } from '../app.js';
import type { Config } from '../config.js';
import { createLogger, type Logger } from '../log.js';
import { createServer } from '../server.js';

/**
 * The app, built on first use and then shared: concurrent first calls wait for the same build. A
 * failed build is logged with its stack, and every call that needed it fails (generically).
 */
export function lazyApp(loadApp: () => Promise<App>, logger: Logger) {
  let app: Promise<App> | undefined;
  return {
    deps: async (): Promise<App['deps']> => {
      app ??= loadApp().catch((error: unknown) => {
        logger.error(
          `loading the TIDAL client failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
        throw error;
      });
      return (await app).deps;
    },
    /** Release what was built, if anything was. */
    close: async () => {
      await app?.then(
        (loaded) => loaded.close(),
        () => undefined,
      );
    },
  };
}

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
  const app = lazyApp(loadApp, logger);
  const handle = serveStdio(() => createServer(app.deps), {
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
  await app.close();
}
