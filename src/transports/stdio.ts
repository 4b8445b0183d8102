/**
 * MCP over stdio: stdout carries protocol only; logs go to stderr. Serves 2025 and 2026 clients.
 * stdin passes through LineGuard (stdio-framing.ts) first, so a line longer than
 * MAX_MESSAGE_BYTES gets a JSON-RPC error and the session goes on, instead of the SDK
 * transport's read buffer overflowing and ending the process.
 */
import { serveStdio, StdioServerTransport } from '@modelcontextprotocol/server/stdio';

import type { App } from '../app.js';
import type { Config } from '../config.js';
import { createLogger, type Logger } from '../log.js';
import { createServer } from '../server.js';
import { MAX_MESSAGE_BYTES } from './limits.js';
import { LineGuard, type OversizeLine } from './stdio-framing.js';

/** JSON-RPC "Invalid Request": the message could not be taken in at all. */
const INVALID_REQUEST = -32600;

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

/** stdin behind the line guard, and the SDK transport reading from it. */
function guardedTransport(logger: Logger): { wire: StdioServerTransport; guard: LineGuard } {
  const tooLarge = ({ bytes, id }: OversizeLine) => {
    logger.debug(`stdio: ignored a ${bytes}-byte message (limit ${MAX_MESSAGE_BYTES})`);
    const message = `Message too large: ${bytes} bytes; the limit is ${MAX_MESSAGE_BYTES} bytes. The message was ignored.`;
    // id null when the line did not reveal one (JSON-RPC 2.0 §5); the SDK's type has no null id.
    const error = {
      jsonrpc: '2.0' as const,
      id: id as string | number,
      error: { code: INVALID_REQUEST, message },
    };
    wire.send(error).catch((failure: unknown) => logger.debug(`stdio: ${String(failure)}`));
  };
  const guard = new LineGuard(MAX_MESSAGE_BYTES, tooLarge);
  process.stdin.pipe(guard);
  const wire = new StdioServerTransport(guard, process.stdout);
  return { wire, guard };
}

/** Resolves when the session is over: input ended or failed, stdout failed, or a signal. */
function sessionEnd(wire: StdioServerTransport): Promise<void> {
  return new Promise<void>((resolve) => {
    // The transport closes when its input ends (stdin closed) or stdout fails.
    const closed = wire.onclose;
    wire.onclose = () => {
      closed?.();
      resolve();
    };
    // A stdin that fails instead of ending never ends the guard: stop on its close as well.
    process.stdin.once('close', resolve);
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
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
  const { wire, guard } = guardedTransport(logger);
  const handle = serveStdio(() => createServer(app.deps, { readOnly: config.readOnly }), {
    transport: wire,
    onerror: (error) => logger.error(`stdio transport: ${error.message}`),
  });
  await sessionEnd(wire);
  // Stop reading so nothing holds the process open once the work below is done.
  process.stdin.unpipe(guard);
  process.stdin.pause();
  await handle.close();
  await app.close();
}
