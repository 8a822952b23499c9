import { recordAudit } from '../../../platform/audit/index.js';
import { newId, withTransaction } from '../../../platform/db/index.js';
import { ConflictError, ForbiddenError, NotFoundError, PreconditionFailedError } from '../../../platform/http/errors.js';
import { deleteLink, findLink, insertLink, linkExistsFor, updateLink } from './organization-links.repository.js';
import { findOrganizationById } from './organizations.repository.js';
import type { CreateLink, LinkPatch, OrganizationLink } from './organizations.schema.js';
import { writeScope, type ExpectedVersion, type OrganizationActor, type OrganizationDeps } from './organizations-write.service.js';
import { ORGANIZATION_PERMISSIONS } from './permissions.js';

const AUDITED_RESOURCE = 'organization_link';

// The network tree is public, so naming an entity you do not act on is refused plainly (403), not hidden.
function requireActsOn(actor: OrganizationActor, entityId: string): void {
  if (!actor.principal.holdsOn(ORGANIZATION_PERMISSIONS.write, entityId)) {
    throw new ForbiddenError('You may only link companies to the entities you manage.', 'entity_not_in_scope');
  }
}

function alreadyLinked(): ConflictError {
  return new ConflictError('This entity is already linked to this company.', 'organization_already_linked', [
    { pointer: '/entityId', message: 'Cette structure est déjà rattachée à cette entreprise.' },
  ]);
}

/** Links an existing company (found by search, or named by a 409 on creation) to one of the caller's entities. */
export async function createLink(deps: OrganizationDeps, actor: OrganizationActor, organizationId: string, input: CreateLink): Promise<OrganizationLink> {
  requireActsOn(actor, input.entityId);
  return withTransaction(deps.database, writeScope(actor), async (tx) => {
    if (!(await findOrganizationById(tx, organizationId))) throw new NotFoundError('Organization');
    const link = await insertLink(tx, newId(), organizationId, {
      entityId: input.entityId,
      status: input.status ?? 'prospect',
      tags: input.tags ?? [],
      attachedBy: 'manual',
    });
    if (!link) throw alreadyLinked();
    await recordAudit(tx, {
      action: 'crm.organization_link.created',
      resourceType: AUDITED_RESOURCE,
      resourceId: link.id,
      entityId: link.entityId,
      after: { organizationId, entityId: link.entityId, status: link.status, tags: link.tags, attachedBy: link.attachedBy },
      actor: actor.audit,
    });
    return link;
  });
}

/**
 * Changes a link's status or tags, or moves it to another entity the caller manages (the manager's
 * override of the derived union). Links outside the caller's scope are "not found" (RLS).
 */
export async function updateLinkOf(
  deps: OrganizationDeps,
  actor: OrganizationActor,
  organizationId: string,
  linkId: string,
  expected: ExpectedVersion,
  patch: LinkPatch,
): Promise<OrganizationLink> {
  if (patch.entityId !== undefined) requireActsOn(actor, patch.entityId);
  return withTransaction(deps.database, writeScope(actor), async (tx) => {
    const current = await findLink(tx, organizationId, linkId, { forUpdate: true });
    if (!current) throw new NotFoundError('Organization link');
    if (expected !== '*' && expected !== current.version) throw new PreconditionFailedError();
    const moved = patch.entityId !== undefined && patch.entityId !== current.entityId;
    if (moved && (await linkExistsFor(tx, organizationId, patch.entityId!))) throw alreadyLinked();
    const updated = await updateLink(tx, linkId, current.version, {
      entityId: patch.entityId ?? current.entityId,
      status: patch.status ?? current.status,
      tags: patch.tags ?? current.tags,
      attachedBy: moved ? 'manual' : current.attachedBy,
    });
    if (!updated) throw new PreconditionFailedError();
    await recordAudit(tx, {
      action: moved ? 'crm.organization_link.moved' : 'crm.organization_link.updated',
      resourceType: AUDITED_RESOURCE,
      resourceId: linkId,
      entityId: updated.entityId,
      before: { entityId: current.entityId, status: current.status, tags: current.tags, attachedBy: current.attachedBy },
      after: { entityId: updated.entityId, status: updated.status, tags: updated.tags, attachedBy: updated.attachedBy },
      actor: actor.audit,
    });
    return updated;
  });
}

/**
 * Detaches a company from one of the caller's entities: the entity stops following it. Its own
 * contacts' affiliations and interactions stay (they are its history); a member link is refused, so
 * that dues and membership are ended first (status « ancien adhérent »).
 */
export async function deleteLinkOf(deps: OrganizationDeps, actor: OrganizationActor, organizationId: string, linkId: string, expected: ExpectedVersion): Promise<void> {
  await withTransaction(deps.database, writeScope(actor), async (tx) => {
    const current = await findLink(tx, organizationId, linkId, { forUpdate: true });
    if (!current) throw new NotFoundError('Organization link');
    if (expected !== '*' && expected !== current.version) throw new PreconditionFailedError();
    if (current.status === 'member') {
      throw new ConflictError('A member company cannot be detached: end its membership first.', 'organization_link_member', [
        { pointer: '/status', message: "Cette entreprise est adhérente de cette structure : passez-la en « ancien adhérent » avant de la détacher." },
      ]);
    }
    if (!(await deleteLink(tx, linkId, current.version))) throw new PreconditionFailedError();
    await recordAudit(tx, {
      action: 'crm.organization_link.deleted',
      resourceType: AUDITED_RESOURCE,
      resourceId: linkId,
      entityId: current.entityId,
      before: { organizationId, entityId: current.entityId, status: current.status, tags: current.tags, attachedBy: current.attachedBy },
      after: null,
      actor: actor.audit,
    });
  });
}
