/** Session cookies, CSRF tokens and access tokens: 256 random bits, URL-safe. */
export declare function randomSecret(bytes?: number): string;
/**
 * Stored form of a high-entropy secret (session, access token, recovery code). A fast hash is
 * enough here, unlike passwords: the secrets are random, so there is nothing to brute-force offline.
 */
export declare function sha256Hex(value: string): string;
