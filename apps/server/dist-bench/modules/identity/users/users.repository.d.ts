import type { Tx } from '../../../platform/db/index.js';
import type { UserStatus } from './users.tables.js';
/** A user as administrators and the user see it (no credentials). */
export interface UserRecord {
    id: string;
    email: string;
    displayName: string;
    status: UserStatus;
    homeEntityId: string;
    mfaEnabled: boolean;
    mustChangePassword: boolean;
    lastLoginAt: Date | null;
    version: number;
    createdAt: Date;
    updatedAt: Date;
}
/** What the login needs on top: credentials and lockout state. */
export interface UserCredentials extends UserRecord {
    passwordHash: string;
    totpSecret: string | null;
    totpLastStep: number | null;
    failedLoginCount: number;
    lockedUntil: Date | null;
}
export declare function findUserById(tx: Tx, id: string): Promise<UserRecord | null>;
export declare function findCredentialsByEmail(tx: Tx, email: string): Promise<UserCredentials | null>;
export declare function findCredentialsById(tx: Tx, id: string): Promise<UserCredentials | null>;
export interface UserListQuery {
    limit: number;
    /** Keyset: ids after this one (UUIDv7, so roughly creation order). */
    after: string | undefined;
    status: UserStatus | undefined;
    /** Case-insensitive fragment of the email or display name. */
    search: string | undefined;
}
/** RLS limits the rows to the users homed in the transaction's scope. */
export declare function listUsers(tx: Tx, query: UserListQuery): Promise<UserRecord[]>;
export interface NewUser {
    id: string;
    email: string;
    displayName: string;
    passwordHash: string;
    homeEntityId: string;
    mustChangePassword: boolean;
}
export declare function insertUser(tx: Tx, user: NewUser): Promise<UserRecord>;
export interface UserPatch {
    displayName?: string | undefined;
    status?: UserStatus | undefined;
    homeEntityId?: string | undefined;
}
/** null when the version no longer matches (or the row is out of scope). */
export declare function updateUser(tx: Tx, id: string, version: number, patch: UserPatch): Promise<UserRecord | null>;
/**
 * Counts a failure; the `maxFailures`-th consecutive one locks the account and restarts the count.
 * Returns the lock end when this failure locked it.
 */
export declare function recordFailedLogin(tx: Tx, id: string, maxFailures: number, lockMinutes: number): Promise<Date | null>;
export declare function recordSuccessfulLogin(tx: Tx, id: string): Promise<void>;
export declare function updatePasswordHash(tx: Tx, id: string, passwordHash: string, mustChange: boolean): Promise<void>;
