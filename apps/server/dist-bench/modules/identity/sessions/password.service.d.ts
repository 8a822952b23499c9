import { type AuditActor } from '../../../platform/audit/index.js';
import type { IdentityContext } from '../context/identity-context.js';
/** The user changes their own password; every other session of theirs ends. */
export declare function changeOwnPassword(context: IdentityContext, actor: AuditActor & {
    userId: string;
}, currentSessionToken: string | undefined, currentPassword: string, newPassword: string): Promise<void>;
