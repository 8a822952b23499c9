import { newId, type Tx } from '../../../platform/db/index.js';
import { settleStatus, type StatusStep } from './membership-status.js';
import { recordMembershipChange } from './membership-timeline.js';
import { applyStep, findMembership, paymentStateOf } from './memberships.repository.js';
import type { Membership } from './memberships.schema.js';

/**
 * Locks the membership, applies every status change due on `today` (pure rules of
 * membership-status.ts), writes the history and the CRM timeline. Running it again the same day
 * changes nothing: the rules have reached their fixed point.
 */
export async function settleMembership(tx: Tx, id: string, today: string, changedBy: string | null): Promise<StatusStep[]> {
  const membership = await findMembership(tx, id, { forUpdate: true });
  if (!membership) return [];
  const payments = await paymentStateOf(tx, membership.id, membership.joinInvoiceId);
  const steps = settleStatus(stateOf(membership), today, payments);
  let status = membership.status;
  for (const step of steps) {
    await applyStep(tx, { id: membership.id, entityId: membership.entityId, status }, step, changedBy, newId);
    status = step.status;
  }
  const last = steps.at(-1);
  if (last) await recordMembershipChange(tx, membership, last.status, steps.map((step) => step.reason).join(' '), changedBy);
  return steps;
}

export function stateOf(membership: Membership) {
  return {
    status: membership.status,
    periodKind: membership.periodKind,
    startedOn: membership.startedOn,
    currentPeriodStart: membership.currentPeriodStart,
    currentPeriodEnd: membership.currentPeriodEnd,
    tacitRenewal: membership.tacitRenewal,
    graceDays: membership.graceDays,
    free: membership.type.free,
  };
}
