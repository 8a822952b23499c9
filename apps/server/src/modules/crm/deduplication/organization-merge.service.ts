import { recordAudit } from '../../../platform/audit/index.js';
import { withTransaction, type Database } from '../../../platform/db/index.js';
import { ForbiddenError, NotFoundError } from '../../../platform/http/errors.js';
import type { MergeResult } from './duplicates.schema.js';
import { assertNoUnhandledReferences, assertSurvivorNotMerged, assertWithinReach } from './merge-guards.js';
import {
  bumpSurvivor,
  deleteOrganizations,
  facetEntityIds,
  linkEntityIds,
  lockOrganizations,
  moveFacetsOf,
  ORGANIZATION_FACET_TABLES,
  organizationSnapshot,
} from './organization-merge.repository.js';
import { organizationMergeSteps } from './merge-steps.js';
import { MERGE_PERMISSIONS } from './permissions.js';
import type { MergeActor } from './person-merge.service.js';

const ACROSS_BRANCHES =
  "Ces entreprises sont suivies par des structures que vous n'administrez pas : seul un administrateur national (ou de toutes ces structures) peut les fusionner.";

/**
 * Merges duplicate companies into the survivor in one transaction. Company identities are network-wide,
 * so the caller must follow every company involved (as for editing an identity) and reach every row
 * the merge rewrites: links, affiliations and interactions of every branch. Companies followed by
 * branches beyond the caller's reach therefore need a national admin.
 */
export async function mergeOrganizations(database: Database, actor: MergeActor, survivorId: string, duplicateIds: readonly string[]): Promise<MergeResult> {
  assertSurvivorNotMerged(survivorId, duplicateIds);
  const all = [survivorId, ...duplicateIds];
  const reach = actor.principal.entityIdsFor(MERGE_PERMISSIONS.merge);
  return withTransaction(database, { kind: 'system' }, async (tx) => {
    const locked = new Map((await lockOrganizations(tx, all)).map((organization) => [organization.id, organization]));
    if (all.some((id) => !locked.has(id))) throw new NotFoundError('Organization');
    const links = await linkEntityIds(tx, all);
    if (all.some((id) => ![...links.get(id)!].some((entityId) => reach.has(entityId)))) {
      throw new ForbiddenError('Link every company to one of your entities before merging them.', 'organization_not_linked');
    }
    assertWithinReach(actor.principal, [...[...links.values()].flatMap((entities) => [...entities]), ...(await facetEntityIds(tx, duplicateIds))], ACROSS_BRANCHES);

    const moved: Record<string, number> = { links: 0, affiliations: 0, interactions: 0 };
    for (const id of duplicateIds) {
      const snapshot = await organizationSnapshot(tx, locked.get(id)!);
      for (const [facet, count] of Object.entries(await moveFacetsOf(tx, survivorId, id))) moved[facet] = (moved[facet] ?? 0) + count;
      await recordAudit(tx, {
        action: 'crm.organization.merged',
        resourceType: 'organization',
        resourceId: id,
        entityId: null,
        before: snapshot,
        after: { mergedInto: survivorId },
        actor: actor.audit,
      });
    }
    const otherModules = organizationMergeSteps();
    for (const step of otherModules) moved[step.table] = await step.move(tx, survivorId, duplicateIds);
    await bumpSurvivor(tx, survivorId);
    await assertNoUnhandledReferences(tx, 'organizations', [...ORGANIZATION_FACET_TABLES, ...otherModules.map((step) => step.table)], duplicateIds);
    await recordAudit(tx, {
      action: 'crm.organization.merge_survived',
      resourceType: 'organization',
      resourceId: survivorId,
      entityId: null,
      after: { absorbed: [...duplicateIds], moved },
      actor: actor.audit,
    });
    await deleteOrganizations(tx, duplicateIds);
    return { survivorId, mergedIds: [...duplicateIds], moved };
  });
}
