import type { Tx } from '../../../platform/db/index.js';
export interface NewSession {
    id: string;
    userId: string;
    tokenHash: string;
    csrfToken: string;
    ip: string | null;
    userAgent: string | null;
    ttlMinutes: number;
}
export declare function insertSession(tx: Tx, session: NewSession): Promise<void>;
export declare function deleteSessionByTokenHash(tx: Tx, tokenHash: string): Promise<void>;
/** Deactivation and password changes end every open session of the user. */
export declare function deleteSessionsOfUser(tx: Tx, userId: string): Promise<void>;
export declare function deleteOtherSessions(tx: Tx, userId: string, keepTokenHash: string): Promise<void>;
/** Housekeeping: expired sessions are useless; a job may call this. */
export declare function deleteExpiredSessions(tx: Tx): Promise<number>;
