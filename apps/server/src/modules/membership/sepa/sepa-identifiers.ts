import { electronicFormatIBAN, isSEPACountry, isValidBIC, isValidIBAN } from 'ibantools';
import type { FieldError } from '../../../platform/http/errors.js';

/** Upper-case, spaces removed: the electronic form banks exchange. */
export function normalizeIban(input: string): string {
  return electronicFormatIBAN(input) ?? '';
}

export function normalizeBic(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

/** The French-worded field errors of an IBAN (valid, in a SEPA country) and an optional BIC. */
export function bankAccountErrors(iban: string, bic: string | null, pointerPrefix = ''): FieldError[] {
  const errors: FieldError[] = [];
  const electronic = normalizeIban(iban);
  if (!isValidIBAN(electronic)) {
    errors.push({ pointer: `${pointerPrefix}/iban`, message: "L'IBAN saisi n'est pas valide : vérifiez-le sur le RIB (clé de contrôle ou longueur incorrecte)." });
  } else if (!isSEPACountry(electronic.slice(0, 2))) {
    errors.push({ pointer: `${pointerPrefix}/iban`, message: "Cet IBAN n'appartient pas à un pays de la zone SEPA : il ne peut pas être prélevé." });
  }
  if (bic !== null && !isValidBIC(normalizeBic(bic))) {
    errors.push({ pointer: `${pointerPrefix}/bic`, message: "Le BIC saisi n'est pas valide : il compte 8 ou 11 caractères (ex. BNPAFRPPXXX)." });
  }
  return errors;
}

/** Letters count as 10–35 in the ISO 7064 mod 97-10 computation, as for IBANs. */
function mod97(digitsAndLetters: string): number {
  const numeric = [...digitsAndLetters].map((char) => (/[A-Z]/.test(char) ? String(char.charCodeAt(0) - 55) : char)).join('');
  let remainder = 0;
  for (const digit of numeric) remainder = (remainder * 10 + Number(digit)) % 97;
  return remainder;
}

/**
 * A SEPA creditor identifier (ICS), e.g. FR72ZZZ123456: country, 2 check digits, a 3-character
 * business code the check ignores, then the national identifier. The check digits follow ISO 7064
 * mod 97-10 over the national identifier followed by the country code and "00".
 */
export function isValidCreditorIdentifier(input: string): boolean {
  const ics = input.replace(/\s+/g, '').toUpperCase();
  const match = /^([A-Z]{2})(\d{2})[A-Z0-9]{3}([A-Z0-9]{1,28})$/.exec(ics);
  if (!match) return false;
  const [, country, checkDigits, nationalId] = match;
  return 98 - mod97(`${nationalId}${country}00`) === Number(checkDigits);
}

export function normalizeCreditorIdentifier(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}
