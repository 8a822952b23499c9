import { type AuditActor } from '../../../platform/audit/index.js';
import { type Principal } from '../../../platform/auth/index.js';
import type { IdentityContext } from '../context/identity-context.js';
import { type TokenRecord } from './tokens.repository.js';
export declare const MAX_TOKEN_LIFETIME_DAYS = 366;
export declare function createToken(context: IdentityContext, principal: Principal, actor: AuditActor, input: {
    name: string;
    permissions: string[];
    expiresAt: string;
}): Promise<{
    token: string;
    record: TokenRecord;
}>;
export declare function listTokens(context: IdentityContext, principal: Principal): Promise<TokenRecord[]>;
export declare function revokeOwnToken(context: IdentityContext, principal: Principal, actor: AuditActor, id: string): Promise<void>;
