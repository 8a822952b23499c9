import type { PermissionDefinition } from '../../../platform/auth/index.js';

export const IMPORT_PERMISSIONS = {
  /** Follow imports and download their reports. */
  read: 'crm.imports.read',
  /** Upload files, run imports (they create companies and contacts) and save column mappings. */
  write: 'crm.imports.write',
} as const;

export const IMPORT_PERMISSION_DEFINITIONS: PermissionDefinition[] = [
  { name: IMPORT_PERMISSIONS.read, description: 'Suivre les imports de fichiers et télécharger leurs rapports', category: 'business' },
  { name: IMPORT_PERMISSIONS.write, description: "Importer des fichiers d'entreprises et de contacts", category: 'business' },
];
