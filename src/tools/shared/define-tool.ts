/**
 * The single adapter between tool modules and the MCP SDK, and the only place an error becomes
 * an `isError` result. Tool modules stay declarative: schemas, annotations, description, handler.
 */
import {
  CLIENT_CAPABILITIES_META_KEY,
  inputRequired,
  type McpServer,
  type ServerContext,
  type ToolAnnotations,
} from '@modelcontextprotocol/server';
import type * as z from 'zod/v4';
import type { Account, UserSession } from '../../auth/user-session.js';
import { type Logger, withLogSink } from '../../log.js';
import type { ClientLogging } from './client-log.js';
import type { ResultPages } from './result-pages.js';
import { newCallStats, withCallStats, type CallStats } from '../../tidal/call-stats.js';
import { withReadOnly } from '../../tidal/read-only.js';
import type { TidalCatalog } from '../../tidal/catalog/index.js';
import type { TidalLibrary } from '../../tidal/library/index.js';
import type { TidalPlaylists } from '../../tidal/playlists/index.js';
import { BadRequestError, TidalError } from '../../tidal/errors.js';
import { boundStructured, boundText } from './bounds.js';
import { InputError } from './errors.js';
import { isAbort, UserFacingError, userMessage } from '../../errors.js';

/** What tools may use. Built once per process and shared by every connection. */
export interface ToolDeps {
  catalog: TidalCatalog;
  /** The logged-in TIDAL user, for manage_playlist. Catalog tools never need it. */
  user: UserSession;
  playlists: TidalPlaylists;
  /** Favorites, mixes, any playlist and the lookups they need. */
  library: TidalLibrary;
  /** Status, in-chat login and logout (the account tool). */
  account: Account;
  /** Offer no tool that writes (see toolsFor in tools/index.ts). */
  readOnly: boolean;
  /** TIDAL_COUNTRY, or 'US' when it is not set. */
  defaultCountry: string;
  /** TIDAL_COUNTRY was set; otherwise a logged-in user's own country comes first. */
  countryExplicit: boolean;
  logger: Logger;
  /** Attach per-call upstream statistics to results as `_meta` (used by the benchmark). */
  reportCallStats: boolean;
  /** Long results kept for paging (match_tracks). */
  pages: ResultPages;
}

export interface ToolContext {
  deps: ToolDeps;
  signal: AbortSignal;
  /**
   * The country to use: the argument (upper-cased), else TIDAL_COUNTRY when set, else the
   * logged-in user's country (so what the catalog finds is playable for them), else US.
   */
  country(input: string | undefined): string;
  /** Report progress when the client asked for it (a no-op otherwise). */
  progress(progress: number, total: number, message: string): Promise<void>;
  /** Text for a per-item failure reason: user-facing messages only (see src/errors.ts). */
  userMessage(error: unknown): string;
  /**
   * On the call repeated after the client was asked to open a URL (ToolResult.openUrl): what the
   * user answered. Undefined on a first call.
   */
  urlOpened: 'accept' | 'decline' | 'cancel' | undefined;
}

export interface ToolResult<O> {
  structured: O;
  text: string;
  /**
   * Ask the client to open this URL for the user (URL-mode elicitation) before the result is
   * final, where the client declares support; the tool is then called again with `urlOpened`.
   */
  openUrl?: { message: string; url: string };
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
  /**
   * What this tool becomes in read-only mode when it is not read-only itself (e.g. account
   * without logout). A tool that writes and has none is not offered in read-only mode.
   */
  readOnlyVariant?: AnyToolDefinition;
  /** The next step when TIDAL says what was asked for does not exist. */
  notFoundHint?: string;
}

/** Any tool, for the registry: the handler's input type is erased (the SDK validated it). */
export type AnyToolDefinition = Omit<ToolDefinition<z.ZodObject, z.ZodObject>, 'handler'> & {
  handler(input: never, ctx: ToolContext): Promise<ToolResult<unknown>>;
};

/** The request key of the "open this URL" elicitation (see ToolResult.openUrl). */
const OPEN_URL = 'open_url';

export function defineTool<I extends z.ZodObject, O extends z.ZodObject>(
  definition: ToolDefinition<I, O>,
): ToolDefinition<I, O> {
  return definition;
}

const STATS_META_KEY = 'io.github.tidal-mcp/call-stats';
const DEFAULT_NOT_FOUND_HINT = 'Check the id, or search_catalog for it.';

