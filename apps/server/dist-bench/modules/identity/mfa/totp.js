import { randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import { sha256Hex } from '../access/secrets.js';
const ISSUER = 'Maillage';
export const RECOVERY_CODE_COUNT = 10;
export function newTotpSecret() {
    return generateSecret();
}
export function totpUri(secret, email) {
    return generateURI({ issuer: ISSUER, label: email, secret });
}
/**
 * The accepted time step, or null. One period of clock drift is tolerated each way; codes at or
 * before `afterStep` are refused, so an observed code cannot be replayed.
 */
export async function verifyTotp(secret, code, afterStep) {
    if (!/^\d{6}$/.test(code))
        return null;
    const result = await verify({ secret, token: code, epochTolerance: 30, ...(afterStep !== null ? { afterTimeStep: afterStep } : {}) });
    return result.valid && 'timeStep' in result ? result.timeStep : null;
}
/** `xxxxx-xxxxx` in lower-case base32: 50 random bits each, typed once, so a fast hash is enough. */
export function newRecoveryCodes() {
    const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
    return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
        const chars = Array.from(randomBytes(10), (byte) => alphabet[byte % 32]).join('');
        return `${chars.slice(0, 5)}-${chars.slice(5)}`;
    });
}
export function looksLikeRecoveryCode(value) {
    return /^[a-z2-7]{5}-?[a-z2-7]{5}$/i.test(value.trim());
}
/** Hyphen and case are forgiven when the code is typed. */
export function recoveryCodeHash(code) {
    const normalised = code.trim().toLowerCase().replace('-', '');
    return sha256Hex(`${normalised.slice(0, 5)}-${normalised.slice(5)}`);
}
//# sourceMappingURL=totp.js.map