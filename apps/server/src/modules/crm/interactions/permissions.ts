import type { PermissionDefinition } from '../../../platform/auth/index.js';

export const INTERACTION_PERMISSIONS = {
  /** Read one's entities' interactions and the timelines of companies and contacts. */
  read: 'crm.interactions.read',
  /** Record, change and delete interactions (calls, meetings, e-mails, notes…). */
  write: 'crm.interactions.write',
} as const;

export const INTERACTION_PERMISSION_DEFINITIONS: PermissionDefinition[] = [
  { name: INTERACTION_PERMISSIONS.read, description: 'Consulter les échanges et l\'historique des entreprises et des contacts', category: 'business' },
  { name: INTERACTION_PERMISSIONS.write, description: 'Enregistrer, modifier et supprimer des échanges (appels, rendez-vous, notes…)', category: 'business' },
];
