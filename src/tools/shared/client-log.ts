/**
 * A tool call's log lines to the MCP client that made the call, only when that client asked:
 * 2026-07-28 clients put a level in each request's `_meta`; 2025-era clients send
 * logging/setLevel once per connection. A client that chose no level gets no log notifications
 * (the 2026 rule, applied to both eras so nobody is flooded by default). Lines are redacted by
 * the logger before they get here.
 */
import {
  LOG_LEVEL_META_KEY,
  type LoggingLevel,
  type McpServer,
  type ServerContext,
} from '@modelcontextprotocol/server';

import type { LogSink } from '../../log.js';

const SEVERITY: readonly LoggingLevel[] = [
  'debug',
  'info',
  'notice',
  'warning',
  'error',
  'critical',
  'alert',
  'emergency',
];
const MCP_LEVEL = { debug: 'debug', info: 'info', warn: 'warning', error: 'error' } as const;

export class ClientLogging {
  /** The level a 2025-era client chose with logging/setLevel on this connection. */
  private chosen: LoggingLevel | undefined;

  constructor(server: McpServer) {
    // Replaces the SDK's handler, which would otherwise let every level through until a client
    // sets one; the answer on the wire is the same empty result. A server built without the
    // logging capability (tests of the adapter alone) simply sends no logs.
    if (!server.server.getCapabilities().logging) return;
    server.server.setRequestHandler('logging/setLevel', (request) => {
      this.chosen = request.params.level;
      return {};
    });
  }

  /** The sink for one call, or undefined when its client asked for no logs. */
  sinkFor(ctx: ServerContext): LogSink | undefined {
    const envelope = ctx.mcpReq.envelope as Record<string, unknown> | undefined;
    const perRequest = envelope?.[LOG_LEVEL_META_KEY] as LoggingLevel | undefined;
    const threshold = perRequest ?? this.chosen;
    if (threshold === undefined) return undefined;
    const floor = SEVERITY.indexOf(threshold);
    return (level, message) => {
      const mcpLevel = MCP_LEVEL[level];
      if (SEVERITY.indexOf(mcpLevel) < floor) return;
      // Best effort: a client that went away must not fail the call.
      Promise.resolve()
        .then(() => ctx.mcpReq.log(mcpLevel, message, 'tidal-mcp'))
        .catch(() => undefined);
    };
  }
}
