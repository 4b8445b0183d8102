/**
 * Parameters shared by several tools. Descriptions are written for the model: they say what a
 * value looks like and which tool produces it. Error messages name the field and what it expects.
 */
import * as z from 'zod/v4';

import { type LinkKind, looksLikeTidalUrl, parseTidalUrl } from './links.js';

// ISO 3166-1 alpha-2, officially assigned codes.
const ISO_COUNTRIES = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS ' +
    'BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE ' +
    'EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM ' +
    'HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC ' +
    'LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA ' +
    'NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
    'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO ' +
    'TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
  ).split(' '),
);

export function isCountryCode(value: string): boolean {
  return ISO_COUNTRIES.has(value.toUpperCase());
}

/** Country codes starting with what was typed, for completions. */
export function countryCodesLike(typed: string): string[] {
  const prefix = typed.trim().toUpperCase();
  return [...ISO_COUNTRIES].filter((code) => code.startsWith(prefix)).slice(0, 20);
}

/** Checked in code, not in the published schema: every byte of tools/list is read each turn. */
export const ParamCountry = z
  .string()
  .refine((v) => /^[A-Za-z]{2}$/.test(v), {
    message: 'expected a two-letter ISO 3166-1 alpha-2 country code such as US, GB, DE or NO',
  })
  .refine(isCountryCode, {
    message: 'expected an ISO 3166-1 alpha-2 country code such as US, GB, DE or NO',
  })
  .describe("Country code, e.g. US (default: the user's, else the server's).");

/** "10" means 10: models sometimes quote numbers. Anything else is left for the schema to refuse. */
function numberFromText(value: unknown): unknown {
  return typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
}

/** A whole number in [min, max] that also accepts its digits as a string. */
export function countParam(min: number, max: number, description: string) {
  return z
    .preprocess(
      numberFromText,
      z
        .number()
        .int('expected a whole number')
        .min(min, `expected at least ${min}`)
        .max(max, `expected at most ${max}`),
    )
    .describe(description);
}

export const ParamLimit = countParam(1, 50, 'How many items to return, 1 to 50 (default 10).');

/**
 * Free text from the model: well-formed Unicode only (a lone surrogate cannot be URL-encoded and
 * would fail deep inside a request), trimmed, within bounds.
 */
export function freeText(min: number, max: number, what: string) {
  return z
    .string()
    .trim()
    .min(min, `expected ${what}`)
    .max(max, `expected at most ${max} characters`)
    .refine(
      (v) => !LONE_SURROGATE.test(v),
      'contains invalid Unicode (a lone surrogate); send plain text',
    );
}

/** String.prototype.isWellFormed, which Node 20's TypeScript lib does not declare. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const ParamCursor = z
  .string()
  .refine((v) => v.length >= 1 && v.length <= 2000, {
    message: 'expected the nextCursor value from an earlier result',
  })
  .describe('nextCursor of an earlier result of this tool, to continue.');

/** TIDAL ids are opaque, but they never contain path characters; reject what could walk paths. */
export const TIDAL_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const ID_RULE = 'expected a TIDAL id (letters, digits, "-" or "_", at most 64) or a tidal.com link';

/** A bare id as given, a number as its digits, a tidal.com link as the id it points at. */
function idFrom(kind: LinkKind) {
  return (value: unknown, ctx: z.core.$RefinementCtx): unknown => {
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0)
      return String(value);
    if (typeof value !== 'string') return value;
    const trimmed = value.trim();
    if (!looksLikeTidalUrl(trimmed)) return trimmed;
    const link = parseTidalUrl(trimmed);
    if (link?.kind === kind) return link.id;
    ctx.addIssue({
      code: 'custom',
      input: value,
      message: link
        ? `is a link to a ${link.kind}, not to ${kind === 'album' || kind === 'artist' ? 'an' : 'a'} ${kind}`
        : `is not a TIDAL ${kind} link (expected e.g. https://tidal.com/browse/${kind}/123)`,
    });
    return z.NEVER;
  };
}

/**
 * An id of one kind of TIDAL object. The published schema is a plain string (the pattern is
 * checked in code) so clients that validate before sending do not refuse a pasted link.
 */
export function idParam(kind: LinkKind, description: string) {
  return idSchema(kind).describe(description);
}

/** The same without a description, for the items of a list (the list describes them once). */
export function idSchema(kind: LinkKind) {
  return z.preprocess(
    idFrom(kind),
    z.string().refine((v) => TIDAL_ID_PATTERN.test(v), ID_RULE),
  );
}

/** A list that also accepts a single value for a one-element list; `noun` is singular. */
export function listParam<T extends z.ZodType>(item: T, min: number, max: number, noun: string) {
  return z.preprocess(
    (value) => (typeof value === 'string' || typeof value === 'number' ? [value] : value),
    z
      .array(item)
      .min(min, min === 1 ? `expected at least one ${noun}` : `expected at least ${min} ${noun}s`)
      .max(max, `expected at most ${max} ${noun}s per call`),
  );
}

export const ParamAlbumId = idParam(
  'album',
  'Album id or tidal.com link (from search_catalog, get_artist or tracks_by_isrc).',
);

export const ParamArtistId = idParam(
  'artist',
  'Artist id or tidal.com link (from search_catalog or any track or album artist).',
);

export const ParamTrackId = idParam(
  'track',
  'Track id or tidal.com link (from search_catalog, get_album or tracks_by_isrc).',
);

export const ParamPlaylistId = idParam(
  'playlist',
  'Playlist id (a UUID) or tidal.com link (from get_library or search_catalog).',
);

/** The default list size when `limit` is omitted. */
export const DEFAULT_LIMIT = 10;
