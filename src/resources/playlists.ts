/** The logged-in user's playlists for resources/list and for completing tidal://playlist/{id}. */
import type { Resource } from '@modelcontextprotocol/server';

import type { Playlist } from '../tidal/domain.js';
import { AuthError } from '../tidal/errors.js';
import type { ToolDeps } from '../tools/shared/define-tool.js';

/** Enough for any list a client shows; more are reachable with get_library. */
const MAX_PAGES = 3;

async function mine(deps: ToolDeps, signal?: AbortSignal): Promise<Playlist[]> {
  let access;
  try {
    access = await deps.user.access(signal);
  } catch (error) {
    // Logged out, another app's login, or no keychain to hold a login: no playlists to list,
    // which is not an error (the tools say how to log in when someone asks for the library).
    if (error instanceof AuthError) return [];
    throw error;
  }
  const user = { auth: access.tokens, country: access.country, ...(signal && { signal }) };
  const out: Playlist[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await deps.playlists.listMine(user, cursor);
    out.push(...result.items);
    cursor = result.nextCursor;
    if (cursor === undefined) break;
  }
  return out;
}

export async function yourPlaylists(deps: ToolDeps, signal: AbortSignal): Promise<Resource[]> {
  return (await mine(deps, signal)).map((p) => ({
    uri: `tidal://playlist/${p.id}`,
    name: p.name,
    title: p.name,
    mimeType: 'text/markdown',
    ...(p.description && { description: p.description }),
  }));
}

/** Ids of the user's playlists whose name (or id) starts with what was typed. */
export async function playlistIdsLike(deps: ToolDeps, typed: string): Promise<string[]> {
  const prefix = typed.trim().toLowerCase();
  return (await mine(deps))
    .filter((p) => p.name.toLowerCase().startsWith(prefix) || p.id.startsWith(prefix))
    .map((p) => p.id)
    .slice(0, 20);
}
