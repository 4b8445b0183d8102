/**
 * The single adapter between tool modules and the MCP SDK, and the only place an error becomes
 * an `isError` result. Tool modules stay declarative: schemas, annotations, description, handler.
 */
import {
  inputRequired,
  type McpServer,
  type ServerContext,
  type ToolAnnotations,
} from '@modelcontextprotocol/server';
import type * as z from 'zod/v4';

import type { Account, UserSession } from '../../auth/user-session.js';
import { userMessage } from '../../errors.js';
import { type Logger, silentLogger, withLogSink } from '../../log.js';
import { newCallStats, withCallStats } from '../../tidal/call-stats.js';
import type { TidalCatalog } from '../../tidal/catalog/index.js';
import type { TidalLibrary } from '../../tidal/library/index.js';
import type { TidalPlaylists } from '../../tidal/playlists/index.js';
import { withReadOnly } from '../../tidal/read-only.js';
import {
  advertisedOnly,
  bounded,
  errorResult,
  leanInput,
  type Started,
  statsMeta,
} from './call-result.js';
import type { ClientLogging } from './client-log.js';
import {
  askToConfirm,
  canAskForms,
  canOpenUrls,
  confirmAnswer,
  ConfirmationNeeded,
  OPEN_URL,
  urlAnswer,
} from './elicitation.js';
import { describeError, logInternal } from './error-boundary.js';
import { resourceLinks } from './resource-links.js';
import type { ResultPages } from './result-pages.js';

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

/**
 * The deps, or how to get them on first use: over stdio the TIDAL client is built by the first
 * tool call, so start-up (initialize, tools/list) never loads it. The loader logs its own failure.
 */
export type ToolDepsSource = ToolDeps | (() => Promise<ToolDeps>);

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
  /**
   * A destructive action called without confirm: true asks here. Where the client can show a
   * form (elicitation), the user is asked `question` and the tool is called again with the
   * answer: 'proceed' (they agreed) or 'declined'. A client that cannot ask gets 'preview': the
   * tool answers with its preview, and the model asks the user and repeats with confirm: true.
   */
  confirm(question: string): 'proceed' | 'declined' | 'preview';
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

/**
 * Whether a destructive action goes ahead: `confirm: true` in the arguments, or the user's yes
 * through the client (ToolContext.confirm). 'declined' and 'preview' both mean: answer with the
 * preview, saying for 'declined' that the user said no.
 */
export function decide(
  ctx: ToolContext,
  confirmed: boolean | undefined,
  question: string,
): 'proceed' | 'declined' | 'preview' {
  return confirmed === true ? 'proceed' : ctx.confirm(question);
}

/** The first sentence of a preview: what happened, and what the model should do next. */
export function previewLead(decision: 'declined' | 'preview', what: string): string {
  return decision === 'declined' ? `The user declined: nothing ${what}.` : `Nothing ${what} yet.`;
}

/** The annotations of every tool that only reads TIDAL: no change, same answer, open world. */
export const READS_TIDAL = {
  readOnlyHint: true,
  destructiveHint: false,
  idempotentHint: true,
  openWorldHint: true,
} as const;

export function defineTool<I extends z.ZodObject, O extends z.ZodObject>(
  definition: ToolDefinition<I, O>,
): ToolDefinition<I, O> {
  return definition;
}

/** TIDAL_COUNTRY when set, else the logged-in user's country, else the built-in default. */
export async function countryFor(deps: ToolDeps, signal: AbortSignal): Promise<string> {
  if (deps.countryExplicit) return deps.defaultCountry;
  try {
    return (await deps.user.access(signal)).country.toUpperCase();
  } catch {
    // Not logged in (or the token store is unreadable): the catalog does not need a login.
    return deps.defaultCountry;
  }
}

