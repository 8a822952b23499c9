import type { Tx } from '../../../platform/db/index.js';

export interface RoleRecord {
  id: string;
  code: string;
  name: string;
  description: string;
  permissions: string[];
  system: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = `id, code, name, description, permissions, system, version, created_at AS "createdAt", updated_at AS "updatedAt"`;

export async function listRoles(tx: Tx): Promise<RoleRecord[]> {
  const { rows } = await tx.client.query<RoleRecord>(`SELECT ${COLUMNS} FROM roles ORDER BY system DESC, code`);
  return rows;
}

export async function findRoleById(tx: Tx, id: string): Promise<RoleRecord | null> {
  const { rows } = await tx.client.query<RoleRecord>(`SELECT ${COLUMNS} FROM roles WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

export async function findRoleByCode(tx: Tx, code: string): Promise<RoleRecord | null> {
  const { rows } = await tx.client.query<RoleRecord>(`SELECT ${COLUMNS} FROM roles WHERE code = $1`, [code]);
  return rows[0] ?? null;
}

export interface NewRole {
  id: string;
  code: string;
  name: string;
  description: string;
  permissions: string[];
}

/** null when the code is taken. */
export async function insertRole(tx: Tx, role: NewRole): Promise<RoleRecord | null> {
  const { rows } = await tx.client.query<RoleRecord>(
    `INSERT INTO roles (id, code, name, description, permissions, system) VALUES ($1, $2, $3, $4, $5, false)
     ON CONFLICT (code) DO NOTHING RETURNING ${COLUMNS}`,
    [role.id, role.code, role.name, role.description, role.permissions],
  );
  return rows[0] ?? null;
}

export interface RolePatch {
  name?: string | undefined;
  description?: string | undefined;
  permissions?: string[] | undefined;
}

/** Custom roles only; null when the version no longer matches. */
export async function updateRole(tx: Tx, id: string, version: number, patch: RolePatch): Promise<RoleRecord | null> {
  const { rows } = await tx.client.query<RoleRecord>(
    `UPDATE roles SET name = coalesce($3, name), description = coalesce($4, description), permissions = coalesce($5, permissions),
       version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2 AND NOT system RETURNING ${COLUMNS}`,
    [id, version, patch.name ?? null, patch.description ?? null, patch.permissions ?? null],
  );
  return rows[0] ?? null;
}
