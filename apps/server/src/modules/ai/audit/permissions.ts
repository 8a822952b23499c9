import type { PermissionDefinition } from '../../../platform/auth/index.js';

export const AI_AUDIT_PERMISSIONS = {
  /** Browse and export the AI interactions journal of one's entities. */
  auditRead: 'ai.audit.read',
  /** Choose the generation provider of one's entities (endpoint, model, key). */
  settingsManage: 'ai.settings.manage',
} as const;

export const AI_AUDIT_PERMISSION_DEFINITIONS: PermissionDefinition[] = [
  { name: AI_AUDIT_PERMISSIONS.auditRead, description: "Consulter et exporter le journal des questions posées à l'assistant", category: 'administration' },
  { name: AI_AUDIT_PERMISSIONS.settingsManage, description: "Choisir le fournisseur d'IA de sa structure", category: 'administration' },
];
