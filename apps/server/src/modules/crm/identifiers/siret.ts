import { ok, violation, type RuleResult } from '../rule-result.js';
import { stripIdentifierSeparators } from './identifier-input.js';
import { isLuhnValid } from './luhn.js';
import type { Siren } from './siren.js';

/** A normalised SIRET: 14 digits (SIREN + 5-digit NIC), checked. */
export type Siret = string & { readonly __brand: 'Siret' };

/**
 * La Poste has more establishments than the Luhn key leaves NICs for, so INSEE exempts its SIREN:
 * its SIRETs are valid when the plain sum of their 14 digits is a multiple of 5. Its head office
 * (35600000000048) predates the rule and passes Luhn only, so either check is accepted.
 */
export const LA_POSTE_SIREN = '356000000';

function digitSum(digits: string): number {
  let sum = 0;
  for (const digit of digits) sum += digit.charCodeAt(0) - 48;
  return sum;
}

export function parseSiret(input: string): RuleResult<Siret> {
  const shown = input.trim();
  if (shown === '') return violation('siret_required', 'Le SIRET est obligatoire.');
  const digits = stripIdentifierSeparators(shown);
  if (!/^\d+$/.test(digits)) {
    return violation('siret_format', `Le SIRET « ${shown} » ne doit contenir que des chiffres (les espaces et les points sont acceptés).`);
  }
  if (digits.length !== 14) {
    return violation('siret_length', `Le SIRET « ${shown} » compte ${digits.length} chiffres au lieu de 14.`);
  }
  const isLaPoste = digits.startsWith(LA_POSTE_SIREN);
  const valid = isLuhnValid(digits) || (isLaPoste && digitSum(digits) % 5 === 0);
  if (!valid) {
    return violation(
      'siret_checksum',
      `Le SIRET « ${shown} » est invalide : sa clé de contrôle ne correspond pas. Vérifiez qu'aucun chiffre n'a été mal recopié.`,
    );
  }
  return ok(digits as Siret);
}

/** The SIREN of the company an establishment belongs to. */
export function sirenOfSiret(siret: Siret): Siren {
  return siret.slice(0, 9) as Siren;
}

/** `12345678900012` → `123 456 789 00012`. */
export function formatSiret(siret: Siret): string {
  return `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`;
}
