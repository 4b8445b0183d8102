/** MCP over stdio: stdout carries protocol only; logs go to stderr. Serves 2025 and 2026 clients. */
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import type { App } from '../app.js';
import { createServer } from '../server.js';

export async function runStdio(app: App): Promise<void> {
  const missing = app.clientCredentials.missing();
  if (missing.length > 0) {
    app.logger.warn(
      `${missing.join(' and ')} not set: tools will answer with setup instructions until they are.`,
    );
  }
  const handle = serveStdio(() => createServer(app.deps), {
    onerror: (error) => app.logger.error(`stdio transport: ${error.message}`),
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
