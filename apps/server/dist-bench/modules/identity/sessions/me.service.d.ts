import type { Principal } from '../../../platform/auth/index.js';
import type { EntityNode } from '../../../platform/tenancy/entity-tree.js';
import { type GrantView } from '../grants/grants.repository.js';
import type { IdentityContext } from '../context/identity-context.js';
import { type UserRecord } from '../users/users.repository.js';
export interface Me {
    user: UserRecord;
    permissions: string[];
    grants: GrantView[];
    /** Every entity the caller may act on with at least one permission (the branch switcher's list). */
    entities: EntityNode[];
}
export declare function describeMe(context: IdentityContext, principal: Principal): Promise<Me>;
