import { describe, expect, it } from 'vitest';

import {
  barcodeForms,
  barcodeProblem,
  gtinCheckDigit,
  normalizeBarcode,
  sameGtin,
} from '../../src/tidal/barcode.js';

describe('barcodes (GTIN)', () => {
  it('computes the GS1 check digit for every length', () => {
    expect(gtinCheckDigit('60254785274')).toBe(8); // UPC-A 602547852748
    expect(gtinCheckDigit('0060254785274')).toBe(8); // the same as GTIN-14
    expect(gtinCheckDigit('400638133393')).toBe(1); // EAN-13 4006381333931
    expect(gtinCheckDigit('9638507')).toBe(4); // GTIN-8 96385074
  });

  it('accepts 8, 12, 13 and 14 digits with a correct check digit', () => {
    for (const code of [
      '96385074',
      '602547852748',
      '0602547852748',
      '00602547852748',
      '4006381333931',
    ])
      expect(barcodeProblem(code), code).toBeUndefined();
  });

  it('names the expected check digit when it is wrong', () => {
    expect(barcodeProblem('00602547852749')).toBe(
      '00602547852749 has a wrong check digit: the last digit should be 8, not 9; re-check the barcode',
    );
  });

  it('refuses other lengths and non-digits', () => {
    for (const code of ['1234567', '12345678901', '123456789012345', '60254785274X'])
      expect(barcodeProblem(code), code).toBe(
        'expected a barcode of 8, 12, 13 or 14 digits (GTIN-8, UPC-A, EAN-13 or GTIN-14)',
      );
  });

  it('lists every form TIDAL may hold, the given one first', () => {
    expect(barcodeForms('602547852748')).toEqual([
      '602547852748',
      '00602547852748',
      '0602547852748',
    ]);
    expect(barcodeForms('00602547852748')).toEqual([
      '00602547852748',
      '0602547852748',
      '602547852748',
    ]);
    expect(barcodeForms('4006381333931')).toEqual(['4006381333931', '04006381333931']);
    expect(barcodeForms('96385074')).toEqual([
      '96385074',
      '00000096385074',
      '0000096385074',
      '000096385074',
    ]);
    expect(normalizeBarcode(' 0 602547-852748 ')).toBe('0602547852748');
    expect(sameGtin('00602547852748', '602547852748')).toBe(true);
    expect(sameGtin('4006381333931', '602547852748')).toBe(false);
  });
});
