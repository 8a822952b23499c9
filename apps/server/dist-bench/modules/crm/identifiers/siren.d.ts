import { type RuleResult } from '../rule-result.js';
/** A normalised SIREN: exactly 9 digits, Luhn-valid (branded so unchecked strings cannot pass). */
export type Siren = string & {
    readonly __brand: 'Siren';
};
/** Parses a SIREN typed or imported by staff; returns the 9 digits without separators. */
export declare function parseSiren(input: string): RuleResult<Siren>;
/** `123456789` → `123 456 789`, the way INSEE prints it. */
export declare function formatSiren(siren: Siren): string;
/**
 * A valid, deterministic SIREN for demo and test data: distinct seeds (0 … 89,999,999) always give
 * distinct SIRENs, and the first digit is never 0. They are well-formed but may belong to real
 * companies: demo data only, never to be sent to a public register.
 */
export declare function generateSiren(seed: number): Siren;
