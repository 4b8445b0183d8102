/**
 * Finding an artist by name, the way a person would check it: search, prefer an exact
 * (case- and accent-insensitive) name match, else take TIDAL's top result, and always report which
 * artist was picked and the other close matches, so the model can correct a wrong pick.
 */
import * as z from 'zod/v4';

import type { TidalCatalog } from '../../tidal/catalog/index.js';
import { NotFoundError } from '../../tidal/errors.js';
import type { CallContext } from '../../tidal/reader.js';

export const ResolvedFromOutput = z
  .object({
    artistName: z.string(),
    exactMatch: z.boolean(),
    otherCandidates: z.array(z.object({ id: z.string(), name: z.string() })),
  })
  .describe('Present when the artist was found by name: which search match was used.');
export type ResolvedFrom = z.infer<typeof ResolvedFromOutput>;

/** One search request; at most 3 other candidates are listed. */
export async function artistByName(
  catalog: TidalCatalog,
  name: string,
  call: CallContext,
): Promise<{ artistId: string; resolvedFrom: ResolvedFrom }> {
  const found = (await catalog.search.first(name, ['artists'], call)).sections.artists?.items ?? [];
  const exact = found.find(
    (a) => a.name.localeCompare(name, undefined, { sensitivity: 'base' }) === 0,
  );
  const picked = exact ?? found[0];
  if (!picked) {
    throw new NotFoundError(
      `no TIDAL artist matches "${name}" in ${call.country}; check the spelling or search_catalog for it`,
    );
  }
  return {
    artistId: picked.id,
    resolvedFrom: {
      artistName: name,
      exactMatch: exact !== undefined,
      otherCandidates: found
        .filter((a) => a.id !== picked.id)
        .slice(0, 3)
        .map((a) => ({ id: a.id, name: a.name })),
    },
  };
}

/** The line that tells the model which artist a name resolved to. */
export function resolvedLine(resolved: ResolvedFrom, who: string): string {
  const others = resolved.otherCandidates.map((c) => `${c.name} (id ${c.id})`).join(', ');
  return (
    `"${resolved.artistName}" ${resolved.exactMatch ? 'matched' : 'had no exact match; using the top search result'} ${who}` +
    (others ? `. Other candidates: ${others}` : '')
  );
}
