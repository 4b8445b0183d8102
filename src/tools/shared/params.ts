/**
 * Parameters shared by several tools. Descriptions are written for the model: they say what a
 * value looks like and which tool produces it. Error messages name the field and what it expects.
 */
import * as z from 'zod/v4';

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

export const ParamCountry = z
  .string()
  .regex(
    /^[A-Za-z]{2}$/,
    'expected a two-letter ISO 3166-1 alpha-2 country code such as US, GB, DE or NO',
  )
  .refine(isCountryCode, {
    message: 'expected an ISO 3166-1 alpha-2 country code such as US, GB, DE or NO',
  })
  .describe(
    'Two-letter country code (ISO 3166-1 alpha-2, any case) for catalog availability; defaults to the server setting.',
  );

export const ParamLimit = z
  .number()
  .int('expected a whole number')
  .min(1, 'expected at least 1')
  .max(50, 'expected at most 50')
  .describe('How many items to return, 1 to 50 (default 10).');

export const ParamCursor = z
  .string()
  .min(1, 'expected the nextCursor value from an earlier result')
  .max(2000, 'expected the nextCursor value from an earlier result')
  .describe(
    'The nextCursor value from an earlier result of this tool, to continue where it stopped.',
  );

/** TIDAL ids are opaque, but they never contain path characters; reject what could walk paths. */
export const ParamTidalId = z
  .string()
  .min(1, 'expected a TIDAL id such as 251380836')
  .max(64, 'expected a TIDAL id of at most 64 characters')
  .regex(
    /^[A-Za-z0-9_-]+$/,
    'expected a TIDAL id: letters, digits, "-" or "_" only (no slashes or dots)',
  );

export const ParamAlbumId = ParamTidalId.describe(
  'TIDAL album id, e.g. 251380836 (from search_catalog or tracks_by_isrc results).',
);

export const ParamArtistId = ParamTidalId.describe(
  'TIDAL artist id, e.g. 1566 (from search_catalog results or a track/album artist).',
);

/** The default list size when `limit` is omitted. */
export const DEFAULT_LIMIT = 10;
