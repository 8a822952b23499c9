import { sql } from 'drizzle-orm';
import { check, customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { entities } from '../../../../platform/tenancy/entity-tree.tables.js';
import { tenantIsolationPolicy } from '../../../../platform/tenancy/tenant-policy.js';
import { invoices } from '../invoicing.tables.js';

// PGlite answers a Uint8Array, node-postgres a Buffer: both become a Buffer.
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

/**
 * The PDF of an issued invoice or credit note, rendered once and kept as the document sent to the
 * customer (tenant-owned, RLS). Stored in the database so that backups, restores and tenant
 * isolation cover it with the invoice itself; the application role may insert but never update or
 * delete a row (custom migration), so every download answers the same bytes.
 */
export const invoiceDocuments = pgTable(
  'invoice_documents',
  {
    invoiceId: uuid('invoice_id')
      .primaryKey()
      .references(() => invoices.id),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    fileName: text('file_name').notNull(),
    content: bytea('content').notNull(),
    sha256: text('sha256').notNull(),
    byteSize: integer('byte_size').notNull(),
    generatedAt: timestamp('generated_at', { withTimezone: true }).notNull().defaultNow(),
    generatedBy: uuid('generated_by'),
  },
  (table) => [
    index('invoice_documents_entity_id_idx').on(table.entityId),
    check('invoice_documents_sha256_format', sql`${table.sha256} ~ '^[0-9a-f]{64}$'`),
    check('invoice_documents_byte_size', sql`${table.byteSize} = octet_length(${table.content})`),
    tenantIsolationPolicy('invoice_documents'),
  ],
).enableRLS();
