import { withTransaction, type Database, type DbScope } from '../db/index.js';
import type { CollectionQuery } from '../http/collection.js';
import type { CollectionPage } from '../http/collection-sql.js';
import { findActorNames, findAuditEventPage } from './audit-events.repository.js';
import type { AuditEvent } from './audit-events.schema.js';

/**
 * Events visible to a scope: those of entities in its subtrees, plus network-wide ones (no entity)
 * when the scope includes the national office. The database policy decides (audit_events_read),
 * so every other read path of the table obeys the same rule.
 */
export async function listAuditEvents(database: Database, scope: DbScope, query: CollectionQuery): Promise<CollectionPage<AuditEvent>> {
  const page = await withTransaction(database, scope, (tx) => findAuditEventPage(tx, query), { readOnly: true });
  const actorIds = [...new Set(page.items.flatMap((event) => (event.actorUserId ? [event.actorUserId] : [])))];
  const names = await withTransaction(database, { kind: 'system' }, (tx) => findActorNames(tx, actorIds), { readOnly: true });
  // Object.assign, not a spread with added fields: about 20 times cheaper per object on Node 20 (docs/perf.md).
  return { ...page, items: page.items.map((event) => Object.assign({}, event, { actorName: event.actorUserId ? (names.get(event.actorUserId) ?? null) : null })) };
}
