import { type AuditActor } from '../../../platform/audit/index.js';
import type { IdentityContext } from '../context/identity-context.js';
import { type UserRecord } from '../users/users.repository.js';
export declare const MAX_FAILED_LOGINS = 5;
export declare const LOCK_MINUTES = 15;
export interface LoginInput {
    email: string;
    password: string;
    totp: string | undefined;
    ip: string;
    userAgent: string | undefined;
    requestId: string;
}
export interface LoginResult {
    user: UserRecord;
    sessionToken: string;
    csrfToken: string;
}
export declare function login(context: IdentityContext, input: LoginInput): Promise<LoginResult>;
export declare function logout(context: IdentityContext, sessionToken: string, actor: AuditActor): Promise<void>;
