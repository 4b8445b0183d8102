/**
 * Identifier formats real clients validate: ISRC (`^[A-Z]{2}[A-Z0-9]{3}[0-9]{7}$`), EAN-13 and
 * UPC-A barcodes with correct check digits (a client may checksum them), ISO 8601 durations.
 */
import type { Prng } from './prng.js';

export const ISRC_PATTERN = /^[A-Z]{2}[A-Z0-9]{3}[0-9]{7}$/;

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export function registrantCode(rng: Prng): string {
  // First char a letter so registrants never look numeric.
  return (
    rng.pick(ALNUM.slice(0, 26).split('')) + rng.pick(ALNUM.split('')) + rng.pick(ALNUM.split(''))
  );
}

/** CC-XXX-YY-NNNNN; `seq` keeps every generated ISRC unique. */
export function makeIsrc(country: string, registrant: string, year: number, seq: number): string {
  const isrc = `${country}${registrant}${String(year % 100).padStart(2, '0')}${String(seq).padStart(5, '0')}`;
  if (!ISRC_PATTERN.test(isrc)) throw new Error(`generated invalid ISRC ${isrc}`);
  return isrc;
}

function digits(rng: Prng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(rng.int(0, 9));
  return s;
}

/** GS1 check digit: weights alternate 3,1 from the right-most data digit. */
function gs1CheckDigit(data: string): string {
  let sum = 0;
  for (let i = 0; i < data.length; i++) {
    const fromRight = data.length - 1 - i;
    sum += Number(data[i]) * (fromRight % 2 === 0 ? 3 : 1);
  }
  return String((10 - (sum % 10)) % 10);
}

/** GTIN-8, UPC-A (12), EAN-13 or GTIN-14 with a correct check digit. */
export function isValidGs1(code: string): boolean {
  return /^(\d{8}|\d{12,14})$/.test(code) && gs1CheckDigit(code.slice(0, -1)) === code.slice(-1);
}

export function makeEan13(rng: Prng): string {
  // 1-9 first digit: an EAN-13 starting with 0 is just a padded UPC-A, keep the two kinds distinct.
  const data = String(rng.int(1, 9)) + digits(rng, 11);
  return data + gs1CheckDigit(data);
}

export function makeUpcA(rng: Prng, leadingZero: boolean): string {
  const data = (leadingZero ? '0' : String(rng.int(1, 9))) + digits(rng, 10);
  return data + gs1CheckDigit(data);
}

/** Seconds -> ISO 8601 the way java.time.Duration prints it (PT3M25S, PT1H2M, PT45S). */
export function isoDuration(totalSeconds: number): string {
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  if (totalSeconds === 0) return 'PT0S';
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s ? `${s}S` : ''}`;
}
