import type { Tx } from '../../../platform/db/index.js';
export interface GrantView {
    id: string;
    userId: string;
    role: {
        id: string;
        code: string;
        name: string;
    };
    entity: {
        id: string;
        code: string;
        name: string;
        kind: string;
    };
    createdAt: Date;
}
/** RLS shows only the grants on entities within the transaction's scope. */
export declare function listGrantsOfUser(tx: Tx, userId: string): Promise<GrantView[]>;
export declare function findGrant(tx: Tx, userId: string, grantId: string): Promise<(GrantView & {
    permissions: string[];
}) | null>;
export interface NewGrant {
    id: string;
    userId: string;
    roleId: string;
    entityId: string;
    createdBy: string | null;
}
/** null when the user already holds this role on this entity. */
export declare function insertGrant(tx: Tx, grant: NewGrant): Promise<GrantView | null>;
export declare function deleteGrant(tx: Tx, grantId: string): Promise<void>;
