import type { AuditActor } from '../../../platform/audit/index.js';
import type { Tx } from '../../../platform/db/index.js';
import { recordInteraction, setOrganizationLinkStatus } from '../../crm/index.js';
import type { MembershipStatus } from './memberships.tables.js';

const STATUS_LABELS: Record<MembershipStatus, string> = {
  pending: 'en attente de règlement',
  active: 'active',
  grace: 'en délai de grâce',
  lapsed: 'échue',
  cancelled: 'résiliée',
};

/** The CRM link status a membership status makes of the company (grace keeps it a member, pending changes nothing). */
const LINK_STATUS: Partial<Record<MembershipStatus, 'member' | 'former_member'>> = {
  active: 'member',
  lapsed: 'former_member',
  cancelled: 'former_member',
};

/**
 * A membership change on the company's CRM timeline (kind `membership_change`) and on the entity's
 * link with the company (active → member, lapsed or cancelled → former member), in the caller's transaction.
 */
export async function recordMembershipChange(
  tx: Tx,
  membership: { entityId: string; organizationId: string },
  status: MembershipStatus,
  reason: string,
  authorUserId: string | null,
  audit: AuditActor = { userId: authorUserId, requestId: null, ip: null },
): Promise<void> {
  const linkStatus = LINK_STATUS[status];
  if (linkStatus) await setOrganizationLinkStatus(tx, { organizationId: membership.organizationId, entityId: membership.entityId, status: linkStatus, actor: audit });
  await recordInteraction(tx, {
    entityId: membership.entityId,
    organizationId: membership.organizationId,
    kind: 'membership_change',
    occurredAt: new Date().toISOString(),
    subject: `Adhésion ${STATUS_LABELS[status]}`,
    bodyHtml: `<p>${escapeHtml(reason)}</p>`,
    authorUserId,
  });
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
