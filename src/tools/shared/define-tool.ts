/**
 * The single adapter between tool modules and the MCP SDK, and the only place an error becomes
 * an `isError` result. Tool modules stay declarative: schemas, annotations, description, handler.
 */
import type {
  McpServer,
  ServerContext,
  StandardSchemaWithJSON,
  ToolAnnotations,
} from '@modelcontextprotocol/server';
import type * as z from 'zod/v4';
import type { UserSession } from '../../auth/user-session.js';
import { silentLogger, type Logger } from '../../log.js';
import { newCallStats, withCallStats, type CallStats } from '../../tidal/call-stats.js';
import type { TidalCatalog } from '../../tidal/catalog/index.js';
import type { TidalPlaylists } from '../../tidal/playlists/index.js';
import { TidalError } from '../../tidal/errors.js';
import { InputError } from './errors.js';
import { isAbort, UserFacingError, userMessage } from '../../errors.js';

/** What tools may use. Built once per process and shared by every connection. */
export interface ToolDeps {
  catalog: TidalCatalog;
  /** The logged-in TIDAL user, for manage_playlist. Catalog tools never need it. */
  user: UserSession;
  playlists: TidalPlaylists;
  defaultCountry: string;
  logger: Logger;
  /** Attach per-call upstream statistics to results as `_meta` (used by the benchmark). */
  reportCallStats: boolean;
}

/**
 * The deps, or how to get them on first use: over stdio the TIDAL client is built by the first
 * tool call, so start-up (initialize, tools/list) never loads it. The loader logs its own failure.
 */
export type ToolDepsSource = ToolDeps | (() => Promise<ToolDeps>);

export interface ToolContext {
  deps: ToolDeps;
  signal: AbortSignal;
  /** The country to use: the argument (upper-cased) or the server default. */
  country(input: string | undefined): string;
  /** Report progress when the client asked for it (a no-op otherwise). */
  progress(progress: number, total: number, message: string): Promise<void>;
  /** Text for a per-item failure reason: user-facing messages only (see src/errors.ts). */
  userMessage(error: unknown): string;
}

export interface ToolResult<O> {
  structured: O;
  text: string;
}

export interface ToolDefinition<I extends z.ZodObject, O extends z.ZodObject> {
  name: string;
  title: string;
  description: string;
  inputSchema: I;
  outputSchema: O;
  annotations: Required<
    Pick<ToolAnnotations, 'readOnlyHint' | 'destructiveHint' | 'idempotentHint' | 'openWorldHint'>
  >;
  handler(input: z.infer<I>, ctx: ToolContext): Promise<ToolResult<z.infer<O>>>;
}

/** Any tool, for the registry: the handler's input type is erased (the SDK validated it). */
export type AnyToolDefinition = Omit<ToolDefinition<z.ZodObject, z.ZodObject>, 'handler'> & {
  handler(input: never, ctx: ToolContext): Promise<ToolResult<unknown>>;
};

export function defineTool<I extends z.ZodObject, O extends z.ZodObject>(
  definition: ToolDefinition<I, O>,
): ToolDefinition<I, O> {
  return definition;
}

const STATS_META_KEY = 'io.github.tidal-mcp/call-stats';

