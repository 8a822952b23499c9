import { type AuditActor } from '../../../platform/audit/index.js';
import type { Principal } from '../../../platform/auth/index.js';
import type { IdentityContext } from '../context/identity-context.js';
/** Starts (or restarts) enrolment: the secret is kept encrypted and trusted only after activation. */
export declare function enrolTotp(context: IdentityContext, principal: Principal, actor: AuditActor): Promise<{
    secret: string;
    otpauthUri: string;
}>;
/** Proves the authenticator works, turns MFA on and returns the recovery codes (shown once). */
export declare function activateTotp(context: IdentityContext, principal: Principal, actor: AuditActor, code: string): Promise<string[]>;
