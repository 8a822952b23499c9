import { describe, expect, it } from 'vitest';
import { formatSiret, parseSiret, sirenOfSiret, type Siret } from './siret.js';

describe('parseSiret', () => {
  it('accepts a Luhn-valid SIRET with separators', () => {
    expect(parseSiret('732 829 320 00074')).toEqual({ ok: true, value: '73282932000074' });
    expect(parseSiret('732.829.320.00074')).toEqual({ ok: true, value: '73282932000074' });
  });

  it('rejects a wrong key and a wrong length', () => {
    expect(parseSiret('73282932000075')).toMatchObject({ ok: false, error: { code: 'siret_checksum' } });
    expect(parseSiret('7328293200007')).toMatchObject({ ok: false, error: { code: 'siret_length', message: expect.stringContaining('13 chiffres') } });
    expect(parseSiret('')).toMatchObject({ ok: false, error: { code: 'siret_required' } });
    expect(parseSiret('73282932O00074')).toMatchObject({ ok: false, error: { code: 'siret_format' } });
  });

  it('applies the La Poste exception: digit sum multiple of 5', () => {
    // 3+5+6 + 0+0+1+2+3 = 20: a multiple of 5, although not Luhn-valid.
    expect(parseSiret('356 000 000 00123')).toEqual({ ok: true, value: '35600000000123' });
    // Sum 21: neither rule holds.
    expect(parseSiret('356 000 000 00124')).toMatchObject({ ok: false, error: { code: 'siret_checksum' } });
    // The head office is only Luhn-valid (sum 26).
    expect(parseSiret('356 000 000 00048')).toEqual({ ok: true, value: '35600000000048' });
  });

  it('does not extend the exception to other companies', () => {
    // Digit sum 35 (multiple of 5) but not Luhn-valid and not La Poste.
    expect(parseSiret('73282932000005')).toMatchObject({ ok: false, error: { code: 'siret_checksum' } });
  });
});

describe('sirenOfSiret / formatSiret', () => {
  it('extracts the SIREN and formats for display', () => {
    expect(sirenOfSiret('73282932000074' as Siret)).toBe('732829320');
    expect(formatSiret('73282932000074' as Siret)).toBe('732 829 320 00074');
  });
});
