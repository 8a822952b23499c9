import { type AuditActor } from '../../../platform/audit/index.js';
import { type Principal } from '../../../platform/auth/index.js';
import type { IdentityContext } from '../context/identity-context.js';
import { type GrantView } from './grants.repository.js';
/** The user's grants on the entities the caller administers (RLS hides the others). */
export declare function getGrants(context: IdentityContext, principal: Principal, userId: string): Promise<GrantView[]>;
export declare function addGrant(context: IdentityContext, principal: Principal, actor: AuditActor, userId: string, input: {
    roleCode: string;
    entityId: string;
}): Promise<GrantView>;
export declare function removeGrant(context: IdentityContext, principal: Principal, actor: AuditActor, userId: string, grantId: string): Promise<void>;
