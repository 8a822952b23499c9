import type { PermissionDefinition } from '../../auth/index.js';

/** Export everything an entity and its subtree own, and download the archive. */
export const ENTITY_EXPORT_PERMISSION = 'entities.export';

export const ENTITY_EXPORT_PERMISSION_DEFINITIONS: PermissionDefinition[] = [
  // `administration`: national administrators and branch administrators on their subtree.
  { name: ENTITY_EXPORT_PERMISSION, description: "Exporter toutes les données d'une structure (réversibilité)", category: 'administration', access: 'write' },
];
