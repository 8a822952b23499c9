/**
 * The catalogue of permission names. The platform declares its own below; each module declares
 * its permissions when it is registered (`registerPermissions([...])`), before the app is ready,
 * so that system roles and validation see the complete list.
 */
export type PermissionCategory = 'business' | 'administration' | 'platform';
export interface PermissionDefinition {
    name: string;
    description: string;
    /**
     * Drives the system roles: `business` permissions go to managers (and their `read` ones to
     * viewers), `administration` ones to branch admins, `platform` ones to national admins only.
     * Defaults to `business`.
     */
    category?: PermissionCategory;
    /** Defaults to `read` when the name ends in `.read`, `write` otherwise. */
    access?: 'read' | 'write';
}
export type Permission = Required<PermissionDefinition>;
export declare function registerPermissions(definitions: readonly PermissionDefinition[]): void;
export declare function listPermissions(): Permission[];
export declare function isKnownPermission(name: string): boolean;
export declare const PLATFORM_PERMISSIONS: {
    readonly usersRead: "identity.users.read";
    readonly usersManage: "identity.users.manage";
    readonly rolesManage: "identity.roles.manage";
    readonly grantsManage: "identity.grants.manage";
    readonly entitiesRead: "entities.read";
    readonly entitiesManage: "entities.manage";
    readonly auditRead: "audit.read";
    readonly jobsManage: "platform.jobs.manage";
    readonly flagsManage: "platform.flags.manage";
};