/** Logs an error that is not user-facing, with its stack, for the maintainer. */
function logInternal(logger: Logger, toolName: string, error: unknown): void {
  logger.error(
    `${toolName} failed unexpectedly: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
}

/**
 * The error boundary: wording the model can act on. Only UserFacingError text is shown (with a
 * next step for the kinds that have one); anything else becomes the generic internal-error message
 * and goes to stderr in full.
 */
export function describeError(error: unknown, toolName: string, logger: Logger): string {
  const message = userMessage(error, (e) => logInternal(logger, toolName, e));
  if (error instanceof InputError) return `Invalid arguments for ${toolName}: ${message}`;
  if (isAbort(error)) return `${toolName} was cancelled.`;
  if (error instanceof TidalError) {
    switch (error.kind) {
      case 'rate_limited':
        return `${message}. Wait, then call ${toolName} again.`;
      case 'network':
      case 'upstream':
        return `${message}. This is usually temporary; try again shortly.`;
      default:
        return message;
    }
  }
  return error instanceof UserFacingError ? message : `${toolName} failed because of ${message}.`;
}

function toolContext(deps: ToolDeps, ctx: ServerContext, toolName: string): ToolContext {
  const progressToken = ctx.mcpReq._meta?.progressToken;
  return {
    userMessage: (error) => userMessage(error, (e) => logInternal(deps.logger, toolName, e)),
    deps,
    signal: ctx.mcpReq.signal,
    country: (input) => (input ?? deps.defaultCountry).toUpperCase(),
    progress: async (progress, total, message) => {
      if (progressToken === undefined) return;
      await ctx.mcpReq.notify({
        method: 'notifications/progress',
        params: { progressToken, progress, total, message },
      });
    },
  };
}

interface Started {
  at: number;
  /** Only while statistics are reported: reading it is a system call. */
  cpu?: NodeJS.CpuUsage;
}

/**
 * `serverMs` is the server's time for the call as this adapter sees it: from the moment the SDK
 * hands over the validated arguments to the moment the result is built (handler, TIDAL client,
 * cache, mapping, rendering; on stdio's first call also loading the TIDAL client), waits on TIDAL
 * included; subtract upstreamMs and throttledMs for the server's own work. `serverCpuMs` is the
 * process's CPU time from when the deps are at hand to the same end: the server's own work without
 * any waiting, exact when calls do not overlap (the benchmark's case). The SDK's argument
 * validation before and its JSON encoding after are outside both (the benchmark replays the
 * encoding).
 */
function statsMeta(
  deps: ToolDeps,
  stats: CallStats,
  started: Started,
): Record<string, unknown> | undefined {
  if (!deps.reportCallStats) return undefined;
  const serverMs = performance.now() - started.at;
  const cpu = process.cpuUsage(started.cpu);
  return {
    [STATS_META_KEY]: { ...stats, serverMs, serverCpuMs: (cpu.user + cpu.system) / 1000 },
  };
}

const errorResult = (text: string, meta?: Record<string, unknown>) => ({
  content: [{ type: 'text' as const, text }],
  isError: true,
  _meta: meta,
});

/**
 * A tool's output schema as the SDK gets it: the same JSON Schema in tools/list, but no check of
 * every answer against the zod schema at run time. Answers are built by typed code from mapped
 * domain objects, and the tests hold every tool's answers to the advertised schema (the MCP client
 * validates structuredContent against it, in process and end to end); validating again on each
 * call cost the server up to half a millisecond (100 tracks), more than the handler itself spends.
 */
function advertisedOnly(schema: z.ZodObject): StandardSchemaWithJSON {
  return { '~standard': { ...schema['~standard'], validate: (value: unknown) => ({ value }) } };
}

export function registerTool(
  server: McpServer,
  tool: AnyToolDefinition,
  source: ToolDepsSource,
): void {
  const { inputSchema, outputSchema } = tool;
  server.registerTool(
    tool.name,
    {
      title: tool.title,
      description: tool.description,
      inputSchema,
      outputSchema: advertisedOnly(outputSchema),
      annotations: { title: tool.title, ...tool.annotations },
    },
    async (input: unknown, ctx: ServerContext) => {
      const started: Started = { at: performance.now() };
      let deps: ToolDeps;
      try {
        deps = typeof source === 'function' ? await source() : source;
      } catch (error) {
        return errorResult(describeError(error, tool.name, silentLogger));
      }
      if (deps.reportCallStats) started.cpu = process.cpuUsage();
      const stats = newCallStats();
      try {
        const result = await withCallStats(stats, () =>
          tool.handler(input as never, toolContext(deps, ctx, tool.name)),
        );
        return {
          content: [{ type: 'text' as const, text: result.text }],
          structuredContent: result.structured as Record<string, unknown>,
          _meta: statsMeta(deps, stats, started),
        };
      } catch (error) {
        // A cancelled call fails with whatever the abort reason was (over HTTP: the SDK's
        // "Connection closed"); it is not an internal error, and nobody reads the result.
        const text = ctx.mcpReq.signal.aborted
          ? `${tool.name} was cancelled.`
          : describeError(error, tool.name, deps.logger);
        return errorResult(text, statsMeta(deps, stats, started));
      }
    },
  );
}
