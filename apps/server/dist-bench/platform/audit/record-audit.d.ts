import type { FastifyRequest } from 'fastify';
import { type Tx } from '../db/index.js';
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
export declare function auditActorFrom(request: FastifyRequest): AuditActor;
/** A job or maintenance command acting for nobody in particular. */
export declare const SYSTEM_ACTOR: AuditActor;
/**
 * Appends an event inside the caller's transaction, so that it commits or rolls back with the change
 * it describes. The row is written unsealed: it joins the hash chain at the next sealing run
 * (see audit-chain.ts), which keeps writers from contending on the chain head.
 */
export declare function recordAudit(tx: Tx, event: AuditEventInput): Promise<void>;
