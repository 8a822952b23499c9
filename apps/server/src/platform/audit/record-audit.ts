import type { FastifyRequest } from 'fastify';
import { newId, type Tx } from '../db/index.js';
import { diffChanges } from './changes.js';

/** Who acted: null user for anonymous or system actions (failed logins, jobs). */
export interface AuditActor {
  userId: string | null;
  requestId: string | null;
  ip: string | null;
}

export interface AuditEventInput {
  /** `<module>.<resource>.<verb>` in lower case, e.g. `crm.organization.updated`, `auth.login.failed`. */
  action: string;
  resourceType: string;
  resourceId: string | null;
  /** The entity the event belongs to; null for network-wide events, visible to national auditors only. */
  entityId: string | null;
  /** Snapshots before/after; only the differing keys are stored, sensitive fields masked. */
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  actor: AuditActor;
}

/** The actor of an HTTP request (the auth plugin has set `request.principal` by then, or null). */
export function auditActorFrom(request: FastifyRequest): AuditActor {
  return { userId: request.principal?.userId ?? null, requestId: request.id, ip: request.ip ?? null };
}

// Same rule as the audit_events_action_format constraint; checked here first for a clearer message.
const ACTION = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;

/** A job or maintenance command acting for nobody in particular. */
export const SYSTEM_ACTOR: AuditActor = { userId: null, requestId: null, ip: null };

/**
 * Appends an event inside the caller's transaction, so that it commits or rolls back with the change
 * it describes. The row is written unsealed: it joins the hash chain at the next sealing run
 * (see audit-chain.ts), which keeps writers from contending on the chain head.
 */
export async function recordAudit(tx: Tx, event: AuditEventInput): Promise<void> {
  if (!ACTION.test(event.action)) {
    throw new Error(`Audit action "${event.action}" must read <module>.<resource>.<verb>: lower case, digits and _ between dots`);
  }
  const changes = diffChanges(event.before, event.after);
  await tx.client.query(
    `INSERT INTO audit_events (id, actor_user_id, entity_id, action, resource_type, resource_id, changes, request_id, ip)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      newId(),
      event.actor.userId,
      event.entityId,
      event.action,
      event.resourceType,
      event.resourceId,
      changes === null ? null : JSON.stringify(changes),
      event.actor.requestId,
      event.actor.ip,
    ],
  );
}
