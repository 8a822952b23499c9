import { describe, expect, it } from 'vitest';
import { parseFrenchAmount } from './french-amount.js';

describe('parseFrenchAmount', () => {
  it('reads French amounts into integer cents, whatever the thousands space', () => {
    for (const input of ['1 250,00', '1\u00a0250,00', '1\u202f250,00', '1250,00', '1250', '1.250,00', '1 250,00 €', '1250 EUR', '1250.00']) {
      expect(parseFrenchAmount(input)).toEqual({ ok: true, value: 125_000 });
    }
    expect(parseFrenchAmount('375,0')).toEqual({ ok: true, value: 37_500 });
    expect(parseFrenchAmount('0,5')).toEqual({ ok: true, value: 50 });
    expect(parseFrenchAmount('1 000 000,01')).toEqual({ ok: true, value: 100_000_001 });
    expect(parseFrenchAmount('0')).toEqual({ ok: true, value: 0 });
  });

  it('refuses words, with a hint', () => {
    expect(parseFrenchAmount('gratuit')).toMatchObject({ ok: false, error: { code: 'amount_format', message: expect.stringContaining("un mot n'est pas accepté") } });
    expect(parseFrenchAmount('cent euros')).toMatchObject({ ok: false, error: { code: 'amount_format' } });
  });

  it('reads a dot before three digits as a thousands separator', () => {
    expect(parseFrenchAmount('1.250')).toEqual({ ok: true, value: 125_000 });
  });

  it('refuses malformed numbers and negative amounts', () => {
    expect(parseFrenchAmount('12,345')).toMatchObject({ ok: false, error: { code: 'amount_format' } });
    expect(parseFrenchAmount('1 25,00')).toMatchObject({ ok: false, error: { code: 'amount_format' } });
    expect(parseFrenchAmount('-10,00')).toMatchObject({ ok: false, error: { code: 'amount_negative' } });
    expect(parseFrenchAmount('')).toMatchObject({ ok: false, error: { code: 'amount_required' } });
  });
});
