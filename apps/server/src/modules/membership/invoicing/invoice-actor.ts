import type { AuditActor } from '../../../platform/audit/index.js';
import type { Principal } from '../../../platform/auth/index.js';
import type { Database, DbScope } from '../../../platform/db/index.js';
import { INVOICE_PERMISSIONS } from './permissions.js';

export interface InvoicingDeps {
  database: Database;
}

export interface InvoicingActor {
  principal: Principal;
  audit: AuditActor;
}

/** Writes see (RLS) only the entities where the caller holds the write permission. */
export function invoiceWriteScope(actor: InvoicingActor): DbScope {
  return { kind: 'entities', entityRoots: actor.principal.rootsFor(INVOICE_PERMISSIONS.write), userId: actor.principal.userId };
}
