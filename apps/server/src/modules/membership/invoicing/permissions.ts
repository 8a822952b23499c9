import type { PermissionDefinition } from '../../../platform/auth/index.js';

export const INVOICE_PERMISSIONS = {
  /** Read invoices, credit notes, payments and the overdue list of one's entities. */
  read: 'membership.invoices.read',
  /** Draft and issue invoices and credit notes, record payments. */
  write: 'membership.invoices.write',
} as const;

// `business`: managers get both, viewers the read one (system roles are defined by rule).
export const INVOICE_PERMISSION_DEFINITIONS: PermissionDefinition[] = [
  { name: INVOICE_PERMISSIONS.read, description: 'Consulter les factures, avoirs et paiements', category: 'business' },
  { name: INVOICE_PERMISSIONS.write, description: 'Établir et émettre les factures et avoirs, enregistrer les paiements', category: 'business' },
];
