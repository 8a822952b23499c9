import type { Tx } from '../../../platform/db/index.js';
export declare function storePendingTotpSecret(tx: Tx, userId: string, encryptedSecret: string): Promise<void>;
export declare function enableTotp(tx: Tx, userId: string, lastStep: number, recoveryCodeHashes: string[]): Promise<void>;
/** Records the accepted time step; false when an equal or later step was already used (replay). */
export declare function advanceTotpStep(tx: Tx, userId: string, step: number): Promise<boolean>;
/** Removes the recovery code atomically: true only for the one request that used it. */
export declare function consumeRecoveryCode(tx: Tx, userId: string, codeHash: string): Promise<boolean>;
export declare function resetMfa(tx: Tx, userId: string): Promise<boolean>;
