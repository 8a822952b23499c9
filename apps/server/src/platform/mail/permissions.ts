import type { PermissionDefinition } from '../auth/index.js';

export const MAIL_PERMISSIONS = {
  /** Read the outgoing mail of one's entities (embedded mode: the only place mail can be read). */
  outboxRead: 'mail.outbox.read',
} as const;

export const MAIL_PERMISSION_DEFINITIONS: PermissionDefinition[] = [
  { name: MAIL_PERMISSIONS.outboxRead, description: "Consulter les courriels envoyés par la structure (boîte d'envoi)", category: 'business' },
];
