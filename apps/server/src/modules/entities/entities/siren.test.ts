import { describe, expect, it } from 'vitest';
import { isValidSiren } from './siren.js';

describe('isValidSiren', () => {
  it('accepts 9 digits with a correct Luhn check digit', () => {
    expect(isValidSiren('784512303')).toBe(true);
    expect(isValidSiren('812345676')).toBe(true);
  });

  it('refuses a wrong check digit, swapped neighbours and malformed input', () => {
    expect(isValidSiren('784512304')).toBe(false);
    expect(isValidSiren('748512303')).toBe(false);
    expect(isValidSiren('78451230')).toBe(false);
    expect(isValidSiren('78451230a')).toBe(false);
  });
});
