import type { Database } from '../../../platform/db/index.js';
import { newId, withTransaction } from '../../../platform/db/index.js';
import { listPermissions, type Permission } from '../../../platform/auth/index.js';

export interface SystemRole {
  code: string;
  name: string;
  description: string;
  includes(permission: Permission): boolean;
}

/** Editing a page means choosing and uploading its images and files: both CMS roles use the media library. */
const MEDIA_LIBRARY = new Set(['media.read', 'media.write']);

/**
 * Defined by rule rather than by list, so that a module registering new permissions extends them
 * at the next boot without a migration.
 */
export const SYSTEM_ROLES: readonly SystemRole[] = [
  {
    code: 'national_admin',
    name: 'Administrateur national',
    description: 'Toutes les permissions, sur tout le réseau.',
    includes: () => true,
  },
  {
    code: 'branch_admin',
    name: 'Administrateur de structure',
    description: 'Gère les comptes et les rôles de sa structure et de ses sous-structures, avec toutes les permissions métier.',
    includes: (p) => p.category !== 'platform',
  },
  {
    code: 'manager',
    name: 'Gestionnaire',
    description: 'Consulte et modifie les données métier de sa structure.',
    includes: (p) => p.category === 'business',
  },
  {
    code: 'viewer',
    name: 'Lecteur',
    description: 'Consulte les données métier de sa structure, sans les modifier.',
    includes: (p) => p.category === 'business' && p.access === 'read',
  },
  {
    code: 'cms_editor',
    name: 'Rédacteur',
    description: 'Rédige les contenus du site de sa structure et les soumet à relecture, sans les publier ; dépose et choisit les fichiers de la médiathèque.',
    includes: (p) => p.name === 'cms.content.read' || p.name === 'cms.content.edit' || MEDIA_LIBRARY.has(p.name),
  },
  {
    code: 'cms_publisher',
    name: 'Éditeur/Publication',
    description: 'Rédige, relit, publie et retire les contenus du site de sa structure ; accepte ou refuse les contenus syndiqués ; gère la médiathèque.',
    includes: (p) => p.name === 'cms.content.read' || p.name === 'cms.content.edit' || p.name === 'cms.content.publish' || MEDIA_LIBRARY.has(p.name),
  },
];

export function systemRolePermissions(role: SystemRole): string[] {
  return listPermissions()
    .filter((permission) => role.includes(permission))
    .map((permission) => permission.name);
}

/** Idempotent: creates missing system roles and aligns their permissions with the catalogue. */
export async function syncSystemRoles(database: Database): Promise<void> {
  await withTransaction(database, { kind: 'system' }, async (tx) => {
    for (const role of SYSTEM_ROLES) {
      await tx.client.query(
        `INSERT INTO roles (id, code, name, description, permissions, system) VALUES ($1, $2, $3, $4, $5, true)
         ON CONFLICT (code) DO UPDATE SET name = excluded.name, description = excluded.description, permissions = excluded.permissions,
           system = true, version = roles.version + 1, updated_at = now()
         WHERE roles.permissions IS DISTINCT FROM excluded.permissions OR roles.name IS DISTINCT FROM excluded.name
           OR roles.description IS DISTINCT FROM excluded.description OR NOT roles.system`,
        [newId(), role.code, role.name, role.description, systemRolePermissions(role)],
      );
    }
  });
}
