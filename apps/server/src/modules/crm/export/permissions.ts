import type { PermissionDefinition } from '../../../platform/auth/index.js';

export const EXPORT_PERMISSIONS = {
  /** Download filtered lists of companies and contacts as CSV or XLSX. */
  run: 'crm.exports.run',
} as const;

// `access: 'write'` keeps bulk extraction of personal data away from the read-only system role.
export const EXPORT_PERMISSION_DEFINITIONS: PermissionDefinition[] = [
  { name: EXPORT_PERMISSIONS.run, description: 'Exporter les listes d’entreprises et de contacts (CSV, Excel)', category: 'business', access: 'write' },
];
