import { describe, expect, it } from 'vitest';
import { parseHeadcountBand } from './headcount-band.js';

describe('parseHeadcountBand', () => {
  it('maps the wording of exports to INSEE band codes', () => {
    const cases: Array<[string, string]> = [
      ['0 salarié', '00'],
      ['1 ou 2 salariés', '01'],
      ['3 à 5 salariés', '02'],
      ['6 à 9 salariés', '03'],
      ['10 à 19 salariés', '11'],
      ['20 à 49 salariés', '12'],
      ['50 à 99 salariés', '21'],
      ['1 000 à 1 999 salariés', '42'],
      ['10 000 salariés et plus', '53'],
      ['12', '11'],
      ['0', '00'],
    ];
    for (const [input, code] of cases) expect(parseHeadcountBand(input)).toEqual({ ok: true, value: code });
  });

  it('refuses bands that are not INSEE bands', () => {
    expect(parseHeadcountBand('5 à 12 salariés')).toMatchObject({ ok: false, error: { code: 'headcount_invalid' } });
    expect(parseHeadcountBand('beaucoup')).toMatchObject({ ok: false, error: { code: 'headcount_invalid' } });
    expect(parseHeadcountBand('')).toMatchObject({ ok: false, error: { code: 'headcount_required' } });
  });
});
