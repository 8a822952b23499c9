import { withTransaction, type Database, type DbScope } from '../../../platform/db/index.js';
import type { CollectionQuery } from '../../../platform/http/collection.js';
import type { CollectionPage, ShapedCondition } from '../../../platform/http/collection-sql.js';
import { NotFoundError } from '../../../platform/http/errors.js';
import { fetchInvoicePage, findInvoice, OVERDUE } from './invoices.repository.js';
import type { Invoice } from './invoices.schema.js';

// RLS shows the scope's own entities only: another branch's invoice is simply not found (404).

export async function getInvoice(database: Database, scope: DbScope, id: string): Promise<Invoice> {
  return withTransaction(
    database,
    scope,
    async (tx) => {
      const invoice = await findInvoice(tx, id);
      if (!invoice) throw new NotFoundError('Invoice');
      return invoice;
    },
    { readOnly: true },
  );
}

function list(database: Database, scope: DbScope, query: CollectionQuery, where?: ShapedCondition): Promise<CollectionPage<Invoice>> {
  return withTransaction(database, scope, (tx) => fetchInvoicePage(tx, query, where), { readOnly: true });
}

export function listInvoices(database: Database, scope: DbScope, query: CollectionQuery): Promise<CollectionPage<Invoice>> {
  return list(database, scope, query);
}

/** Issued invoices past their due date with something left to collect. */
export function listOverdueInvoices(database: Database, scope: DbScope, query: CollectionQuery): Promise<CollectionPage<Invoice>> {
  return list(database, scope, query, OVERDUE);
}
