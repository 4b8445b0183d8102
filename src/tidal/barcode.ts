/**
 * Album barcodes (GTINs). TIDAL stores most as GTIN-14 (a UPC-A or EAN-13 zero-padded to 14
 * digits), others as EAN-13 or UPC-A, and matches `filter[barcodeId]` on the stored string; people
 * have the 12- or 13-digit code printed on the sleeve. Leading zeros change neither the number nor
 * its check digit, so one lookup asks for every length the same GTIN can be stored in.
 */

export const BARCODE_EXPECTATION =
  'expected a barcode of 8, 12, 13 or 14 digits (GTIN-8, UPC-A, EAN-13 or GTIN-14)';

/** Spaces and hyphens are how barcodes are printed. */
export function normalizeBarcode(value: string): string {
  return value.replace(/[\s-]/g, '');
}

/** GS1 check digit of the data digits (all but the last): weights 3,1,3,... from the right. */
export function gtinCheckDigit(data: string): number {
  let sum = 0;
  for (let i = 0; i < data.length; i++) {
    const fromRight = data.length - 1 - i;
    sum += Number(data[i]) * (fromRight % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/** What is wrong with a normalised barcode, or undefined when it is a valid GTIN. */
export function barcodeProblem(digits: string): string | undefined {
  if (!/^(\d{8}|\d{12,14})$/.test(digits)) return BARCODE_EXPECTATION;
  const expected = gtinCheckDigit(digits.slice(0, -1));
  if (String(expected) === digits.slice(-1)) return undefined;
  return `${digits} has a wrong check digit: the last digit should be ${expected}, not ${digits.slice(-1)}; re-check the barcode`;
}

/**
 * The forms TIDAL may hold a valid barcode in: as given first, then the same GTIN as GTIN-14,
 * EAN-13 and UPC-A (zero-padded or with leading zeros dropped), without repeats.
 */
export function barcodeForms(digits: string): string[] {
  const core = digits.replace(/^0+/, '');
  const forms = [digits];
  for (const length of [14, 13, 12]) {
    if (core.length <= length) forms.push(core.padStart(length, '0'));
  }
  return [...new Set(forms)];
}

/** True when two barcodes are the same GTIN (they differ at most in leading zeros). */
export function sameGtin(a: string, b: string): boolean {
  return a.replace(/^0+/, '') === b.replace(/^0+/, '');
}
