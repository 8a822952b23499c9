import type { PermissionDefinition } from '../../../platform/auth/index.js';

export const SEGMENT_PERMISSIONS = {
  /** See one's entities' segments, their counts and members (members also need the target's read permission). */
  read: 'crm.segments.read',
  /** Save, change and delete segments. */
  write: 'crm.segments.write',
} as const;

export const SEGMENT_PERMISSION_DEFINITIONS: PermissionDefinition[] = [
  { name: SEGMENT_PERMISSIONS.read, description: 'Consulter les segments (filtres enregistrés) et leurs effectifs', category: 'business' },
  { name: SEGMENT_PERMISSIONS.write, description: 'Créer, modifier et supprimer des segments', category: 'business' },
];
