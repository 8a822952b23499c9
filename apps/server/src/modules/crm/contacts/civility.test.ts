import { describe, expect, it } from 'vitest';
import { parseCivility } from './civility.js';

describe('parseCivility', () => {
  it('reads the usual abbreviations and words', () => {
    for (const input of ['M.', 'M', 'Mr', 'monsieur']) expect(parseCivility(input)).toEqual({ ok: true, value: 'M' });
    for (const input of ['Mme', 'MME', 'Madame', 'Mlle']) expect(parseCivility(input)).toEqual({ ok: true, value: 'MME' });
  });

  it('refuses anything else', () => {
    expect(parseCivility('Dr')).toMatchObject({ ok: false, error: { code: 'civility_invalid' } });
  });
});