function toolContext(
  deps: ToolDeps,
  ctx: ServerContext,
  toolName: string,
  fallback: string,
  canAsk: boolean,
): ToolContext {
  const progressToken = ctx.mcpReq._meta?.progressToken;
  return {
    confirm: (question) => {
      const answer = confirmAnswer(ctx);
      if (answer !== undefined) return answer;
      if (canAsk) throw new ConfirmationNeeded(question);
      return 'preview';
    },
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

/**
 * One call of a tool: the handler inside the read-only guard (for readOnlyHint tools), the call's
 * statistics and the client's log sink; the answer bounded; every error through the boundary.
 */
async function call(
  server: McpServer,
  tool: AnyToolDefinition,
  deps: ToolDeps,
  input: unknown,
  ctx: ServerContext,
  logging: ClientLogging,
  started: Started,
) {
  if (deps.reportCallStats) {
    // Reading CPU time is a system call (slow in some sandboxes): keep it out of serverMs.
    const before = performance.now();
    started.cpu = process.cpuUsage();
    started.at += performance.now() - before;
  }
  const stats = newCallStats();
  try {
    const handle = async () => {
      const fallback = await countryFor(deps, ctx.mcpReq.signal);
      const canAsk = canAskForms(server, ctx);
      return tool.handler(input as never, toolContext(deps, ctx, tool.name, fallback, canAsk));
    };
    const guarded = tool.annotations.readOnlyHint
      ? () => withReadOnly(`tool ${tool.name}`, handle)
      : handle;
    const run = () => withCallStats(stats, guarded);
    const sink = logging.sinkFor(ctx);
    const result = await (sink ? withLogSink(sink, run) : run());
    if (result.openUrl && urlAnswer(ctx) === undefined && canOpenUrls(server, ctx)) {
      // The SDK serves this to 2026 clients as input_required and to 2025 clients as an
      // elicitation request, then calls the tool again with the user's answer.
      return inputRequired({
        inputRequests: { [OPEN_URL]: inputRequired.elicitUrl(result.openUrl) },
      });
    }
    const { text, structured } = bounded(result, tool.name, deps.logger);
    return {
      content: [{ type: 'text' as const, text }, ...resourceLinks(structured)],
      structuredContent: structured,
      _meta: statsMeta(deps.reportCallStats, stats, started),
    };
  } catch (error) {
    if (error instanceof ConfirmationNeeded) return askToConfirm(error.question);
    // A cancelled call fails with whatever the abort reason was (over HTTP: the SDK's
    // "Connection closed"); it is not an internal error, and nobody reads the result.
    const text = ctx.mcpReq.signal.aborted
      ? `${tool.name} was cancelled.`
      : describeError(error, tool.name, deps.logger, tool.notFoundHint);
    return errorResult(text, statsMeta(deps.reportCallStats, stats, started));
  }
}

/**
 * A read-only tool's answer outside a tool call (resources, prompt completions): the same
 * handler, arguments checked by its own schema, no progress and nobody to ask. Errors propagate.
 */
export async function runTool(
  tool: AnyToolDefinition,
  args: Record<string, unknown>,
  deps: ToolDeps,
  signal: AbortSignal,
): Promise<ToolResult<unknown>> {
  if (!tool.annotations.readOnlyHint)
    throw new Error(`runTool is for read-only tools, not ${tool.name}`);
  const input: unknown = tool.inputSchema.parse(args);
  const fallback = await countryFor(deps, signal);
  const ctx: ToolContext = {
    deps,
    signal,
    country: (given) => (given ?? fallback).toUpperCase(),
    progress: () => Promise.resolve(),
    userMessage: (error) => userMessage(error, (e) => logInternal(deps.logger, tool.name, e)),
    urlOpened: undefined,
    confirm: () => 'preview',
  };
  return withReadOnly(`tool ${tool.name}`, () => tool.handler(input as never, ctx));
}

export function registerTool(
  server: McpServer,
  tool: AnyToolDefinition,
  source: ToolDepsSource,
  logging: ClientLogging,
): void {
  server.registerTool(
    tool.name,
    {
      title: tool.title,
      description: tool.description,
      inputSchema: leanInput(tool.inputSchema),
      outputSchema: advertisedOnly(tool.outputSchema),
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
      return call(server, tool, deps, input, ctx, logging, started);
    },
  );
}
