import { describe, expect, it } from 'vitest';
import { bankAccountErrors, isValidCreditorIdentifier } from './sepa-identifiers.js';

describe('SEPA identifiers', () => {
  it('checks the ICS format and its ISO 7064 mod 97-10 key', () => {
    expect(isValidCreditorIdentifier('FR72ZZZ123456')).toBe(true);
    expect(isValidCreditorIdentifier('fr72 zzz 123456')).toBe(true);
    expect(isValidCreditorIdentifier('DE98ZZZ09999999999')).toBe(true);
    expect(isValidCreditorIdentifier('FR12ZZZ123456')).toBe(false);
    expect(isValidCreditorIdentifier('FR72ZZ')).toBe(false);
  });

  it('validates IBAN and BIC with French messages and pointers', () => {
    expect(bankAccountErrors('FR76 3000 6000 0112 3456 7890 189', 'BNPAFRPPXXX')).toEqual([]);
    expect(bankAccountErrors('FR76 3000 6000 0112 3456 7890 188', 'BNPA')).toEqual([
      { pointer: '/iban', message: expect.stringMatching(/^L'IBAN saisi n'est pas valide/) },
      { pointer: '/bic', message: expect.stringMatching(/^Le BIC saisi n'est pas valide/) },
    ]);
  });
});
