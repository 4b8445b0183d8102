/** Suggestions for prompt arguments; any failure (offline, logged out) suggests nothing. */
import type { ToolDeps } from '../tools/shared/define-tool.js';

const MAX = 10;

/** Artist names TIDAL finds for what was typed (from two characters on): one cached search. */
export async function artistNamesLike(deps: ToolDeps, typed: string): Promise<string[]> {
  const query = typed.trim();
  if (query.length < 2) return [];
  try {
    const found = await deps.catalog.search.first(query, ['artists'], {
      country: deps.defaultCountry,
    });
    return [...new Set((found.sections.artists?.items ?? []).map((a) => a.name))].slice(0, MAX);
  } catch {
    return [];
  }
}

/** The user's playlist names starting with what was typed; nothing when logged out. */
export async function playlistNamesLike(deps: ToolDeps, typed: string): Promise<string[]> {
  try {
    const access = await deps.user.access();
    const page = await deps.playlists.listMine({ auth: access.tokens, country: access.country });
    const prefix = typed.trim().toLowerCase();
    return page.items
      .map((p) => p.name)
      .filter((name) => name.toLowerCase().startsWith(prefix))
      .slice(0, MAX);
  } catch {
    // Logged out (LoginRequiredError) or TIDAL unreachable: a completion is only a suggestion.
    return [];
  }
}
