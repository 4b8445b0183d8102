/**
 * MCP over stdio: stdout carries protocol only; logs go to stderr. Serves 2025 and 2026 clients.
 * stdin passes through LineGuard (stdio-framing.ts) first, so a line longer than
 * MAX_MESSAGE_BYTES gets a JSON-RPC error and the session goes on, instead of the SDK
 * transport's read buffer overflowing and ending the process.
 */
import { StdioServerTransport, serveStdio } from '@modelcontextprotocol/server/stdio';
import type { App } from '../app.js';
import { createServer } from '../server.js';
import { MAX_MESSAGE_BYTES } from './limits.js';
import { LineGuard, type OversizeLine } from './stdio-framing.js';

/** JSON-RPC "Invalid Request": the message could not be taken in at all. */
const INVALID_REQUEST = -32600;

export async function runStdio(app: App): Promise<void> {
  const { logger } = app;
  const missing = app.clientCredentials.missing();
  if (missing.length > 0) {
    logger.warn(
      `${missing.join(' and ')} not set: tools will answer with setup instructions until they are.`,
    );
  }
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
  const handle = serveStdio(() => createServer(app.deps), {
    transport: wire,
    onerror: (error) => logger.error(`stdio transport: ${error.message}`),
  });
  await new Promise<void>((resolve) => {
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
  // Stop reading so nothing holds the process open once the work below is done.
  process.stdin.unpipe(guard);
  process.stdin.pause();
  await handle.close();
  await app.close();
}
