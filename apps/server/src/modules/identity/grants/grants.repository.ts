import type { Tx } from '../../../platform/db/index.js';

export interface GrantView {
  id: string;
  userId: string;
  role: { id: string; code: string; name: string };
  entity: { id: string; code: string; name: string; kind: string };
  createdAt: Date;
}

const COLUMNS = `g.id, g.user_id AS "userId", g.created_at AS "createdAt",
    json_build_object('id', r.id, 'code', r.code, 'name', r.name) AS role,
    json_build_object('id', e.id, 'code', e.code, 'name', e.name, 'kind', e.kind) AS entity`;
const FROM = `FROM grants g JOIN roles r ON r.id = g.role_id JOIN entities e ON e.id = g.entity_id`;
const VIEW = `SELECT ${COLUMNS} ${FROM}`;

/** RLS shows only the grants on entities within the transaction's scope. */
export async function listGrantsOfUser(tx: Tx, userId: string): Promise<GrantView[]> {
  const { rows } = await tx.client.query<GrantView>(`${VIEW} WHERE g.user_id = $1 ORDER BY e.code, r.code`, [userId]);
  return rows;
}

export async function findGrant(tx: Tx, userId: string, grantId: string): Promise<(GrantView & { permissions: string[] }) | null> {
  const { rows } = await tx.client.query<GrantView & { permissions: string[] }>(
    `SELECT ${COLUMNS}, r.permissions ${FROM} WHERE g.user_id = $1 AND g.id = $2`,
    [userId, grantId],
  );
  return rows[0] ?? null;
}

export interface NewGrant {
  id: string;
  userId: string;
  roleId: string;
  entityId: string;
  createdBy: string | null;
}

/** null when the user already holds this role on this entity. */
export async function insertGrant(tx: Tx, grant: NewGrant): Promise<GrantView | null> {
  const { rowCount } = await tx.client.query(
    `INSERT INTO grants (id, user_id, role_id, entity_id, created_by) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (user_id, role_id, entity_id) DO NOTHING`,
    [grant.id, grant.userId, grant.roleId, grant.entityId, grant.createdBy],
  );
  if (rowCount !== 1) return null;
  const { rows } = await tx.client.query<GrantView>(`${VIEW} WHERE g.id = $1`, [grant.id]);
  return rows[0]!;
}

export async function deleteGrant(tx: Tx, grantId: string): Promise<void> {
  await tx.client.query(`DELETE FROM grants WHERE id = $1`, [grantId]);
}
