import { describe, expect, it } from 'vitest';
import { formatSiren, generateSiren, parseSiren, type Siren } from './siren.js';

describe('parseSiren', () => {
  it('accepts a valid SIREN written with spaces, dots or no-break spaces and normalises it', () => {
    for (const input of ['732829320', ' 732 829 320 ', '732.829.320', '732\u00a0829\u00a0320', '732\u202f829\u202f320']) {
      expect(parseSiren(input)).toEqual({ ok: true, value: '732829320' });
    }
  });

  it('rejects a wrong check digit with an explanation', () => {
    const result = parseSiren('732 829 321');
    expect(result).toMatchObject({ ok: false, error: { code: 'siren_checksum' } });
    if (!result.ok) expect(result.error.message).toContain('clé de contrôle');
  });

  it('tells how many digits were given', () => {
    expect(parseSiren('73282932')).toMatchObject({ ok: false, error: { code: 'siren_length', message: expect.stringContaining('8 chiffres au lieu de 9') } });
  });

  it('recognises a SIRET typed where a SIREN is expected', () => {
    expect(parseSiren('732 829 320 00074')).toMatchObject({ ok: false, error: { code: 'siren_is_siret' } });
  });

  it('rejects letters, dashes, blanks and the all-zero number', () => {
    expect(parseSiren('73282932A')).toMatchObject({ ok: false, error: { code: 'siren_format' } });
    expect(parseSiren('732-829-320')).toMatchObject({ ok: false, error: { code: 'siren_format' } });
    expect(parseSiren('000000000')).toMatchObject({ ok: false, error: { code: 'siren_format' } });
    expect(parseSiren('  ')).toMatchObject({ ok: false, error: { code: 'siren_required' } });
  });
});

describe('formatSiren', () => {
  it('groups digits by three', () => {
    expect(formatSiren('732829320' as Siren)).toBe('732 829 320');
  });
});

describe('generateSiren', () => {
  it('is deterministic and always valid', () => {
    expect(generateSiren(42)).toBe(generateSiren(42));
    for (let seed = 0; seed < 2_000; seed += 1) {
      const siren = generateSiren(seed);
      expect(parseSiren(siren)).toEqual({ ok: true, value: siren });
      expect(siren[0]).not.toBe('0');
    }
  });

  it('never gives the same SIREN for two seeds', () => {
    const seen = new Set(Array.from({ length: 50_000 }, (_, seed) => generateSiren(seed)));
    expect(seen.size).toBe(50_000);
    expect(generateSiren(89_999_999)).toHaveLength(9);
  });

  it('refuses seeds that are not non-negative integers', () => {
    expect(() => generateSiren(-1)).toThrow(RangeError);
    expect(() => generateSiren(1.5)).toThrow(RangeError);
  });
});
