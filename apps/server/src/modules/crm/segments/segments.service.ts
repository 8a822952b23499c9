import { recordAudit } from '../../../platform/audit/index.js';
import { newId, withTransaction, type Database, type DbScope, type Tx } from '../../../platform/db/index.js';
import type { CollectionQuery } from '../../../platform/http/collection.js';
import type { CollectionPage } from '../../../platform/http/collection-sql.js';
import { ConflictError, NotFoundError, PreconditionFailedError } from '../../../platform/http/errors.js';
import { applyMergePatch } from '../../../platform/http/merge-patch.js';
import { owningEntity } from '../ownership/owning-entity.js';
import { validateSegmentFilter } from './segment-filter.js';
import { SEGMENT_TARGET_SPECS, type SegmentActor } from './segment-targets.js';
import { deleteSegment, fetchSegmentPage, findSegment, insertSegment, updateSegment } from './segments.repository.js';
import type { CreateSegment, Segment, SegmentPatch } from './segments.schema.js';
import { SEGMENT_PERMISSIONS } from './permissions.js';


function writeScope(actor: SegmentActor): DbScope {
  return { kind: 'entities', entityRoots: actor.principal.rootsFor(SEGMENT_PERMISSIONS.write), userId: actor.principal.userId };
}

export async function listSegments(database: Database, scope: DbScope, query: CollectionQuery): Promise<CollectionPage<Segment>> {
  return withTransaction(database, scope, (tx) => fetchSegmentPage(tx, query), { readOnly: true });
}

export async function getSegment(database: Database, scope: DbScope, id: string): Promise<Segment> {
  return withTransaction(database, scope, (tx) => requireSegment(tx, id), { readOnly: true });
}

export async function requireSegment(tx: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<Segment> {
  const segment = await findSegment(tx, id, options);
  if (!segment) throw new NotFoundError('Segment');
  return segment;
}

export async function createSegment(database: Database, actor: SegmentActor, input: CreateSegment): Promise<Segment> {
  const entityId = owningEntity(actor.principal, SEGMENT_PERMISSIONS.write, input.entityId);
  const filter = validateSegmentFilter(SEGMENT_TARGET_SPECS[input.target], input.filter);
  return withTransaction(database, writeScope(actor), async (tx) => {
    const segment = await nameTaken(() =>
      insertSegment(tx, { id: newId(), entityId, name: input.name, target: input.target, filter, createdBy: actor.principal.userId }),
    );
    await recordAudit(tx, {
      action: 'crm.segment.created',
      resourceType: 'segment',
      resourceId: segment.id,
      entityId,
      after: { name: segment.name, target: segment.target, filter: segment.filter },
      actor: actor.audit,
    });
    return segment;
  });
}

/** `expected`: the version from If-Match, or `*`. */
export async function patchSegment(database: Database, actor: SegmentActor, id: string, expected: number | '*', patch: SegmentPatch): Promise<Segment> {
  return withTransaction(database, writeScope(actor), async (tx) => {
    const current = await requireSegment(tx, id, { forUpdate: true });
    if (expected !== '*' && expected !== current.version) throw new PreconditionFailedError();
    const filter = patch.filter
      ? validateSegmentFilter(SEGMENT_TARGET_SPECS[current.target], applyMergePatch(current.filter, patch.filter))
      : current.filter;
    const updated = await nameTaken(() => updateSegment(tx, id, current.version, { name: patch.name ?? current.name, filter }));
    if (!updated) throw new PreconditionFailedError();
    await recordAudit(tx, {
      action: 'crm.segment.updated',
      resourceType: 'segment',
      resourceId: id,
      entityId: current.entityId,
      before: { name: current.name, filter: current.filter },
      after: { name: updated.name, filter: updated.filter },
      actor: actor.audit,
    });
    return updated;
  });
}

export async function removeSegment(database: Database, actor: SegmentActor, id: string): Promise<void> {
  await withTransaction(database, writeScope(actor), async (tx) => {
    const current = await requireSegment(tx, id, { forUpdate: true });
    await deleteSegment(tx, id);
    await recordAudit(tx, {
      action: 'crm.segment.deleted',
      resourceType: 'segment',
      resourceId: id,
      entityId: current.entityId,
      before: { name: current.name, target: current.target, filter: current.filter },
      actor: actor.audit,
    });
  });
}

/** The (entity, name) unique constraint, as a 409 pointing at the name. */
async function nameTaken<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    // Drizzle wraps the driver's error (DrizzleQueryError) and keeps it as `cause`.
    const code = (error as { code?: string }).code ?? ((error as { cause?: { code?: string } }).cause?.code);
    if (code === '23505') {
      throw new ConflictError('A segment with this name already exists in this entity.', 'segment_name_taken', [
        { pointer: '/name', message: 'Un segment porte déjà ce nom dans cette structure.' },
      ]);
    }
    throw error;
  }
}
