import type { PermissionDefinition } from '../../../platform/auth/index.js';

export const DASHBOARD_PERMISSIONS = {
  read: 'dashboard.read',
} as const;

// `business` + read: managers, viewers and administrators get it (system roles are defined by rule).
export const DASHBOARD_PERMISSION_DEFINITIONS: PermissionDefinition[] = [
  { name: DASHBOARD_PERMISSIONS.read, description: 'Consulter le tableau de bord (adhérents, cotisations, événements, mandats)', category: 'business' },
];
