import { describe, expect, it } from 'vitest';
import { parseNafCode } from './naf.js';

describe('parseNafCode', () => {
  it('accepts the code with or without the dot and normalises it, with its label and version', () => {
    const expected = { ok: true, value: { code: '62.01Z', version: 'NAF_REV2', label: 'Programmation informatique' } };
    expect(parseNafCode('6201Z')).toEqual(expected);
    expect(parseNafCode(' 62.01Z ')).toEqual(expected);
    expect(parseNafCode('62.01z')).toEqual(expected);
    expect(parseNafCode('62 01Z')).toEqual(expected);
  });

  it('knows the 732 sous-classes, not the upper levels', () => {
    expect(parseNafCode('10.71C')).toMatchObject({ ok: true, value: { label: expect.stringContaining('Boulangerie') } });
    expect(parseNafCode('62.01')).toMatchObject({ ok: false, error: { code: 'naf_format' } });
  });

  it('rejects a well-formed code that does not exist', () => {
    expect(parseNafCode('99.99Z')).toMatchObject({
      ok: false,
      error: { code: 'naf_unknown', message: expect.stringContaining('NAF rév. 2') },
    });
  });

  it('rejects blanks and free text', () => {
    expect(parseNafCode('')).toMatchObject({ ok: false, error: { code: 'naf_required' } });
    expect(parseNafCode('boulangerie')).toMatchObject({ ok: false, error: { code: 'naf_format' } });
  });
});
