/**
 * ISRC rules, in one place. TIDAL accepts only the bare upper-case 12-character form and answers a
 * malformed one with 400 for the whole request, so every ISRC is normalised and checked before it
 * is sent.
 */
export const ISRC_PATTERN = /^[A-Z]{2}[A-Z0-9]{3}\d{7}$/;

/** The batch size clients observe to work for filter[isrc]; TIDAL documents no limit. */
export const ISRC_BATCH_SIZE = 20;

/** ISRCs are printed with hyphens and spaces and in any case. */
export function normalizeIsrc(value: string): string {
  return value.replace(/[\s-]/g, '').toUpperCase();
}

export function isIsrc(value: string): boolean {
  return ISRC_PATTERN.test(value);
}

export const ISRC_EXPECTATION =
  '12 characters: country code, 3-character registrant, 7 digits, e.g. USRC17607839';
