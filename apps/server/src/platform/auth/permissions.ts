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

const NAME = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*){1,3}$/;
const catalogue = new Map<string, Permission>();

export function registerPermissions(definitions: readonly PermissionDefinition[]): void {
  for (const definition of definitions) {
    if (!NAME.test(definition.name)) throw new Error(`Invalid permission name "${definition.name}" (expected module.resource.action)`);
    const permission: Permission = {
      name: definition.name,
      description: definition.description,
      category: definition.category ?? 'business',
      access: definition.access ?? (definition.name.endsWith('.read') ? 'read' : 'write'),
    };
    const existing = catalogue.get(permission.name);
    if (existing && (existing.category !== permission.category || existing.access !== permission.access)) {
      throw new Error(`Permission "${permission.name}" is already registered with another category or access`);
    }
    catalogue.set(permission.name, permission);
  }
}

export function listPermissions(): Permission[] {
  return [...catalogue.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function isKnownPermission(name: string): boolean {
  return catalogue.has(name);
}

export const PLATFORM_PERMISSIONS = {
  usersRead: 'identity.users.read',
  usersManage: 'identity.users.manage',
  rolesManage: 'identity.roles.manage',
  grantsManage: 'identity.grants.manage',
  entitiesRead: 'entities.read',
  entitiesManage: 'entities.manage',
  auditRead: 'audit.read',
  jobsManage: 'platform.jobs.manage',
  flagsManage: 'platform.flags.manage',
} as const;

registerPermissions([
  { name: 'identity.users.read', description: 'Consulter les comptes utilisateurs', category: 'administration' },
  { name: 'identity.users.manage', description: 'Créer, modifier et désactiver des comptes utilisateurs', category: 'administration' },
  { name: 'identity.roles.manage', description: 'Créer et modifier les rôles personnalisés', category: 'platform' },
  { name: 'identity.grants.manage', description: 'Attribuer et retirer des rôles', category: 'administration' },
  { name: 'entities.read', description: 'Consulter les structures du réseau', category: 'business' },
  { name: 'entities.manage', description: 'Créer, déplacer et modifier les structures du réseau', category: 'platform' },
  { name: 'audit.read', description: "Consulter le journal d'audit", category: 'administration' },
  { name: 'platform.jobs.manage', description: 'Piloter les tâches de fond', category: 'platform' },
  { name: 'platform.flags.manage', description: 'Activer ou désactiver des fonctionnalités', category: 'platform' },
]);
