import { ok, violation } from '../rule-result.js';
import { stripIdentifierSeparators } from './identifier-input.js';
import { isLuhnValid, luhnCheckDigit } from './luhn.js';
/** Parses a SIREN typed or imported by staff; returns the 9 digits without separators. */
export function parseSiren(input) {
    const shown = input.trim();
    if (shown === '')
        return violation('siren_required', 'Le SIREN est obligatoire.');
    const digits = stripIdentifierSeparators(shown);
    if (!/^\d+$/.test(digits)) {
        return violation('siren_format', `Le SIREN « ${shown} » ne doit contenir que des chiffres (les espaces et les points sont acceptés).`);
    }
    if (digits.length === 14) {
        return violation('siren_is_siret', `« ${shown} » compte 14 chiffres : c'est un SIRET (établissement). Le SIREN de l'entreprise correspond à ses 9 premiers chiffres.`);
    }
    if (digits.length !== 9) {
        return violation('siren_length', `Le SIREN « ${shown} » compte ${digits.length} chiffres au lieu de 9.`);
    }
    if (/^0+$/.test(digits))
        return violation('siren_format', `Le SIREN « ${shown} » n'est pas un numéro attribué.`);
    if (!isLuhnValid(digits)) {
        return violation('siren_checksum', `Le SIREN « ${shown} » est invalide : sa clé de contrôle (dernier chiffre) ne correspond pas. Vérifiez qu'aucun chiffre n'a été mal recopié.`);
    }
    return ok(digits);
}
/** `123456789` → `123 456 789`, the way INSEE prints it. */
export function formatSiren(siren) {
    return `${siren.slice(0, 3)} ${siren.slice(3, 6)} ${siren.slice(6)}`;
}
const SIREN_BODY_SPACE = 90_000_000;
// Coprime with 90,000,000 (= 2^7·3^2·5^7): seed ↦ body is a bijection on 0…89,999,999, so two
// seeds never give the same SIREN.
const SIREN_SEED_MULTIPLIER = 48_271;
/**
 * A valid, deterministic SIREN for demo and test data: distinct seeds (0 … 89,999,999) always give
 * distinct SIRENs, and the first digit is never 0. They are well-formed but may belong to real
 * companies: demo data only, never to be sent to a public register.
 */
export function generateSiren(seed) {
    if (!Number.isSafeInteger(seed) || seed < 0)
        throw new RangeError('generateSiren expects a non-negative integer seed.');
    const body = String(10_000_000 + Number((BigInt(seed) * BigInt(SIREN_SEED_MULTIPLIER)) % BigInt(SIREN_BODY_SPACE)));
    return `${body}${luhnCheckDigit(body)}`;
}
//# sourceMappingURL=siren.js.map