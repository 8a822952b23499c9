import type { Database } from '../../../platform/db/index.js';
import { type Permission } from '../../../platform/auth/index.js';
export interface SystemRole {
    code: string;
    name: string;
    description: string;
    includes(permission: Permission): boolean;
}
/**
 * Defined by rule rather than by list, so that a module registering new permissions extends them
 * at the next boot without a migration.
 */
export declare const SYSTEM_ROLES: readonly SystemRole[];
export declare function systemRolePermissions(role: SystemRole): string[];
/** Idempotent: creates missing system roles and aligns their permissions with the catalogue. */
export declare function syncSystemRoles(database: Database): Promise<void>;
