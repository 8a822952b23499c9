import { withTransaction, type Database, type DbScope } from '../db/index.js';
import type { CollectionQuery } from '../http/collection.js';
import type { CollectionPage } from '../http/collection-sql.js';
import { findAuditEventPage } from './audit-events.repository.js';
import type { AuditEvent } from './audit-events.schema.js';

/**
 * Events visible to a scope: those of entities in its subtrees, plus network-wide ones (no entity)
 * when the scope includes the national office. The database policy decides (audit_events_read),
 * so every other read path of the table obeys the same rule.
 */
export function listAuditEvents(database: Database, scope: DbScope, query: CollectionQuery): Promise<CollectionPage<AuditEvent>> {
  return withTransaction(database, scope, (tx) => findAuditEventPage(tx, query), { readOnly: true });
}
