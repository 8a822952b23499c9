import type { Database } from '../../../platform/db/index.js';
import { loadDocuments, type JsonLinesDocument } from '../knowledge/index.js';
import type { SourceVisibility } from '../retrieval/index.js';

export { parseJsonLines, type JsonLinesDocument } from '../knowledge/index.js';

export interface LoadedCollection {
  collectionId: string;
  /** Source id → the document's external ref (its `id` in the JSON Lines). */
  refs: Map<string, string>;
}

/**
 * Creates (or reuses, by name) a knowledge collection of the entity with these documents and indexes
 * them at once, through the knowledge module's public loader (seed and evaluation: no HTTP, no bus).
 */
export async function loadCollection(
  database: Database,
  input: { entityId: string; name: string; description?: string; visibility: SourceVisibility; fileName: string; documents: readonly JsonLinesDocument[] },
): Promise<LoadedCollection> {
  const loaded = await loadDocuments(database, { ...input, documents: [...input.documents] });
  return { collectionId: loaded.collectionId, refs: loaded.refs };
}
