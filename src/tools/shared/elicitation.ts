/**
 * Asking the user through the client (elicitation), where the client declares it can: the SDK
 * serves an input-required result to 2026-07-28 clients as `input_required` and to 2025-era
 * clients as an elicitation request, then calls the tool again with the user's answer.
 */
import {
  acceptedContent,
  CLIENT_CAPABILITIES_META_KEY,
  inputRequired,
  type McpServer,
  type ServerContext,
} from '@modelcontextprotocol/server';
import * as z from 'zod/v4';

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

/** The request key of the "confirm this change" elicitation (see ToolContext.confirm). */
export const CONFIRM = 'confirm_change';

/** What the user is asked to fill in: one checkbox. */
export const ConfirmSchema = z.object({
  confirm: z.boolean().describe('Yes, make this change'),
});

/**
 * Thrown by ToolContext.confirm when the user has to be asked first: the adapter answers the call
 * with the elicitation, and the client calls the tool again with the answer.
 */
export class ConfirmationNeeded extends Error {
  override name = 'ConfirmationNeeded';
  constructor(readonly question: string) {
    super(question);
  }
}

/** Form-mode support: `elicitation: {}` (2025-06) or `{ form: {} }` (2025-11 and later). */
export function canAskForms(server: McpServer, ctx: ServerContext): boolean {
  const declared = elicitationOf(server, ctx);
  if (declared === undefined) return false;
  return declared.form !== undefined || declared.url === undefined;
}

/**
 * The user's answer to the confirmation on the repeated call: 'proceed' only for an accepted
 * form with the box ticked; undefined on a first call.
 */
export function confirmAnswer(ctx: ServerContext): 'proceed' | 'declined' | undefined {
  const responses = ctx.mcpReq.inputResponses;
  if (responses?.[CONFIRM] === undefined) return undefined;
  return acceptedContent(responses, CONFIRM, ConfirmSchema)?.confirm === true
    ? 'proceed'
    : 'declined';
}

/** The answer to a call that needs the user's yes: an elicitation the client shows. */
export function askToConfirm(question: string) {
  return inputRequired({
    inputRequests: {
      [CONFIRM]: inputRequired.elicit({ message: question, requestedSchema: ConfirmSchema }),
    },
  });
}
