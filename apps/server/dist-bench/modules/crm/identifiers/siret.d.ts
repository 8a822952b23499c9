import { type RuleResult } from '../rule-result.js';
import type { Siren } from './siren.js';
/** A normalised SIRET: 14 digits (SIREN + 5-digit NIC), checked. */
export type Siret = string & {
    readonly __brand: 'Siret';
};
/**
 * La Poste has more establishments than the Luhn key leaves NICs for, so INSEE exempts its SIREN:
 * its SIRETs are valid when the plain sum of their 14 digits is a multiple of 5. Its head office
 * (35600000000048) predates the rule and passes Luhn only, so either check is accepted.
 */
export declare const LA_POSTE_SIREN = "356000000";
export declare function parseSiret(input: string): RuleResult<Siret>;
/** The SIREN of the company an establishment belongs to. */
export declare function sirenOfSiret(siret: Siret): Siren;
/** `12345678900012` → `123 456 789 00012`. */
export declare function formatSiret(siret: Siret): string;
