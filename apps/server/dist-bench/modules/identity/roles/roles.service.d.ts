import { type AuditActor } from '../../../platform/audit/index.js';
import type { IdentityContext } from '../context/identity-context.js';
import { type RolePatch, type RoleRecord } from './roles.repository.js';
export declare function getRoles(context: IdentityContext): Promise<RoleRecord[]>;
export declare function createRole(context: IdentityContext, actor: AuditActor, input: {
    code: string;
    name: string;
    description?: string | undefined;
    permissions: string[];
}): Promise<RoleRecord>;
export declare function changeRole(context: IdentityContext, actor: AuditActor, id: string, version: number, patch: RolePatch): Promise<RoleRecord>;
