/** The logged-in user as the library tools need them: required (with a scope) or optional. */
import { LoginRequiredError, requireScope, type UserAccess } from '../../auth/user-session.js';
import type { UserContext } from '../../tidal/playlists/index.js';
import type { ToolContext } from '../shared/define-tool.js';

export interface UserCall {
  access: UserAccess;
  user: UserContext;
}

/** The user, or LoginRequiredError / MissingScopeError before anything is sent to TIDAL. */
export async function userCall(ctx: ToolContext, scope: string): Promise<UserCall> {
  const access = await ctx.deps.user.access(ctx.signal);
  requireScope(access, scope);
  return { access, user: { auth: access.tokens, country: access.country, signal: ctx.signal } };
}

/** The user when logged in; undefined (not an error) otherwise, for tools that work either way. */
export async function optionalUser(ctx: ToolContext): Promise<UserAccess | undefined> {
  try {
    return await ctx.deps.user.access(ctx.signal);
  } catch (error) {
    if (error instanceof LoginRequiredError) return undefined;
    throw error;
  }
}
