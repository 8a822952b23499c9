import { type AuditActor } from '../../../platform/audit/index.js';
import { type Principal } from '../../../platform/auth/index.js';
import type { IdentityContext } from '../context/identity-context.js';
import { type UserListQuery, type UserPatch, type UserRecord } from './users.repository.js';
export declare function searchUsers(context: IdentityContext, principal: Principal, query: UserListQuery): Promise<{
    items: UserRecord[];
    nextCursor: string | null;
}>;
export declare function decodeCursor(cursor: string | undefined): string | undefined;
export declare function getUser(context: IdentityContext, principal: Principal, id: string): Promise<UserRecord>;
export interface CreateUserInput {
    email: string;
    displayName: string;
    homeEntityId: string;
    password?: string | undefined;
}
export declare function createUser(context: IdentityContext, principal: Principal, actor: AuditActor, input: CreateUserInput): Promise<{
    user: UserRecord;
    temporaryPassword?: string;
}>;
export declare function changeUser(context: IdentityContext, principal: Principal, actor: AuditActor, id: string, version: number, patch: UserPatch): Promise<UserRecord>;
export declare function resetUserMfa(context: IdentityContext, principal: Principal, actor: AuditActor, id: string): Promise<void>;
