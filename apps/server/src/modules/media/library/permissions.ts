import type { PermissionDefinition } from '../../../platform/auth/index.js';

export const MEDIA_PERMISSIONS = {
  /** Browse the media library and see which contents use a file. */
  read: 'media.read',
  /** Upload files, edit their alt text and title, delete unused ones. */
  write: 'media.write',
} as const;

export const MEDIA_PERMISSION_DEFINITIONS: PermissionDefinition[] = [
  { name: MEDIA_PERMISSIONS.read, description: 'Consulter la médiathèque', category: 'business' },
  { name: MEDIA_PERMISSIONS.write, description: 'Déposer, décrire et supprimer des fichiers de la médiathèque', category: 'business' },
];
