import { getTableColumns } from 'drizzle-orm';
import type { Tx } from '../db/index.js';
import type { CollectionQuery } from '../http/collection.js';
import { fetchPage, type CollectionPage } from '../http/collection-sql.js';
import { auditEventCollection } from './audit-events.collection.js';
import { auditEvents } from './audit-events.tables.js';
import type { AuditEvent } from './audit-events.schema.js';

// The hash is for the verifier only; the position tells a reader whether an event is sealed yet.
const { chainHash: _chainHash, ...listedColumns } = getTableColumns(auditEvents);

/** One page of events; row-level security limits it to the transaction's scope. */
export async function findAuditEventPage(tx: Tx, query: CollectionQuery): Promise<CollectionPage<AuditEvent>> {
  const page = await fetchPage<typeof auditEvents.$inferSelect>(tx, auditEventCollection, query, { table: auditEvents, columns: listedColumns });
  return { ...page, items: page.items.map(toAuditEvent) };
}

/**
 * Display names of the given users. The caller runs it in the system scope: an event visible to a
 * branch auditor may have been made by national staff homed outside the branch, and who acted is
 * the point of an audit trail. Only ids taken from events the reader may already see are asked for.
 */
export async function findActorNames(tx: Tx, userIds: readonly string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const { rows } = await tx.client.query<{ id: string; displayName: string }>(
    'SELECT id, display_name AS "displayName" FROM users WHERE id = ANY($1::uuid[])',
    [userIds],
  );
  return new Map(rows.map((row) => [row.id, row.displayName]));
}

function toAuditEvent(row: Omit<typeof auditEvents.$inferSelect, 'chainHash'>): AuditEvent {
  return {
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    actorUserId: row.actorUserId,
    actorName: null,
    entityId: row.entityId,
    action: row.action,
    resourceType: row.resourceType,
    resourceId: row.resourceId,
    changes: (row.changes ?? null) as AuditEvent['changes'],
    requestId: row.requestId,
    ip: row.ip,
    chainPosition: row.chainPosition,
  };
}
