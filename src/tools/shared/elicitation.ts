/**
 * Asking the user through the client (elicitation), where the client declares it can: the SDK
 * serves an input-required result to 2026-07-28 clients as `input_required` and to 2025-era
 * clients as an elicitation request, then calls the tool again with the user's answer.
 */
import {
  CLIENT_CAPABILITIES_META_KEY,
  type McpServer,
  type ServerContext,
} from '@modelcontextprotocol/server';

/** The request key of the "open this URL" elicitation (see ToolResult.openUrl). */
export const OPEN_URL = 'open_url';

/** The user's answer to the "open this URL" request, on the call repeated after it. */
export function urlAnswer(ctx: ServerContext): 'accept' | 'decline' | 'cancel' | undefined {
  const answer = ctx.mcpReq.inputResponses?.[OPEN_URL] as { action?: unknown } | undefined;
  if (answer === undefined) return undefined;
  const action = answer.action;
  return action === 'accept' || action === 'decline' ? action : 'cancel';
}

/** The part of the client's capabilities read here. */
interface ElicitationCapability {
  elicitation?: { url?: unknown; form?: unknown };
}

/** The client's elicitation capability: per request (2026) or at initialize (2025). */
export function elicitationOf(
  server: McpServer,
  ctx: ServerContext,
): ElicitationCapability['elicitation'] {
  const envelope: unknown = ctx.mcpReq.envelope;
  const perRequest =
    typeof envelope === 'object' && envelope !== null
      ? (envelope as Record<string, unknown>)[CLIENT_CAPABILITIES_META_KEY]
      : undefined;
  const atInitialize: unknown = server.server.getClientCapabilities();
  return ((perRequest ?? atInitialize) as ElicitationCapability | undefined)?.elicitation;
}

/** Whether the client declared URL-mode elicitation. */
export function canOpenUrls(server: McpServer, ctx: ServerContext): boolean {
  return elicitationOf(server, ctx)?.url !== undefined;
}
