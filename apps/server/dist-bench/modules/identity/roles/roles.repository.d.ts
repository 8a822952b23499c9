import type { Tx } from '../../../platform/db/index.js';
export interface RoleRecord {
    id: string;
    code: string;
    name: string;
    description: string;
    permissions: string[];
    system: boolean;
    version: number;
    createdAt: Date;
    updatedAt: Date;
}
export declare function listRoles(tx: Tx): Promise<RoleRecord[]>;
export declare function findRoleById(tx: Tx, id: string): Promise<RoleRecord | null>;
export declare function findRoleByCode(tx: Tx, code: string): Promise<RoleRecord | null>;
export interface NewRole {
    id: string;
    code: string;
    name: string;
    description: string;
    permissions: string[];
}
/** null when the code is taken. */
export declare function insertRole(tx: Tx, role: NewRole): Promise<RoleRecord | null>;
export interface RolePatch {
    name?: string | undefined;
    description?: string | undefined;
    permissions?: string[] | undefined;
}
/** Custom roles only; null when the version no longer matches. */
export declare function updateRole(tx: Tx, id: string, version: number, patch: RolePatch): Promise<RoleRecord | null>;
