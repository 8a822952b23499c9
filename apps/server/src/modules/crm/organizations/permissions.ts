import type { PermissionDefinition } from '../../../platform/auth/index.js';

export const ORGANIZATION_PERMISSIONS = {
  /** Find companies (public identity, network-wide) and read one's own entities' links. */
  read: 'crm.organizations.read',
  /** Create companies, edit the identity of companies one's entities are linked to, manage one's links. */
  write: 'crm.organizations.write',
} as const;

export const ORGANIZATION_PERMISSION_DEFINITIONS: PermissionDefinition[] = [
  { name: ORGANIZATION_PERMISSIONS.read, description: 'Consulter et rechercher les entreprises', category: 'business' },
  { name: ORGANIZATION_PERMISSIONS.write, description: 'Créer et modifier les entreprises et leur rattachement', category: 'business' },
];
