/**
 * account: the login without a terminal. status and logout read and remove the stored login;
 * login starts the same PKCE flow as `tidal-mcp login` inside the server and answers at once
 * with the URL to open (asking the client to open it where it can). In read-only mode the tool
 * offers status and login only.
 */
import * as z from 'zod/v4';

import type { AccountStatus, PendingLogin } from '../../auth/user-session.js';
import { defineTool, previewLead, type ToolContext } from '../shared/define-tool.js';
import { InputError } from '../shared/errors.js';
import { lines } from '../shared/format.js';

const StatusOutput = z.object({
  loggedIn: z.boolean(),
  username: z.string().optional(),
  userId: z.string().optional(),
  country: z.string().optional(),
  scopes: z.array(z.string()),
  missingScopes: z.array(z.string()),
  expiresAt: z.string().optional(),
  expired: z.boolean().optional(),
  renewable: z.boolean().optional(),
  storage: z.string().optional(),
  problem: z.string().optional(),
  pendingLogin: z
    .object({ authorizeUrl: z.string(), expiresAt: z.string(), reused: z.boolean() })
    .optional(),
  lastLogin: z
    .object({ outcome: z.enum(['logged_in', 'failed', 'expired']), message: z.string() })
    .optional(),
});

const outputSchema = z.object({
  action: z.enum(['status', 'login', 'logout']),
  message: z.string(),
  status: StatusOutput.optional(),
  login: z
    .object({
      authorizeUrl: z.string(),
      expiresAt: z.string(),
      reused: z.boolean(),
      /** What the user answered when the client offered to open the URL. */
      opened: z.enum(['accept', 'decline', 'cancel']).optional(),
    })
    .optional(),
  preview: z
    .boolean()
    .optional()
    .describe('True when logout was only previewed: repeat with confirm: true.'),
  removed: z.boolean().optional(),
});
type Output = z.infer<typeof outputSchema>;

function statusText(s: AccountStatus): string {
  const who = s.username ?? s.userId ?? 'unknown';
  return lines(
    s.loggedIn
      ? `Logged in to TIDAL as ${who} (user id ${s.userId ?? '?'}, country ${s.country ?? 'unknown'}).`
      : `Not logged in to TIDAL${s.problem ? `: ${s.problem}` : ''}.`,
    s.loggedIn && `Scopes: ${s.scopes.join(' ') || '(none)'}`,
    s.loggedIn &&
      s.missingScopes.length > 0 &&
      `Missing scopes: ${s.missingScopes.join(' ')} — enable them for the app in the TIDAL developer dashboard, then log in again.`,
    s.expiresAt &&
      `Access token ${s.expired ? 'expired at' : 'valid until'} ${s.expiresAt}; ${s.renewable ? 'renewed automatically (refresh token stored)' : 'no refresh token: log in again after it expires'}.`,
    s.storage && `Stored in the ${s.storage}.`,
    s.pendingLogin &&
      `A login is waiting until ${s.pendingLogin.expiresAt}: ${s.pendingLogin.authorizeUrl}`,
    s.lastLogin && `Last login from the chat: ${s.lastLogin.message}`,
  );
}

function loginText(p: PendingLogin, opened: ToolContext['urlOpened']): string {
  const open =
    opened === 'accept'
      ? 'Your client opened the TIDAL login page; approve access there.'
      : `${p.reused && opened === undefined ? 'A login is already waiting. ' : ''}Open this URL in a browser on this computer and approve access:\n${p.authorizeUrl}`;
  return lines(
    open,
    `The login completes by itself when TIDAL sends the browser back (until ${p.expiresAt}); then the library and playlist tools work. Check with action "status".`,
  );
}

async function run(input: { action: Output['action']; confirm?: boolean }, ctx: ToolContext) {
  const account = ctx.deps.account;
  if (input.action === 'status') {
    const status = await account.status();
    return { structured: { action: 'status' as const, message: statusText(status), status } };
  }
  if (input.action === 'login') {
    const pending = await account.login();
    const opened = ctx.urlOpened;
    const message = loginText(pending, opened);
    // The call repeated after the client opened the URL finds its own login waiting: not a reuse.
    const reused = opened === undefined && pending.reused;
    const structured: Output = {
      action: 'login',
      message,
      login: { ...pending, reused, ...(opened && { opened }) },
    };
    const openUrl = {
      message: 'Log in to TIDAL so tidal-mcp can use your library and playlists.',
      url: pending.authorizeUrl,
    };
    return { structured, openUrl };
  }
  if (input.confirm !== true) {
    const status = await account.status();
    const who = status.username ?? status.userId;
    if (!status.loggedIn && !who) {
      const message = 'Not logged in to TIDAL: there is nothing to log out.';
      return { structured: { action: 'logout' as const, message, preview: true, status } };
    }
    const decision = ctx.confirm(`Log ${who ?? 'the current user'} out of TIDAL here?`);
    if (decision !== 'proceed') {
      const message = `${previewLead(decision, 'changed')} This would log ${who ?? 'the current user'} out of TIDAL here (the stored login is deleted). Confirm with the user, then call again with confirm: true.`;
      return { structured: { action: 'logout' as const, message, preview: true, status } };
    }
  }
  const { removed, storage } = await account.logout();
  const message = removed
    ? `Logged out: removed the TIDAL login from the ${storage}.`
    : `Nothing to remove: no TIDAL login in the ${storage}.`;
  return { structured: { action: 'logout' as const, message, removed } };
}

const DESCRIPTION = [
  'The TIDAL login, from the chat. status: who is logged in, country, granted scopes and expiry (never a token).',
  'login: starts a login and returns a URL for the user to open in a browser on this computer; it completes by itself when they approve, and the library and playlist tools then work. Use it when a tool says the user is not logged in or lacks a scope.',
];

const STATUS_LOGIN = 'status: who is logged in · login: start a login and get the URL to open';

const AccountInput = z.strictObject({
  action: z
    .enum(['status', 'login', 'logout'])
    .describe(`${STATUS_LOGIN} · logout: remove the stored login (with confirm)`),
  confirm: z
    .boolean()
    .optional()
    .describe('logout changes nothing without confirm: true; it returns a preview instead.'),
});

/** Read-only mode: no logout, so nothing here can end the login an unattended agent relies on. */
const ReadOnlyInput = z.strictObject({
  action: z.enum(['status', 'login']).describe(STATUS_LOGIN),
});

async function handler(input: { action: Output['action']; confirm?: boolean }, ctx: ToolContext) {
  if (input.confirm !== undefined && input.action !== 'logout') {
    throw new InputError('confirm', 'is only used by action logout');
  }
  const result = await run(input, ctx);
  return { ...result, text: result.structured.message };
}

const common = {
  name: 'account',
  title: 'TIDAL login',
  outputSchema,
} as const;

const readOnlyAccount = defineTool({
  ...common,
  description: [...DESCRIPTION, 'This server is read-only: logging out is not offered here.'].join(
    '\n',
  ),
  inputSchema: ReadOnlyInput,
  annotations: {
    readOnlyHint: false,
    destructiveHint: false,
    idempotentHint: false,
    openWorldHint: true,
  },
  handler,
});

export default defineTool({
  ...common,
  description: [
    ...DESCRIPTION,
    'logout: removes the stored login; changes nothing without confirm: true.',
  ].join('\n'),
  inputSchema: AccountInput,
  annotations: {
    readOnlyHint: false,
    destructiveHint: true,
    idempotentHint: false,
    openWorldHint: true,
  },
  handler,
  readOnlyVariant: readOnlyAccount,
});
