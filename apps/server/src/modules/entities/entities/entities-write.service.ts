import { recordAudit, type AuditActor } from '../../../platform/audit/index.js';
import type { Principal } from '../../../platform/auth/index.js';
import { newId, withTransaction, type Database, type Tx } from '../../../platform/db/index.js';
import { refreshTreePathsStatistics } from '../../../platform/tenancy/tree-paths-statistics.js';
import { ConflictError, ForbiddenError, NotFoundError, PreconditionFailedError, ValidationError } from '../../../platform/http/errors.js';
import {
  codeExists,
  fieldsOf,
  findEntityById,
  findNationalEntityId,
  insertEntity,
  isWithinRoots,
  updateEntityFields,
  updateEntityParent,
} from './entities.repository.js';
import type { CreateEntity, Entity, EntityPatch } from './entities.schema.js';
import { applyEntityPatch, assertValidFields } from './entity-patch.js';
import { ENTITY_PERMISSIONS } from './permissions.js';

export interface EntityWriteDeps {
  database: Database;
  /** The shared tree snapshot (scopes, permissions): dropped after every committed change. */
  entityTree: { invalidate(): void };
}

/** After a commit that added or moved entities: the cached tree is stale, the closure table's statistics too. */
function treeChanged(deps: EntityWriteDeps): void {
  deps.entityTree.invalidate();
  // Best effort: until it runs, probes read the closure table's new rows from the heap.
  refreshTreePathsStatistics(deps.database).catch(() => undefined);
}

export interface EntityActor {
  principal: Principal;
  audit: AuditActor;
}

/** `*` (any version) or the version the client read, taken from If-Match. */
export type ExpectedVersion = number | '*';

const AUDITED_RESOURCE = 'entity';

function scopeFor(actor: EntityActor, permission: string) {
  return { kind: 'entities' as const, entityRoots: actor.principal.rootsFor(permission), userId: actor.principal.userId };
}

/**
 * Updates name, legal identity, address or contact. Allowed on the entities of the caller's
 * subtree(s) for `entities.update`; anything else is "not found", so other branches do not leak.
 */
export async function updateEntity(deps: EntityWriteDeps, actor: EntityActor, id: string, expected: ExpectedVersion, patch: EntityPatch): Promise<Entity> {
  const permission = ENTITY_PERMISSIONS.update;
  return withTransaction(deps.database, scopeFor(actor, permission), async (tx) => {
    if (!(await isWithinRoots(tx, id, actor.principal.rootsFor(permission)))) throw new NotFoundError('Entity');
    const current = await findEntityById(tx, id, { forUpdate: true });
    if (!current) throw new NotFoundError('Entity');
    if (expected !== '*' && expected !== current.version) throw new PreconditionFailedError();
    const updated = await updateEntityFields(tx, id, current.version, applyEntityPatch(current, patch));
    if (!updated) throw new PreconditionFailedError();
    await recordAudit(tx, {
      action: 'entities.entity.updated',
      resourceType: AUDITED_RESOURCE,
      resourceId: id,
      entityId: id,
      before: { ...fieldsOf(current) },
      after: { ...fieldsOf(updated) },
      actor: actor.audit,
    });
    tx.afterCommit(() => deps.entityTree.invalidate());
    return updated;
  });
}

/** Creates an entity anywhere in the tree: national administrators only. */
export async function createEntity(deps: EntityWriteDeps, actor: EntityActor, input: CreateEntity): Promise<Entity> {
  return withTransaction(deps.database, scopeFor(actor, ENTITY_PERMISSIONS.manage), async (tx) => {
    await requireNationalManager(tx, actor);
    if (!(await findEntityById(tx, input.parentId))) {
      throw new ValidationError([{ pointer: '/parentId', message: 'Aucune entité ne porte cet identifiant.' }]);
    }
    if (await codeExists(tx, input.code)) {
      throw new ConflictError(`The code "${input.code}" is already used by another entity.`, 'entity_code_taken', [
        { pointer: '/code', message: 'Ce code est déjà utilisé par une autre entité.' },
      ]);
    }
    const fields = {
      name: input.name.trim(),
      siren: input.legalIdentity?.siren ?? null,
      legalName: input.legalIdentity?.legalName ?? null,
      addressLine: input.address?.line ?? null,
      postalCode: input.address?.postalCode ?? null,
      city: input.address?.city ?? null,
      email: input.contact?.email ?? null,
      phone: input.contact?.phone ?? null,
    };
    assertValidFields(fields);
    const created = await insertEntity(tx, { ...fields, id: newId(), kind: input.kind, code: input.code, parentId: input.parentId, inseeCode: input.inseeCode ?? null });
    await recordAudit(tx, {
      action: 'entities.entity.created',
      resourceType: AUDITED_RESOURCE,
      resourceId: created.id,
      entityId: created.id,
      after: { kind: created.kind, code: created.code, parentId: created.parentId, ...fieldsOf(created) },
      actor: actor.audit,
    });
    tx.afterCommit(() => treeChanged(deps));
    return created;
  });
}

/** Moves an entity and its whole subtree under another parent: national administrators only. */
export async function moveEntity(deps: EntityWriteDeps, actor: EntityActor, id: string, parentId: string): Promise<Entity> {
  return withTransaction(deps.database, scopeFor(actor, ENTITY_PERMISSIONS.manage), async (tx) => {
    await requireNationalManager(tx, actor);
    const entity = await findEntityById(tx, id, { forUpdate: true });
    if (!entity) throw new NotFoundError('Entity');
    if (entity.kind === 'national') {
      throw new ConflictError('The national office is the root of the network: it cannot be moved.', 'entity_root_immovable');
    }
    const parent = await findEntityById(tx, parentId);
    if (!parent) throw new ValidationError([{ pointer: '/parentId', message: 'Aucune entité ne porte cet identifiant.' }]);
    if (parent.id === entity.id || (await isWithinRoots(tx, parent.id, [entity.id]))) {
      throw new ConflictError(
        `« ${entity.name} » cannot be moved under « ${parent.name} », which belongs to its own subtree: the tree would contain a cycle.`,
        'entity_move_cycle',
        [{ pointer: '/parentId', message: 'Impossible : c\'est l\'entité déplacée elle-même ou l\'une de ses sous-entités.' }],
      );
    }
    if (entity.parentId === parent.id) return entity;
    const moved = await updateEntityParent(tx, id, parent.id);
    await recordAudit(tx, {
      action: 'entities.entity.moved',
      resourceType: AUDITED_RESOURCE,
      resourceId: id,
      entityId: id,
      before: { parentId: entity.parentId },
      after: { parentId: moved.parentId },
      actor: actor.audit,
    });
    tx.afterCommit(() => treeChanged(deps));
    return moved;
  });
}

/** Restructuring the network is for whoever holds `entities.manage` on the national office itself. */
async function requireNationalManager(tx: Tx, actor: EntityActor): Promise<void> {
  const nationalId = await findNationalEntityId(tx);
  if (!nationalId || !actor.principal.rootsFor(ENTITY_PERMISSIONS.manage).includes(nationalId)) {
    throw new ForbiddenError('Only national administrators may create or move entities of the network.', 'entities_national_only');
  }
}
