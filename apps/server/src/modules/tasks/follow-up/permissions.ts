import type { PermissionDefinition } from '../../../platform/auth/index.js';

export const TASK_PERMISSIONS = {
  read: 'tasks.read',
  write: 'tasks.write',
} as const;

export const TASK_PERMISSION_DEFINITIONS: PermissionDefinition[] = [
  { name: TASK_PERMISSIONS.read, description: 'Consulter les tâches de suivi', category: 'business' },
  { name: TASK_PERMISSIONS.write, description: 'Traiter, annuler et attribuer les tâches de suivi', category: 'business' },
];
