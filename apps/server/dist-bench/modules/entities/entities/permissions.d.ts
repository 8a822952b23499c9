import { type PermissionDefinition } from '../../../platform/auth/index.js';
export declare const ENTITY_PERMISSIONS: {
    readonly read: "entities.read";
    /** Restructure the network (create, move): must be held on the national office itself. */
    readonly manage: "entities.manage";
    /** Keep one's own union's details current (name, legal identity, address, contact) within one's subtree. */
    readonly update: "entities.update";
};
/** Declared by registerEntitiesModule; read and manage are platform permissions. */
export declare const ENTITY_PERMISSION_DEFINITIONS: PermissionDefinition[];
