import { PLATFORM_PERMISSIONS, type PermissionDefinition } from '../../../platform/auth/index.js';

export const ENTITY_PERMISSIONS = {
  read: PLATFORM_PERMISSIONS.entitiesRead,
  /** Restructure the network (create, move): must be held on the national office itself. */
  manage: PLATFORM_PERMISSIONS.entitiesManage,
  /** Keep one's own union's details current (name, legal identity, address, contact) within one's subtree. */
  update: 'entities.update',
} as const;

/** Declared by registerEntitiesModule; read and manage are platform permissions. */
export const ENTITY_PERMISSION_DEFINITIONS: PermissionDefinition[] = [
  { name: ENTITY_PERMISSIONS.update, description: 'Modifier les coordonnées et l’identité légale de sa structure', category: 'business' },
];
