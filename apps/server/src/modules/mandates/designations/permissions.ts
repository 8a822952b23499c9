import type { PermissionDefinition } from '../../../platform/auth/index.js';

export const MANDATE_PERMISSIONS = {
  read: 'mandates.read',
  write: 'mandates.write',
} as const;

export const MANDATE_PERMISSION_DEFINITIONS: PermissionDefinition[] = [
  { name: MANDATE_PERMISSIONS.read, description: 'Consulter les instances, sièges et mandats et leurs rapports', category: 'business' },
  { name: MANDATE_PERMISSIONS.write, description: 'Déclarer les instances et sièges, désigner les mandataires', category: 'business' },
];
