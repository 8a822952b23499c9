import { recordAudit } from '../../../../platform/audit/index.js';
import { newId, withTransaction, type Tx } from '../../../../platform/db/index.js';
import { NotFoundError } from '../../../../platform/http/errors.js';
import type { MessageBus } from '../../../../platform/bus/index.js';
import type { SourceVisibility } from '../knowledge.tables.js';
import { sha256 } from '../chunking/chunk-text.js';
import { findCollection } from '../collections/collections.repository.js';
import { IndexSources, SOURCES_PER_JOB } from '../indexing/index-sources.js';
import { scopeOf, type KnowledgeActor, type KnowledgeDeps } from '../knowledge-actor.js';
import { AI_PERMISSIONS } from '../permissions.js';
import type { KnowledgeDocument, UploadResult } from './documents.schema.js';
import { extractUpload, type UploadedFile } from './extract-upload.js';
import {
  countDocumentsByStatus,
  deleteSourceRow,
  documentsByIds,
  findDocument,
  listDocumentRows,
  markSourcesPending,
  upsertDocumentSource,
} from './sources.repository.js';

/** Queues the indexing of sources, by batches, inside the caller's transaction. */
export async function queueIndexing(tx: Tx, bus: MessageBus, sourceIds: readonly string[]): Promise<void> {
  for (let index = 0; index < sourceIds.length; index += SOURCES_PER_JOB) {
    await bus.send(tx, IndexSources, { sourceIds: sourceIds.slice(index, index + SOURCES_PER_JOB) });
  }
}

export async function uploadDocuments(
  deps: KnowledgeDeps,
  actor: KnowledgeActor,
  collectionId: string,
  file: UploadedFile,
  options: { title: string | null; visibility: SourceVisibility | null },
): Promise<UploadResult> {
  // Extraction (CPU, maybe seconds) happens before the transaction opens.
  const extracted = await extractUpload(file, options.title);
  return withTransaction(deps.database, scopeOf(actor), async (tx) => {
    const collection = await findCollection(tx, collectionId);
    if (!collection) throw new NotFoundError('Collection');
    const counts = { created: 0, updated: 0, unchanged: 0 };
    const touched: string[] = [];
    for (const document of extracted) {
      const { id, outcome } = await upsertDocumentSource(tx, {
        id: newId(),
        entityId: collection.entityId,
        collectionId,
        title: document.title,
        heading: document.heading,
        url: document.url,
        externalRef: document.externalRef,
        externalVersion: document.externalVersion,
        fileName: file.fileName,
        mimeType: file.mimeType,
        visibility: options.visibility ?? collection.visibility,
        text: document.text,
        contentHash: sha256(document.text),
      });
      counts[outcome] += 1;
      if (outcome !== 'unchanged') touched.push(id);
    }
    await queueIndexing(tx, deps.bus, touched);
    await recordAudit(tx, {
      action: 'ai.document.uploaded',
      resourceType: 'ai_collection',
      resourceId: collectionId,
      entityId: collection.entityId,
      after: { fileName: file.fileName, ...counts },
      actor: actor.audit,
    });
    return { items: await documentsByIds(tx, touched.slice(0, 100)), ...counts };
  });
}

export async function listDocuments(
  deps: KnowledgeDeps,
  actor: KnowledgeActor,
  collectionId: string,
  query: { status?: KnowledgeDocument['status'] | undefined; after?: string | undefined; limit?: number | undefined },
) {
  return withTransaction(
    deps.database,
    scopeOf(actor, AI_PERMISSIONS.knowledgeRead),
    async (tx) => {
      if (!(await findCollection(tx, collectionId))) throw new NotFoundError('Collection');
      const limit = query.limit ?? 100;
      const items = await listDocumentRows(tx, collectionId, { status: query.status, after: query.after, limit });
      const counts = await countDocumentsByStatus(tx, collectionId);
      return { items, nextCursor: items.length === limit ? items[items.length - 1]!.id : null, counts };
    },
    { readOnly: true },
  );
}

export async function getDocument(deps: KnowledgeDeps, actor: KnowledgeActor, id: string) {
  const found = await withTransaction(deps.database, scopeOf(actor, AI_PERMISSIONS.knowledgeRead), (tx) => findDocument(tx, id), { readOnly: true });
  if (!found) throw new NotFoundError('Document');
  const { text, ...document } = found;
  return { document, text };
}

export async function reindexDocument(deps: KnowledgeDeps, actor: KnowledgeActor, id: string): Promise<KnowledgeDocument> {
  return withTransaction(deps.database, scopeOf(actor), async (tx) => {
    const found = await findDocument(tx, id, { forUpdate: true });
    if (!found) throw new NotFoundError('Document');
    await markSourcesPending(tx, [id]);
    await queueIndexing(tx, deps.bus, [id]);
    await recordAudit(tx, { action: 'ai.document.reindexed', resourceType: 'ai_document', resourceId: id, entityId: found.entityId, actor: actor.audit });
    return (await documentsByIds(tx, [id]))[0]!;
  });
}

/** Re-indexes every document of a collection (after a change of the chunking rules, say). */
export async function reindexCollection(deps: KnowledgeDeps, actor: KnowledgeActor, collectionId: string): Promise<{ queued: number }> {
  return withTransaction(deps.database, scopeOf(actor), async (tx) => {
    const collection = await findCollection(tx, collectionId, { forUpdate: true });
    if (!collection) throw new NotFoundError('Collection');
    const { rows } = await tx.client.query<{ id: string }>(`SELECT id FROM ai_sources WHERE collection_id = $1 ORDER BY id`, [collectionId]);
    const ids = rows.map((row) => row.id);
    await markSourcesPending(tx, ids);
    await queueIndexing(tx, deps.bus, ids);
    await recordAudit(tx, { action: 'ai.collection.reindexed', resourceType: 'ai_collection', resourceId: collectionId, entityId: collection.entityId, after: { queued: ids.length }, actor: actor.audit });
    return { queued: ids.length };
  });
}

/** Deletes a document; its chunks go with it (cascade), so it stops being retrieved at once. */
export async function deleteDocument(deps: KnowledgeDeps, actor: KnowledgeActor, id: string): Promise<void> {
  await withTransaction(deps.database, scopeOf(actor), async (tx) => {
    const found = await findDocument(tx, id, { forUpdate: true });
    if (!found) throw new NotFoundError('Document');
    await deleteSourceRow(tx, id);
    await recordAudit(tx, {
      action: 'ai.document.deleted',
      resourceType: 'ai_document',
      resourceId: id,
      entityId: found.entityId,
      before: { title: found.title, collectionId: found.collectionId, contentHash: found.contentHash },
      actor: actor.audit,
    });
  });
}
