import { defineTool } from '../../shared/define-tool.js';
import { lines } from '../../shared/format.js';
import { userCall } from '../user.js';
import { checkArgs, type ManageFavoritesArgs, ManageFavoritesInput } from './input.js';
import { preview } from './preview.js';
import { resolve } from './resolve.js';
import {
  countBy,
  type FavoriteResult,
  type FavoritesCall,
  listedResults,
  ManageFavoritesOutput,
  type ManageFavoritesResult,
} from './results.js';
import { resultsById, writeFavorites } from './write.js';

function itemLine(r: FavoriteResult): string {
  const what =
    r.via === 'id'
      ? r.ref
      : `${r.via === 'isrc' ? 'ISRC' : 'barcode'} ${r.ref}${r.id ? ` → id ${r.id}` : ''}`;
  return `- ${what}${r.title ? ` (${r.title})` : ''}: ${r.status.replace(/_/g, ' ')}${r.reason ? ` — ${r.reason}` : ''}`;
}

const DONE = new Set(['added', 'removed']);

/** Previews list what would change; results list what did not simply succeed. */
function render(r: ManageFavoritesResult): string {
  const shown = r.preview ? r.results : r.results.filter((x) => !DONE.has(x.status));
  const unlisted = Object.entries(r.moreResults ?? {});
  const attention = unlisted.filter(([status]) => !DONE.has(status) && status !== 'would_remove');
  return lines(
    r.message,
    shown.map(itemLine),
    unlisted.length > 0 &&
      `The first ${r.results.length} results are listed; the other ${unlisted.reduce((n, [, refs]) => n + refs.length, 0)} are in moreResults by status.`,
    attention.map(([status, refs]) => `${status.replace(/_/g, ' ')}: ${refs.join(', ')}`),
  );
}

function summary(
  args: ManageFavoritesArgs,
  results: FavoriteResult[],
  failure: unknown,
  call: FavoritesCall,
) {
  const counts = countBy(results);
  const done = args.action === 'add' ? (counts.added ?? 0) : (counts.removed ?? 0);
  const verb = args.action === 'add' ? 'Added' : 'Removed';
  const parts = [
    `${verb} ${done} of ${results.length} ${args.kind} ${args.action === 'add' ? 'to' : 'from'} your favorites`,
    counts.already_favorite && `${counts.already_favorite} already favorites`,
    counts.not_found && `${counts.not_found} not found`,
    counts.duplicate && `${counts.duplicate} listed twice`,
    counts.failed && `${counts.failed} failed`,
    counts.unknown && `${counts.unknown} unknown (check with get_library before retrying them)`,
    failure !== undefined &&
      `a write failed (${call.ctx.userMessage(failure)}); the results say which items went through — retry only the failed ones`,
  ].filter(Boolean);
  return { counts, changed: done > 0, message: `${parts.join('; ')}.` };
}

export default defineTool({
  name: 'manage_favorites',
  title: 'Add or remove TIDAL favorites',
  description: [
    "Add or remove the logged-in user's TIDAL favorites (tracks, albums, artists, playlists, videos) by ids, ISRCs (tracks) or barcodes (albums); up to 500 per call.",
    'Items already favorites are reported, not added twice. remove only previews unless confirm is true: show the preview to the user, then repeat with confirm: true.',
    'Each item gets a status (added, already_favorite, removed, not_found, failed with the reason, unknown). Needs a TIDAL login (account tool).',
  ].join('\n'),
  inputSchema: ManageFavoritesInput,
  outputSchema: ManageFavoritesOutput,
  annotations: {
    readOnlyHint: false,
    destructiveHint: true,
    idempotentHint: false,
    openWorldHint: true,
  },
  async handler(input, ctx) {
    const args = checkArgs(input);
    const user = await userCall(ctx, 'collection.write');
    const call: FavoritesCall = { ...user, ctx, kind: args.kind, startedAt: Date.now() };
    const { results, ids } = await resolve(call, args);
    const base = { action: args.action, kind: args.kind };
    if (args.action === 'remove' && args.confirm !== true) {
      const structured = { ...base, ...(await preview(call, results, ids)) };
      const question = `Remove ${ids.length} ${args.kind} from your TIDAL favorites?`;
      const decision = ctx.confirm(question);
      if (decision !== 'proceed') {
        if (decision === 'declined')
          structured.message = `The user declined. ${structured.message}`;
        return { structured, text: render(structured) };
      }
    }
    const { failure } = await writeFavorites(call, args.action, ids, resultsById(results));
    const structured: ManageFavoritesResult = {
      ...base,
      ...summary(args, results, failure, call),
      ...listedResults(results),
    };
    return { structured, text: render(structured) };
  },
});
