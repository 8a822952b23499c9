import { recordAudit, type AuditActor } from '../../../platform/audit/index.js';
import { newId, type Tx } from '../../../platform/db/index.js';
import type { LinkStatus } from './organizations.tables.js';

export interface LinkStatusChange {
  organizationId: string;
  entityId: string;
  status: LinkStatus;
  /** Who caused it (a membership job runs as the system: all nulls). */
  actor: AuditActor;
}

/**
 * Another module's fact becomes the entity's relation with the company (membership: active → member,
 * lapsed or cancelled → former member), inside that module's transaction. Creates the link when the
 * entity did not follow the company yet; a no-op when the status is already right.
 */
export async function setOrganizationLinkStatus(tx: Tx, change: LinkStatusChange): Promise<void> {
  const { organizationId, entityId, status } = change;
  const previous = await tx.client.query<{ status: LinkStatus }>(
    'SELECT status FROM organization_links WHERE organization_id = $1 AND entity_id = $2 FOR UPDATE',
    [organizationId, entityId],
  );
  const before = previous.rows[0]?.status ?? null;
  if (before === status) return;
  // ON CONFLICT: another transaction may have created the link since the read above.
  const { rows } = await tx.client.query<{ id: string }>(
    `INSERT INTO organization_links (id, organization_id, entity_id, status, attached_by) VALUES ($3, $1, $2, $4, 'manual')
     ON CONFLICT (organization_id, entity_id) DO UPDATE SET status = excluded.status, version = organization_links.version + 1, updated_at = now()
     RETURNING id`,
    [organizationId, entityId, newId(), status],
  );
  const changed = rows[0]!;
  await recordAudit(tx, {
    action: before === null ? 'crm.organization_link.created' : 'crm.organization_link.updated',
    resourceType: 'organization_link',
    resourceId: changed.id,
    entityId,
    before: before === null ? null : { status: before },
    after: { organizationId, entityId, status },
    actor: change.actor,
  });
}
