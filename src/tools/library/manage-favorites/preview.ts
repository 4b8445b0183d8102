/**
 * What remove would do, without doing it: each item named from the catalog where TIDAL knows it
 * (20 per request, with the app's token: catalog reads need no user scope), so the user can check
 * before confirming. Whether each one is a favorite now
 * is not read (that would mean reading the whole collection); removing one that is not is harmless.
 */
import type { FavoriteItem } from '../../../tidal/library/index.js';
import { names } from '../../shared/format.js';
import {
  countBy,
  type FavoriteResult,
  type FavoritesCall,
  listedResults,
  mark,
} from './results.js';

function title(item: FavoriteItem): string {
  return 'title' in item ? `${item.title} — ${names(item.artists)}` : item.name;
}

export async function preview(
  call: FavoritesCall,
  results: FavoriteResult[],
  ids: readonly string[],
) {
  const known = await call.ctx.deps.library.lookups.byIds(call.kind, ids, {
    country: call.user.country,
    signal: call.ctx.signal,
  });
  for (const result of results) {
    if (result.id === undefined || result.status === 'duplicate' || result.status === 'not_found')
      continue;
    const item = known.get(result.id);
    if (item) result.title = title(item);
    mark(
      result,
      'would_remove',
      item
        ? undefined
        : `TIDAL shows no such ${call.kind.slice(0, -1)} in ${call.user.country} (gone, private or a wrong id); removed from your favorites if it is there`,
    );
  }
  const count = ids.length;
  return {
    changed: false,
    preview: true,
    message:
      count === 0
        ? 'Nothing to remove: none of these was found on TIDAL.'
        : `Nothing removed yet: this would remove ${count} ${call.kind} from your favorites. Confirm with the user, then call again with confirm: true.`,
    counts: countBy(results),
    ...listedResults(results),
  };
}
