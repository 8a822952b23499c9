import { newId, withTransaction, type Database } from '../../../../platform/db/index.js';
import { sha256 } from '../chunking/chunk-text.js';
import type { JsonLinesDocument } from '../extraction/json-lines.js';
import { indexSources } from '../indexing/index-sources.js';
import type { SourceVisibility } from '../knowledge.tables.js';
import { upsertDocumentSource } from './sources.repository.js';

export interface LoadDocumentsInput {
  entityId: string;
  /** The collection's name: an existing collection of the entity with that name is reused. */
  name: string;
  description?: string;
  visibility: SourceVisibility;
  fileName: string;
  documents: readonly JsonLinesDocument[];
}

export interface LoadedDocuments {
  collectionId: string;
  sourceIds: string[];
  /** Source id → the document's external ref (its `id` in the JSON Lines). */
  refs: Map<string, string>;
}

/**
 * Loads documents into a collection of the entity and indexes them at once, as the system (demo
 * seed, evaluation, tests: no HTTP, no bus). Idempotent: documents are matched by external ref,
 * unchanged ones are not re-indexed.
 */
export async function loadDocuments(database: Database, input: LoadDocumentsInput): Promise<LoadedDocuments> {
  const loaded = await withTransaction(database, { kind: 'system' }, async (tx) => {
    const existing = await tx.client.query<{ id: string }>('SELECT id FROM ai_collections WHERE entity_id = $1 AND name = $2 ORDER BY id LIMIT 1', [input.entityId, input.name]);
    const collectionId = existing.rows[0]?.id ?? newId();
    if (!existing.rows[0]) {
      await tx.client.query('INSERT INTO ai_collections (id, entity_id, name, description, visibility) VALUES ($1, $2, $3, $4, $5)', [
        collectionId,
        input.entityId,
        input.name,
        input.description ?? null,
        input.visibility,
      ]);
    }
    const sourceIds: string[] = [];
    const refs = new Map<string, string>();
    for (const document of input.documents) {
      const { id } = await upsertDocumentSource(tx, {
        id: newId(),
        entityId: input.entityId,
        collectionId,
        title: document.title,
        heading: document.heading,
        url: document.url,
        externalRef: document.externalRef,
        externalVersion: document.version,
        fileName: input.fileName,
        mimeType: 'application/jsonl',
        visibility: input.visibility,
        text: document.text,
        contentHash: sha256(document.text),
      });
      sourceIds.push(id);
      refs.set(id, document.externalRef);
    }
    return { collectionId, sourceIds, refs };
  });
  await indexSources(database, loaded.sourceIds);
  return loaded;
}
