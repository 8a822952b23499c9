import type { Tx } from '../../../platform/db/index.js';
export interface TokenRecord {
    id: string;
    name: string;
    prefix: string;
    permissions: string[];
    expiresAt: Date;
    lastUsedAt: Date | null;
    revokedAt: Date | null;
    createdAt: Date;
}
export interface NewToken {
    id: string;
    userId: string;
    name: string;
    tokenHash: string;
    prefix: string;
    permissions: string[];
    expiresAt: Date;
}
export declare function insertToken(tx: Tx, token: NewToken): Promise<TokenRecord>;
export declare function listTokensOfUser(tx: Tx, userId: string): Promise<TokenRecord[]>;
/** Revokes one of the user's tokens; null when there is no such (unrevoked) token. */
export declare function revokeToken(tx: Tx, userId: string, id: string): Promise<TokenRecord | null>;