/** TIDAL_COUNTRY when set, else the logged-in user's country, else the built-in default. */
async function fallbackCountry(deps: ToolDeps, signal: AbortSignal): Promise<string> {
  if (deps.countryExplicit) return deps.defaultCountry;
  try {
    return (await deps.user.access(signal)).country.toUpperCase();
  } catch {
    // Not logged in (or the token store is unreadable): the catalog does not need a login.
    return deps.defaultCountry;
  }
}

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
export function describeError(
  error: unknown,
  toolName: string,
  logger: Logger,
  notFoundHint = DEFAULT_NOT_FOUND_HINT,
): string {
  const message = userMessage(error, (e) => logInternal(logger, toolName, e));
  if (error instanceof InputError) return `Invalid arguments for ${toolName}: ${message}`;
  if (isAbort(error)) return `${toolName} was cancelled.`;
  if (error instanceof BadRequestError && error.parameter === 'page[cursor]') {
    return `${message}. The cursor has expired or is no longer valid: repeat the call without cursor.`;
  }
  if (error instanceof TidalError) {
    switch (error.kind) {
      case 'not_found':
        // Some messages already name the next step (e.g. a name that matched no artist).
        return message.includes('search_catalog') ? message : `${message}. ${notFoundHint}`;
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

/** The user's answer to the "open this URL" request, on the call repeated after it. */
function urlAnswer(ctx: ServerContext): ToolContext['urlOpened'] {
  const answer = ctx.mcpReq.inputResponses?.[OPEN_URL] as { action?: unknown } | undefined;
  if (answer === undefined) return undefined;
  const action = answer.action;
  return action === 'accept' || action === 'decline' ? action : 'cancel';
}

function toolContext(
  deps: ToolDeps,
  ctx: ServerContext,
  toolName: string,
  fallback: string,
): ToolContext {
  const progressToken = ctx.mcpReq._meta?.progressToken;
  return {
    urlOpened: urlAnswer(ctx),
    userMessage: (error) => userMessage(error, (e) => logInternal(deps.logger, toolName, e)),
    deps,
    signal: ctx.mcpReq.signal,
    country: (input) => (input ?? fallback).toUpperCase(),
    progress: async (progress, total, message) => {
      if (progressToken === undefined) return;
      await ctx.mcpReq.notify({
        method: 'notifications/progress',
        params: { progressToken, progress, total, message },
      });
    },
  };
}

function statsMeta(deps: ToolDeps, stats: CallStats): Record<string, unknown> | undefined {
  return deps.reportCallStats ? { [STATS_META_KEY]: { ...stats } } : undefined;
}

/** The part of the client's capabilities this adapter reads. */
interface ElicitationCapability {
  elicitation?: { url?: unknown };
}

/** Whether the client declared URL-mode elicitation: per request (2026) or at initialize (2025). */
function canOpenUrls(server: McpServer, ctx: ServerContext): boolean {
  const envelope: unknown = ctx.mcpReq.envelope;
  const perRequest =
    typeof envelope === 'object' && envelope !== null
      ? (envelope as Record<string, unknown>)[CLIENT_CAPABILITIES_META_KEY]
      : undefined;
  const atInitialize: unknown = server.server.getClientCapabilities();
  const declared = (perRequest ?? atInitialize) as ElicitationCapability | undefined;
  return declared?.elicitation?.url !== undefined;
}

/** Applies the size guard (bounds.ts); a cut is a bug in the tool's own summary, so it is logged. */
function bounded(
  result: ToolResult<unknown>,
  toolName: string,
  logger: Logger,
): { text: string; structured: Record<string, unknown> } {
  const structured = result.structured as Record<string, unknown>;
  const dropped = boundStructured(structured);
  let text = boundText(result.text);
  if (dropped > 0) {
    logger.warn(`${toolName}: structured content too large, ${dropped} list items dropped`);
    text = `${text}\n(The structured content was shortened by ${dropped} list items to fit.)`;
  }
  if (text.length < result.text.length) logger.warn(`${toolName}: text result too large, cut`);
  return { text, structured };
}

export function registerTool(
  server: McpServer,
  tool: AnyToolDefinition,
  deps: ToolDeps,
  logging: ClientLogging,
): void {
  const { inputSchema, outputSchema } = tool;
  server.registerTool(
    tool.name,
    {
      title: tool.title,
      description: tool.description,
      inputSchema,
      outputSchema,
      annotations: { title: tool.title, ...tool.annotations },
    },
    async (input: unknown, ctx: ServerContext) => {
      const stats = newCallStats();
      try {
        const urlOpened = urlAnswer(ctx);
        const handle = async () => {
          const fallback = await fallbackCountry(deps, ctx.mcpReq.signal);
          return tool.handler(input as never, toolContext(deps, ctx, tool.name, fallback));
        };
        const guarded = tool.annotations.readOnlyHint
          ? () => withReadOnly(`tool ${tool.name}`, handle)
          : handle;
        const run = () => withCallStats(stats, guarded);
        const sink = logging.sinkFor(ctx);
        const result = await (sink ? withLogSink(sink, run) : run());
        if (result.openUrl && urlOpened === undefined && canOpenUrls(server, ctx)) {
          // The SDK serves this to 2026 clients as input_required and to 2025 clients as an
          // elicitation request, then calls the tool again with the user's answer.
          return inputRequired({
            inputRequests: { [OPEN_URL]: inputRequired.elicitUrl(result.openUrl) },
          });
        }
        const { text, structured } = bounded(result, tool.name, deps.logger);
        return {
          content: [{ type: 'text' as const, text }],
          structuredContent: structured,
          _meta: statsMeta(deps, stats),
        };
      } catch (error) {
        // A cancelled call fails with whatever the abort reason was (over HTTP: the SDK's
        // "Connection closed"); it is not an internal error, and nobody reads the result.
        const text = ctx.mcpReq.signal.aborted
          ? `${tool.name} was cancelled.`
          : describeError(error, tool.name, deps.logger, tool.notFoundHint);
        return {
          content: [{ type: 'text' as const, text }],
          isError: true,
          _meta: statsMeta(deps, stats),
        };
      }
    },
  );
}
