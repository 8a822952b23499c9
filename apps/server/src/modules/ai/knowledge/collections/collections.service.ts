import { recordAudit } from '../../../../platform/audit/index.js';
import { newId, withTransaction } from '../../../../platform/db/index.js';
import { NotFoundError, PreconditionFailedError, ValidationError } from '../../../../platform/http/errors.js';
import { scopeOf, type KnowledgeActor, type KnowledgeDeps } from '../knowledge-actor.js';
import { AI_PERMISSIONS } from '../permissions.js';
import { setCollectionDocumentsVisibility } from '../documents/sources.repository.js';
import { deleteCollectionRow, findCollection, insertCollection, listCollectionRows, updateCollectionRow } from './collections.repository.js';
import type { Collection, CollectionPatch, CreateCollection } from './collections.schema.js';

const RESOURCE = 'Collection';

export async function listCollections(deps: KnowledgeDeps, actor: KnowledgeActor): Promise<Collection[]> {
  return withTransaction(deps.database, scopeOf(actor, AI_PERMISSIONS.knowledgeRead), (tx) => listCollectionRows(tx), { readOnly: true });
}

export async function getCollection(deps: KnowledgeDeps, actor: KnowledgeActor, id: string): Promise<Collection> {
  const collection = await withTransaction(deps.database, scopeOf(actor, AI_PERMISSIONS.knowledgeRead), (tx) => findCollection(tx, id), { readOnly: true });
  if (!collection) throw new NotFoundError(RESOURCE);
  return collection;
}

export async function createCollection(deps: KnowledgeDeps, actor: KnowledgeActor, input: CreateCollection): Promise<Collection> {
  if (!actor.principal.holdsOn(AI_PERMISSIONS.knowledgeManage, input.entityId)) {
    throw new ValidationError([{ pointer: '/entityId', message: "Vous ne gérez pas les connaissances de cette structure." }]);
  }
  return withTransaction(deps.database, scopeOf(actor), async (tx) => {
    const id = newId();
    await insertCollection(tx, { id, entityId: input.entityId, name: input.name.trim(), description: input.description ?? null, visibility: input.visibility ?? 'staff' });
    const collection = (await findCollection(tx, id))!;
    await recordAudit(tx, { action: 'ai.collection.created', resourceType: 'ai_collection', resourceId: id, entityId: input.entityId, after: { ...collection }, actor: actor.audit });
    return collection;
  });
}

export async function updateCollection(deps: KnowledgeDeps, actor: KnowledgeActor, id: string, expectedVersion: number | '*', patch: CollectionPatch): Promise<Collection> {
  return withTransaction(deps.database, scopeOf(actor), async (tx) => {
    const before = await findCollection(tx, id, { forUpdate: true });
    if (!before) throw new NotFoundError(RESOURCE);
    if (expectedVersion !== '*' && expectedVersion !== before.version) throw new PreconditionFailedError();
    await updateCollectionRow(tx, id, { ...patch, ...(patch.name !== undefined ? { name: patch.name.trim() } : {}) });
    if (patch.visibility && patch.visibility !== before.visibility) await setCollectionDocumentsVisibility(tx, id, patch.visibility);
    const after = (await findCollection(tx, id))!;
    await recordAudit(tx, { action: 'ai.collection.updated', resourceType: 'ai_collection', resourceId: id, entityId: after.entityId, before: { ...before }, after: { ...after }, actor: actor.audit });
    return after;
  });
}

/** Deletes the collection with its documents and their chunks (cascade). */
export async function deleteCollection(deps: KnowledgeDeps, actor: KnowledgeActor, id: string): Promise<void> {
  await withTransaction(deps.database, scopeOf(actor), async (tx) => {
    const before = await findCollection(tx, id, { forUpdate: true });
    if (!before) throw new NotFoundError(RESOURCE);
    await deleteCollectionRow(tx, id);
    await recordAudit(tx, { action: 'ai.collection.deleted', resourceType: 'ai_collection', resourceId: id, entityId: before.entityId, before: { ...before }, actor: actor.audit });
  });
}
