import type { Tx } from '../../../../platform/db/index.js';
import type { Collection, CollectionPatch } from './collections.schema.js';

interface CollectionRow {
  id: string;
  entity_id: string;
  name: string;
  description: string | null;
  visibility: Collection['visibility'];
  document_count: string | number;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const SELECT = `SELECT c.id, c.entity_id, c.name, c.description, c.visibility, c.version, c.created_at, c.updated_at,
  (SELECT count(*) FROM ai_sources s WHERE s.collection_id = c.id) AS document_count
  FROM ai_collections c`;

function toCollection(row: CollectionRow): Collection {
  return {
    id: row.id,
    entityId: row.entity_id,
    name: row.name,
    description: row.description,
    visibility: row.visibility,
    documentCount: Number(row.document_count),
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Collections visible under the transaction's scope (RLS: the caller's entity subtrees). */
export async function listCollectionRows(tx: Tx): Promise<Collection[]> {
  const { rows } = await tx.client.query<CollectionRow>(`${SELECT} ORDER BY c.name, c.id LIMIT 1000`);
  return rows.map(toCollection);
}

export async function findCollection(tx: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<Collection | null> {
  const { rows } = await tx.client.query<CollectionRow>(`${SELECT} WHERE c.id = $1${options.forUpdate ? ' FOR UPDATE OF c' : ''}`, [id]);
  return rows[0] ? toCollection(rows[0]) : null;
}

export async function insertCollection(tx: Tx, row: { id: string; entityId: string; name: string; description: string | null; visibility: Collection['visibility'] }): Promise<void> {
  await tx.client.query(`INSERT INTO ai_collections (id, entity_id, name, description, visibility) VALUES ($1, $2, $3, $4, $5)`, [
    row.id,
    row.entityId,
    row.name,
    row.description,
    row.visibility,
  ]);
}

export async function updateCollectionRow(tx: Tx, id: string, patch: CollectionPatch): Promise<void> {
  await tx.client.query(
    `UPDATE ai_collections SET name = coalesce($2, name), description = CASE WHEN $3::boolean THEN $4 ELSE description END,
       visibility = coalesce($5, visibility), version = version + 1, updated_at = now() WHERE id = $1`,
    [id, patch.name ?? null, patch.description !== undefined, patch.description ?? null, patch.visibility ?? null],
  );
}

export async function deleteCollectionRow(tx: Tx, id: string): Promise<void> {
  await tx.client.query(`DELETE FROM ai_collections WHERE id = $1`, [id]);
}
