import { recordAudit, type AuditActor } from '../../../platform/audit/index.js';
import type { Principal } from '../../../platform/auth/index.js';
import { newId, withTransaction, type Database, type DbScope, type Tx } from '../../../platform/db/index.js';
import { AppError, ForbiddenError, NotFoundError, PreconditionFailedError } from '../../../platform/http/errors.js';
import type { EntityTree } from '../../../platform/tenancy/entity-tree.js';
import { departementalUnionCode } from '../geography/departemental-union.js';
import { fieldsFromCreation, fieldsFromPatch, fieldsOf } from './organization-fields.js';
import { findLinksOf, hasVisibleLink, insertLink } from './organization-links.repository.js';
import { findOrganizationById, findOrganizationIdBySiren, insertOrganization, updateOrganizationFields } from './organizations.repository.js';
import type { CreateOrganization, Organization, OrganizationIdentity, OrganizationPatch } from './organizations.schema.js';
import { ORGANIZATION_PERMISSIONS } from './permissions.js';

export interface OrganizationDeps {
  database: Database;
  /** The network tree snapshot: finds the union entity of a département by its code. */
  entityTree: { current(): Promise<EntityTree> };
}

export interface OrganizationActor {
  principal: Principal;
  audit: AuditActor;
}

/** `*` (any version) or the version the client read, taken from If-Match. */
export type ExpectedVersion = number | '*';

export function writeScope(actor: OrganizationActor, extraRoots: readonly string[] = []): DbScope {
  const roots = new Set([...actor.principal.rootsFor(ORGANIZATION_PERMISSIONS.write), ...extraRoots]);
  return { kind: 'entities', entityRoots: [...roots], userId: actor.principal.userId };
}

/** 409 naming the company that already holds the SIREN: the caller links it to their branch instead. */
export class OrganizationExistsError extends AppError {
  constructor(existingId: string) {
    super(
      'organization_exists',
      409,
      'Conflict',
      `A company with this SIREN already exists in the network (id ${existingId}): link it to your entity with POST /api/v1/organizations/${existingId}/links.`,
      [{ pointer: '/siren', message: 'Cette entreprise existe déjà dans le réseau : rattachez-la à votre structure plutôt que de la recréer.' }],
      { location: `/api/v1/organizations/${existingId}` },
    );
  }
}

/** The departmental union entity for a département (Corsica and overseas included), if the network has one. */
export async function unionEntityId(deps: OrganizationDeps, departementCode: string | null): Promise<string | null> {
  if (!departementCode) return null;
  const code = departementalUnionCode(departementCode);
  if (!code) return null;
  const node = (await deps.entityTree.current()).byCode(code);
  return node?.kind === 'departement' ? node.id : null;
}

/**
 * Creates the network-wide record and attaches it to the union of its commune's département. The
 * attachment is a network rule, not the caller's choice: the transaction's scope is widened to that
 * one union so that a Paris employee registering a Lyon company attaches it to the Rhône union
 * (which the employee then does not see). Without an address, or for Saint-Pierre-et-Miquelon, the
 * company stays unattached until someone links it.
 */
export async function createOrganization(deps: OrganizationDeps, actor: OrganizationActor, input: CreateOrganization): Promise<Organization> {
  const { siren, fields } = fieldsFromCreation(input);
  const unionId = await unionEntityId(deps, fields.departementCode);
  return withTransaction(deps.database, writeScope(actor, unionId ? [unionId] : []), async (tx) => {
    const existing = await findOrganizationIdBySiren(tx, siren);
    if (existing) throw new OrganizationExistsError(existing);
    const created = await insertOrganization(tx, newId(), siren, fields);
    if (!created) throw new OrganizationExistsError((await findOrganizationIdBySiren(tx, siren))!);
    await recordAudit(tx, {
      action: 'crm.organization.created',
      resourceType: 'organization',
      resourceId: created.id,
      entityId: null,
      after: { siren, ...fields },
      actor: actor.audit,
    });
    const link = unionId
      ? await insertLink(tx, newId(), created.id, { entityId: unionId, status: 'prospect', tags: [], attachedBy: 'derived' })
      : null;
    if (link) {
      await recordAudit(tx, {
        action: 'crm.organization_link.created',
        resourceType: 'organization_link',
        resourceId: link.id,
        entityId: link.entityId,
        after: { organizationId: created.id, entityId: link.entityId, status: link.status, attachedBy: link.attachedBy },
        actor: actor.audit,
      });
    }
    const readable = link && actor.principal.holdsOn(ORGANIZATION_PERMISSIONS.read, link.entityId) ? [link] : [];
    return { ...created, links: readable };
  });
}

/**
 * Edits the public identity. Only staff of an entity linked to the company may (the RLS-scoped
 * link lookup decides); others get 403 rather than 404, since the identity itself is public.
 */
export async function updateOrganization(
  deps: OrganizationDeps,
  actor: OrganizationActor,
  id: string,
  expected: ExpectedVersion,
  patch: OrganizationPatch,
): Promise<Organization> {
  return withTransaction(deps.database, writeScope(actor), async (tx) => {
    const current = await findOrganizationById(tx, id, { forUpdate: true });
    if (!current) throw new NotFoundError('Organization');
    await requireLinked(tx, id);
    if (expected !== '*' && expected !== current.version) throw new PreconditionFailedError();
    const updated = await updateOrganizationFields(tx, id, current.version, fieldsFromPatch(current, patch));
    if (!updated) throw new PreconditionFailedError();
    await recordAudit(tx, {
      action: 'crm.organization.updated',
      resourceType: 'organization',
      resourceId: id,
      entityId: null,
      before: { ...fieldsOf(current) },
      after: { ...fieldsOf(updated) },
      actor: actor.audit,
    });
    return withLinks(tx, updated);
  });
}

async function requireLinked(tx: Tx, organizationId: string): Promise<void> {
  if (!(await hasVisibleLink(tx, organizationId))) {
    throw new ForbiddenError(
      'Only staff of an entity linked to this company may change its identity: link it to your entity first.',
      'organization_not_linked',
    );
  }
}

export async function withLinks(tx: Tx, organization: OrganizationIdentity): Promise<Organization> {
  const links = await findLinksOf(tx, [organization.id]);
  return { ...organization, links: links.get(organization.id) ?? [] };
}
