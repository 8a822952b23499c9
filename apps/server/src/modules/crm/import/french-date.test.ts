import { describe, expect, it } from 'vitest';
import { parseFrenchDate } from './french-date.js';

describe('parseFrenchDate', () => {
  it('reads dd/mm/yyyy into an ISO date', () => {
    expect(parseFrenchDate('09/08/2019')).toEqual({ ok: true, value: '2019-08-09' });
    expect(parseFrenchDate(' 1/2/2024 ')).toEqual({ ok: true, value: '2024-02-01' });
    expect(parseFrenchDate('29.02.2024')).toEqual({ ok: true, value: '2024-02-29' });
  });

  it('refuses dates that do not exist, saying why', () => {
    expect(parseFrenchDate('31/02/2024')).toEqual({
      ok: false,
      error: { code: 'date_invalid', message: 'La date « 31/02/2024 » n\'existe pas : février 2024 compte 29 jours.' },
    });
    expect(parseFrenchDate('29/02/2023')).toMatchObject({ ok: false, error: { message: expect.stringContaining('28 jours') } });
    expect(parseFrenchDate('31/04/2024')).toMatchObject({ ok: false, error: { code: 'date_invalid' } });
    expect(parseFrenchDate('12/13/2024')).toMatchObject({ ok: false, error: { code: 'date_invalid' } });
    expect(parseFrenchDate('00/01/2024')).toMatchObject({ ok: false, error: { code: 'date_invalid' } });
  });

  it('refuses other formats and two-digit years', () => {
    expect(parseFrenchDate('2024-02-01')).toMatchObject({ ok: false, error: { code: 'date_format' } });
    expect(parseFrenchDate('01/02/24')).toMatchObject({ ok: false, error: { code: 'date_format' } });
    expect(parseFrenchDate('hier')).toMatchObject({ ok: false, error: { code: 'date_format' } });
    expect(parseFrenchDate('')).toMatchObject({ ok: false, error: { code: 'date_required' } });
  });
});
