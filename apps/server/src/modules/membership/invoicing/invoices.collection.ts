import { defineCollection } from '../../../platform/http/collection.js';
import { INVOICE_KINDS, INVOICE_STATUSES, invoices } from './invoicing.tables.js';

/** Filters, sort and paging of `GET /api/v1/invoices` and `GET /api/v1/invoices/overdue`. */
export const invoiceCollection = defineCollection({
  name: 'invoices',
  id: invoices.id,
  fields: {
    status: { column: invoices.status, type: 'enum', values: INVOICE_STATUSES, filter: ['eq', 'in'], description: 'Status' },
    kind: { column: invoices.kind, type: 'enum', values: INVOICE_KINDS, filter: ['eq'], description: 'invoice or credit_note' },
    entityId: { column: invoices.entityId, type: 'uuid', filter: ['eq', 'in'], description: 'Issuing entity' },
    organizationId: { column: invoices.organizationId, type: 'uuid', filter: ['eq'], description: 'Customer company' },
    issueDate: { column: invoices.issueDate, type: 'date', filter: ['gte', 'lte'], description: 'Issue date (drafts have none)' },
    dueDate: { column: invoices.dueDate, type: 'date', filter: ['gte', 'lte'], description: 'Due date' },
    number: { column: invoices.number, type: 'string', filter: ['eq'], description: 'Invoice number (COT-2026-000123)' },
    createdAt: { column: invoices.createdAt, type: 'date-time', filter: ['gte', 'lte'], sort: true, description: 'Creation' },
  },
  defaultSort: '-createdAt',
  defaultLimit: 50,
});
