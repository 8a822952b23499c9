import { recordAudit, type AuditActor } from '../../../platform/audit/index.js';
import type { Principal } from '../../../platform/auth/index.js';
import { withTransaction, type Database } from '../../../platform/db/index.js';
import { ConflictError, NotFoundError, UnprocessableError } from '../../../platform/http/errors.js';
import type { MergeResult } from './duplicates.schema.js';
import { assertNoUnhandledReferences, assertSurvivorNotMerged, assertWithinReach } from './merge-guards.js';
import { personMergeSteps } from './merge-steps.js';
import { MERGE_PERMISSIONS } from './permissions.js';
import { deletePersons, facetEntityIds, lockPersons, moveFacets, PERSON_FACET_TABLES, personSnapshot, updateSurvivor } from './person-merge.repository.js';

export interface MergeActor {
  principal: Principal;
  audit: AuditActor;
}

const OUT_OF_REACH =
  "Certaines données de ces contacts appartiennent à une structure que vous n'administrez pas : demandez la fusion à un administrateur de cette structure ou à un administrateur national.";

/**
 * Merges duplicates into the survivor in one transaction: facets moved, one audit event per merged
 * person holding its complete snapshot, then the duplicates deleted. Any failure leaves everything
 * as it was. Persons outside the caller's reach are "not found", as everywhere else.
 */
export async function mergePersons(database: Database, actor: MergeActor, survivorId: string, duplicateIds: readonly string[]): Promise<MergeResult> {
  assertSurvivorNotMerged(survivorId, duplicateIds);
  const reach = actor.principal.entityIdsFor(MERGE_PERMISSIONS.merge);
  return withTransaction(database, { kind: 'system' }, async (tx) => {
    const locked = await lockPersons(tx, [survivorId, ...duplicateIds]);
    const byId = new Map(locked.filter((person) => reach.has(person.entity_id)).map((person) => [person.id, person]));
    const survivor = byId.get(survivorId);
    if (!survivor || duplicateIds.some((id) => !byId.has(id))) throw new NotFoundError('Person');
    if (survivor.anonymized_at) {
      throw new UnprocessableError('person_anonymized', 'Person anonymized', 'La fiche conservée a été anonymisée : choisissez une autre fiche à conserver.');
    }
    assertWithinReach(actor.principal, await facetEntityIds(tx, duplicateIds), OUT_OF_REACH);

    const snapshots = new Map<string, Record<string, unknown>>();
    for (const id of duplicateIds) snapshots.set(id, await personSnapshot(tx, byId.get(id)!));
    const moved = await addressConflictAsConflict(() => moveFacets(tx, survivor, duplicateIds));
    const otherModules = personMergeSteps();
    for (const step of otherModules) moved[step.table] = await step.move(tx, survivorId, duplicateIds);
    await updateSurvivor(tx, survivorId, duplicateIds);
    await assertNoUnhandledReferences(tx, 'persons', [...PERSON_FACET_TABLES, ...otherModules.map((step) => step.table)], duplicateIds);
    for (const id of duplicateIds) {
      await recordAudit(tx, {
        action: 'crm.person.merged',
        resourceType: 'person',
        resourceId: id,
        entityId: byId.get(id)!.entity_id,
        before: snapshots.get(id)!,
        after: { mergedInto: survivorId },
        actor: actor.audit,
      });
    }
    await recordAudit(tx, {
      action: 'crm.person.merge_survived',
      resourceType: 'person',
      resourceId: survivorId,
      entityId: survivor.entity_id,
      after: { absorbed: [...duplicateIds], moved },
      actor: actor.audit,
    });
    await deletePersons(tx, duplicateIds);
    return { survivorId, mergedIds: [...duplicateIds], moved };
  });
}

async function addressConflictAsConflict<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if ((error as { code?: string }).code === '23505') {
      throw new ConflictError(
        "An address of a merged person belongs to another person of the survivor's entity.",
        'merge_email_conflict',
        [{ pointer: '/duplicateIds', message: "Une adresse e-mail d'un doublon appartient déjà à un autre contact de la structure de la fiche conservée : fusionnez aussi ce contact ou retirez l'adresse." }],
      );
    }
    throw error;
  }
}
