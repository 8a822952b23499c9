import { recordAudit, type AuditActor } from '../../../platform/audit/index.js';
import type { Principal } from '../../../platform/auth/index.js';
import { withTransaction, type Database, type DbScope, type Tx } from '../../../platform/db/index.js';
import type { CollectionQuery } from '../../../platform/http/collection.js';
import type { CollectionPage } from '../../../platform/http/collection-sql.js';
import { NotFoundError, PreconditionFailedError } from '../../../platform/http/errors.js';
import { owningEntity } from '../ownership/owning-entity.js';
import type { CreateInteraction, Interaction, InteractionPatch } from './interactions.schema.js';
import { deleteInteraction, fetchInteractionPage, findInteraction, ofOrganization, ofPerson, updateInteraction } from './interactions.repository.js';
import { INTERACTION_PERMISSIONS } from './permissions.js';
import { organizationExists, personIsVisible, recordInteraction, touchLastInteraction } from './record-interaction.js';
import { sanitizeBody } from './sanitize-body.js';

export interface InteractionActor {
  principal: Principal;
  audit: AuditActor;
}

function writeScope(actor: InteractionActor): DbScope {
  return { kind: 'entities', entityRoots: actor.principal.rootsFor(INTERACTION_PERMISSIONS.write), userId: actor.principal.userId };
}

/**
 * What the audit trail keeps of an interaction: the facts, not its text. The subject often names
 * people: it goes under `personalData`, masked by the trail (ADR 0009), and the body is left out.
 */
function auditedFields(interaction: Interaction): Record<string, unknown> {
  return {
    kind: interaction.kind,
    occurredAt: interaction.occurredAt,
    organizationId: interaction.organizationId,
    personId: interaction.personId,
    personalData: { subject: interaction.subject, bodyLength: interaction.bodyHtml?.length ?? 0 },
  };
}

export async function createInteraction(database: Database, actor: InteractionActor, input: CreateInteraction): Promise<Interaction> {
  // With a contact, the interaction belongs to the contact's entity (checked in recordInteraction).
  const entityId = input.personId ? input.entityId : owningEntity(actor.principal, INTERACTION_PERMISSIONS.write, input.entityId);
  return withTransaction(database, writeScope(actor), async (tx) => {
    const interaction = await recordInteraction(tx, { ...input, entityId, authorUserId: actor.principal.userId });
    await recordAudit(tx, {
      action: 'crm.interaction.created',
      resourceType: 'interaction',
      resourceId: interaction.id,
      entityId: interaction.entityId,
      after: auditedFields(interaction),
      actor: actor.audit,
    });
    return interaction;
  });
}

export async function getInteraction(database: Database, scope: DbScope, id: string): Promise<Interaction> {
  return withTransaction(database, scope, (tx) => requireInteraction(tx, id), { readOnly: true });
}

export async function listInteractions(database: Database, scope: DbScope, query: CollectionQuery): Promise<CollectionPage<Interaction>> {
  return withTransaction(database, scope, (tx) => fetchInteractionPage(tx, query), { readOnly: true });
}

/** A company's timeline: the company is public (404 only if it does not exist), its entries are the caller's entities' only. */
export async function organizationTimeline(database: Database, scope: DbScope, organizationId: string, query: CollectionQuery): Promise<CollectionPage<Interaction>> {
  return withTransaction(
    database,
    scope,
    async (tx) => {
      if (!(await organizationExists(tx, organizationId))) throw new NotFoundError('Organization');
      return fetchInteractionPage(tx, query, ofOrganization(organizationId));
    },
    { readOnly: true },
  );
}

/** A contact's timeline: 404 for a contact of another branch, as for the contact itself. */
export async function personTimeline(database: Database, scope: DbScope, personId: string, query: CollectionQuery): Promise<CollectionPage<Interaction>> {
  return withTransaction(
    database,
    scope,
    async (tx) => {
      if (!(await personIsVisible(tx, personId))) throw new NotFoundError('Person');
      return fetchInteractionPage(tx, query, ofPerson(personId));
    },
    { readOnly: true },
  );
}

export async function patchInteraction(
  database: Database,
  actor: InteractionActor,
  id: string,
  expected: number | '*',
  patch: InteractionPatch,
): Promise<Interaction> {
  return withTransaction(database, writeScope(actor), async (tx) => {
    const current = await requireInteraction(tx, id, { forUpdate: true });
    if (expected !== '*' && expected !== current.version) throw new PreconditionFailedError();
    const updated = await updateInteraction(tx, id, current.version, {
      kind: patch.kind ?? current.kind,
      occurredAt: patch.occurredAt ?? current.occurredAt,
      subject: patch.subject ?? current.subject,
      bodyHtml: patch.bodyHtml === undefined ? current.bodyHtml : sanitizeBody(patch.bodyHtml),
    });
    if (!updated) throw new PreconditionFailedError();
    if (updated.personId && patch.occurredAt) await touchLastInteraction(tx, updated.personId, updated.occurredAt);
    await recordAudit(tx, {
      action: 'crm.interaction.updated',
      resourceType: 'interaction',
      resourceId: id,
      entityId: current.entityId,
      before: auditedFields(current),
      after: auditedFields(updated),
      actor: actor.audit,
    });
    return updated;
  });
}

export async function removeInteraction(database: Database, actor: InteractionActor, id: string): Promise<void> {
  await withTransaction(database, writeScope(actor), async (tx) => {
    const current = await requireInteraction(tx, id, { forUpdate: true });
    await deleteInteraction(tx, id);
    await recordAudit(tx, {
      action: 'crm.interaction.deleted',
      resourceType: 'interaction',
      resourceId: id,
      entityId: current.entityId,
      before: auditedFields(current),
      actor: actor.audit,
    });
  });
}

async function requireInteraction(tx: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<Interaction> {
  const interaction = await findInteraction(tx, id, options);
  if (!interaction) throw new NotFoundError('Interaction');
  return interaction;
}
