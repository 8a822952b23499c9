import type { Tx } from '../db/index.js';
import type { CollectionQuery } from '../http/collection.js';
import { type CollectionPage } from '../http/collection-sql.js';
import type { AuditEvent } from './audit-events.schema.js';
/** One page of events; row-level security limits it to the transaction's scope. */
export declare function findAuditEventPage(tx: Tx, query: CollectionQuery): Promise<CollectionPage<AuditEvent>>;
