import type { PermissionDefinition } from '../../../platform/auth/index.js';

export const MEMBERSHIP_PERMISSIONS = {
  /** Read memberships, member types and dues schedules, campaigns and their progress. */
  read: 'membership.memberships.read',
  /** Record, change and cancel memberships; manage member types and dues schedules. */
  write: 'membership.memberships.write',
  /** Launch (or resume) a renewal campaign, which issues invoices. */
  campaignsRun: 'membership.campaigns.run',
} as const;

// `business`: managers get all three, viewers the read one (system roles are defined by rule).
export const MEMBERSHIP_PERMISSION_DEFINITIONS: PermissionDefinition[] = [
  { name: MEMBERSHIP_PERMISSIONS.read, description: 'Consulter les adhésions, types de membres, barèmes de cotisation et campagnes', category: 'business' },
  { name: MEMBERSHIP_PERMISSIONS.write, description: 'Enregistrer et modifier les adhésions, types de membres et barèmes de cotisation', category: 'business' },
  { name: MEMBERSHIP_PERMISSIONS.campaignsRun, description: 'Lancer les campagnes de renouvellement des cotisations', category: 'business', access: 'write' },
];
