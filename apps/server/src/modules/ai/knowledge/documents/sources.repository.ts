import type { Tx } from '../../../../platform/db/index.js';
import type { SourceVisibility } from '../knowledge.tables.js';
import type { KnowledgeDocument } from './documents.schema.js';

interface SourceRow {
  id: string;
  collection_id: string;
  entity_id: string;
  title: string;
  url: string | null;
  external_ref: string | null;
  external_version: string | null;
  file_name: string | null;
  mime_type: string | null;
  visibility: SourceVisibility;
  status: KnowledgeDocument['status'];
  error: string | null;
  character_count: number;
  chunk_count: number;
  content_hash: string;
  indexed_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `s.id, s.collection_id, s.entity_id, s.title, s.url, s.external_ref, s.external_version, s.file_name, s.mime_type,
  s.visibility, s.status, s.error, length(s.text) AS character_count, s.chunk_count, s.content_hash, s.indexed_at, s.created_at, s.updated_at`;

function toDocument(row: SourceRow): KnowledgeDocument {
  return {
    id: row.id,
    collectionId: row.collection_id,
    entityId: row.entity_id,
    title: row.title,
    url: row.url,
    externalRef: row.external_ref,
    externalVersion: row.external_version,
    fileName: row.file_name,
    mimeType: row.mime_type,
    visibility: row.visibility,
    status: row.status,
    error: row.error,
    characterCount: Number(row.character_count),
    chunkCount: row.chunk_count,
    contentHash: row.content_hash,
    indexedAt: row.indexed_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export interface NewDocumentSource {
  id: string;
  entityId: string;
  collectionId: string;
  title: string;
  heading: string | null;
  url: string | null;
  externalRef: string | null;
  externalVersion: string | null;
  fileName: string | null;
  mimeType: string | null;
  visibility: SourceVisibility;
  text: string;
  contentHash: string;
}

/**
 * Inserts a document, or, for a record with an external ref already in the collection, updates it
 * (a re-uploaded JSON Lines file). `changed` is false when the text, title and link are the same.
 */
export async function upsertDocumentSource(tx: Tx, source: NewDocumentSource): Promise<{ id: string; outcome: 'created' | 'updated' | 'unchanged' }> {
  const values = [
    source.id,
    source.entityId,
    source.collectionId,
    source.title,
    source.heading,
    source.url,
    source.externalRef,
    source.externalVersion,
    source.fileName,
    source.mimeType,
    source.visibility,
    source.text,
    source.contentHash,
  ];
  const insert = `INSERT INTO ai_sources (id, source_id, entity_id, source_type, collection_id, title, heading, url, external_ref, external_version, file_name, mime_type, visibility, text, content_hash)
    VALUES ($1, $1, $2, 'document', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`;
  if (source.externalRef === null) {
    await tx.client.query(insert, values);
    return { id: source.id, outcome: 'created' };
  }
  const { rows } = await tx.client.query<{ id: string; inserted: boolean; changed: boolean }>(
    `${insert}
     ON CONFLICT (collection_id, external_ref) WHERE external_ref IS NOT NULL DO UPDATE SET
       title = excluded.title, heading = excluded.heading, url = excluded.url, visibility = excluded.visibility, external_version = excluded.external_version, file_name = excluded.file_name,
       mime_type = excluded.mime_type, text = excluded.text, content_hash = excluded.content_hash,
       status = CASE WHEN ai_sources.content_hash = excluded.content_hash AND ai_sources.title = excluded.title
         AND ai_sources.heading IS NOT DISTINCT FROM excluded.heading AND ai_sources.visibility = excluded.visibility THEN ai_sources.status ELSE 'pending' END,
       updated_at = now()
     RETURNING id, (xmax = 0) AS inserted, (status = 'pending') AS changed`,
    values,
  );
  const row = rows[0]!;
  return { id: row.id, outcome: row.inserted ? 'created' : row.changed ? 'updated' : 'unchanged' };
}

export async function listDocumentRows(
  tx: Tx,
  collectionId: string,
  options: { status?: KnowledgeDocument['status'] | undefined; after?: string | undefined; limit: number },
): Promise<KnowledgeDocument[]> {
  const { rows } = await tx.client.query<SourceRow>(
    `SELECT ${COLUMNS} FROM ai_sources s
     WHERE s.collection_id = $1 AND ($2::text IS NULL OR s.status = $2) AND ($3::uuid IS NULL OR s.id > $3)
     ORDER BY s.id LIMIT $4`,
    [collectionId, options.status ?? null, options.after ?? null, options.limit],
  );
  return rows.map(toDocument);
}

export async function countDocumentsByStatus(tx: Tx, collectionId: string): Promise<Record<KnowledgeDocument['status'], number>> {
  const { rows } = await tx.client.query<{ status: KnowledgeDocument['status']; count: string }>(
    `SELECT status, count(*) AS count FROM ai_sources WHERE collection_id = $1 GROUP BY status`,
    [collectionId],
  );
  const counts = { pending: 0, indexed: 0, failed: 0 };
  for (const row of rows) counts[row.status] = Number(row.count);
  return counts;
}

export async function documentsByIds(tx: Tx, ids: readonly string[]): Promise<KnowledgeDocument[]> {
  if (ids.length === 0) return [];
  const { rows } = await tx.client.query<SourceRow>(`SELECT ${COLUMNS} FROM ai_sources s WHERE s.id = ANY($1::uuid[]) ORDER BY s.id`, [ids]);
  return rows.map(toDocument);
}

/**
 * A document whose collection the transaction sees: the collection is tenant-only (RLS), so a
 * public document of another branch is not reachable here, only through retrieval.
 */
export async function findDocument(tx: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<(KnowledgeDocument & { text: string }) | null> {
  const { rows } = await tx.client.query<SourceRow & { text: string }>(
    `SELECT ${COLUMNS}, s.text FROM ai_sources s JOIN ai_collections c ON c.id = s.collection_id
     WHERE s.id = $1 AND s.source_type = 'document'${options.forUpdate ? ' FOR UPDATE OF s' : ''}`,
    [id],
  );
  const row = rows[0];
  return row ? { ...toDocument(row), text: row.text } : null;
}

export async function markSourcesPending(tx: Tx, ids: readonly string[]): Promise<void> {
  await tx.client.query(`UPDATE ai_sources SET status = 'pending', indexed_hash = NULL, error = NULL, updated_at = now() WHERE id = ANY($1::uuid[])`, [ids]);
}

export async function deleteSourceRow(tx: Tx, id: string): Promise<void> {
  await tx.client.query(`DELETE FROM ai_sources WHERE id = $1`, [id]);
}

/** A collection's new visibility reaches its documents and their chunks at once. */
export async function setCollectionDocumentsVisibility(tx: Tx, collectionId: string, visibility: SourceVisibility): Promise<void> {
  await tx.client.query(`UPDATE ai_sources SET visibility = $2, updated_at = now() WHERE collection_id = $1`, [collectionId, visibility]);
  await tx.client.query(`UPDATE ai_chunks SET visibility = $2 WHERE source_row_id IN (SELECT id FROM ai_sources WHERE collection_id = $1)`, [collectionId, visibility]);
}
