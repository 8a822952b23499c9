export declare const RECOVERY_CODE_COUNT = 10;
export declare function newTotpSecret(): string;
export declare function totpUri(secret: string, email: string): string;
/**
 * The accepted time step, or null. One period of clock drift is tolerated each way; codes at or
 * before `afterStep` are refused, so an observed code cannot be replayed.
 */
export declare function verifyTotp(secret: string, code: string, afterStep: number | null): Promise<number | null>;
/** `xxxxx-xxxxx` in lower-case base32: 50 random bits each, typed once, so a fast hash is enough. */
export declare function newRecoveryCodes(): string[];
export declare function looksLikeRecoveryCode(value: string): boolean;
/** Hyphen and case are forgiven when the code is typed. */
export declare function recoveryCodeHash(code: string): string;
