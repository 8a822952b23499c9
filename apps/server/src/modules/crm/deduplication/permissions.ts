import type { PermissionDefinition } from '../../../platform/auth/index.js';

export const MERGE_PERMISSIONS = {
  /** See likely duplicates and merge them. Every row a merge touches must lie in the holder's subtrees. */
  merge: 'crm.merge',
} as const;

// `administration`: branch and national admins. Merging deletes records and rewrites others'
// references, more than day-to-day editing; companies followed by several branches can only be
// merged by someone holding it over all of them, in practice a national admin.
export const MERGE_PERMISSION_DEFINITIONS: PermissionDefinition[] = [
  { name: MERGE_PERMISSIONS.merge, description: 'Détecter et fusionner les doublons (entreprises, contacts)', category: 'administration', access: 'write' },
];
