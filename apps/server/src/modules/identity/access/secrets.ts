import { hash, randomBytes } from 'node:crypto';

/** Session cookies, CSRF tokens and access tokens: 256 random bits, URL-safe. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * Stored form of a high-entropy secret (session, access token, recovery code). A fast hash is
 * enough here, unlike passwords: the secrets are random, so there is nothing to brute-force offline.
 * The one-shot `hash` (a third of `createHash`'s cost): every authenticated request digests its token.
 */
export function sha256Hex(value: string): string {
  return hash('sha256', value, 'hex');
}
