/**
 * manage_favorites input: one flat object; which fields go with which action and kind is
 * checked in code, so each message names the field. Malformed ISRCs and barcodes are refused
 * before anything is read or written.
 */
import * as z from 'zod/v4';

import { barcodeProblem, normalizeBarcode } from '../../../tidal/barcode.js';
import { isIsrc, ISRC_EXPECTATION, normalizeIsrc } from '../../../tidal/isrc.js';
import { COLLECTION_KINDS } from '../../../tidal/library/index.js';
import { InputError } from '../../shared/errors.js';
import { looksLikeTidalUrl, parseTidalUrl } from '../../shared/links.js';
import { listParam, TIDAL_ID_PATTERN } from '../../shared/params.js';

/** Per call; batches of 50 keep this to 10 writes. */
export const MAX_FAVORITES_PER_CALL = 500;

/**
 * An id, a number, or a tidal.com link: which kind a link must point at depends on `kind`, so
 * links are resolved in checkArgs, where the message can name both.
 */
const IdOrLink = z.preprocess(
  (value) =>
    typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
      ? String(value)
      : typeof value === 'string'
        ? value.trim()
        : value,
  z
    .string()
    .refine(
      (v) => TIDAL_ID_PATTERN.test(v) || looksLikeTidalUrl(v),
      'expected a TIDAL id (letters, digits, "-" or "_", at most 64) or a tidal.com link',
    ),
);

export const ManageFavoritesInput = z.strictObject({
  action: z
    .enum(['add', 'remove'])
    .describe(
      'add: make them favorites · remove: take them out of your favorites (needs confirm).',
    ),
  kind: z
    .enum(COLLECTION_KINDS)
    .describe('Which favorites: tracks, albums, artists, playlists or videos.'),
  ids: listParam(IdOrLink, 1, MAX_FAVORITES_PER_CALL, 'id')
    .optional()
    .describe(
      'TIDAL ids of that kind, or their tidal.com links: from search_catalog, get_album, tracks_by_isrc, get_playlist or get_library.',
    ),
  isrcs: listParam(
    z.string().max(64, `expected ISRCs of ${ISRC_EXPECTATION}`),
    1,
    MAX_FAVORITES_PER_CALL,
    'ISRC',
  )
    .optional()
    .describe(
      'kind tracks: ISRCs to resolve to TIDAL tracks (one track each); unresolved ones are reported.',
    ),
  barcodes: listParam(
    z.string().max(32, 'expected a barcode of 8 to 14 digits'),
    1,
    MAX_FAVORITES_PER_CALL,
    'barcode',
  )
    .optional()
    .describe(
      'kind albums: barcodes (UPC-A, EAN-13, GTIN-14 or GTIN-8, check digit verified) to resolve to TIDAL albums.',
    ),
  confirm: z
    .boolean()
    .optional()
    .describe('remove changes nothing without confirm: true; it returns a preview instead.'),
});

export type ManageFavoritesArgs = z.infer<typeof ManageFavoritesInput>;

function checkCodes(args: ManageFavoritesArgs): void {
  const badIsrc = (args.isrcs ?? []).findIndex((raw) => !isIsrc(normalizeIsrc(raw)));
  if (badIsrc >= 0) {
    throw new InputError(
      `isrcs[${badIsrc}]`,
      `"${args.isrcs?.[badIsrc]}" is not an ISRC: expected ${ISRC_EXPECTATION}`,
    );
  }
  for (const [i, raw] of (args.barcodes ?? []).entries()) {
    const problem = barcodeProblem(normalizeBarcode(raw));
    if (problem !== undefined) throw new InputError(`barcodes[${i}]`, `"${raw}": ${problem}`);
  }
}

/** The ids as TIDAL ids: a link must point at the call's kind. */
function idsOf(args: ManageFavoritesArgs): string[] | undefined {
  const singular = args.kind.slice(0, -1);
  return args.ids?.map((value, i) => {
    if (!looksLikeTidalUrl(value)) return value;
    const link = parseTidalUrl(value);
    if (link?.kind === singular) return link.id;
    throw new InputError(
      `ids[${i}]`,
      link
        ? `is a link to a ${link.kind}, not to ${singular === 'album' || singular === 'artist' ? 'an' : 'a'} ${singular} (this call is for ${args.kind})`
        : `is not a TIDAL ${singular} link (expected e.g. https://tidal.com/browse/${singular}/123)`,
    );
  });
}

/**
 * Refuse what cannot be right before anything is read or written; returns the arguments with
 * links in `ids` replaced by the ids they point at.
 */
export function checkArgs(args: ManageFavoritesArgs): ManageFavoritesArgs {
  if (args.isrcs !== undefined && args.kind !== 'tracks') {
    throw new InputError('isrcs', `only go with kind tracks (this call is for ${args.kind})`);
  }
  if (args.barcodes !== undefined && args.kind !== 'albums') {
    throw new InputError('barcodes', `only go with kind albums (this call is for ${args.kind})`);
  }
  if (args.confirm !== undefined && args.action !== 'remove') {
    throw new InputError('confirm', 'is only used by action remove');
  }
  const total = (args.ids?.length ?? 0) + (args.isrcs?.length ?? 0) + (args.barcodes?.length ?? 0);
  if (total === 0) {
    throw new InputError(
      'ids',
      `${args.action} needs ids${args.kind === 'tracks' ? ' and/or isrcs' : args.kind === 'albums' ? ' and/or barcodes' : ''}`,
    );
  }
  if (total > MAX_FAVORITES_PER_CALL) {
    throw new InputError(
      'ids',
      `ids, isrcs and barcodes together may hold at most ${MAX_FAVORITES_PER_CALL} items per call`,
    );
  }
  checkCodes(args);
  const ids = idsOf(args);
  return { ...args, ...(ids && { ids }) };
}
