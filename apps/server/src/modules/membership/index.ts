import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app.js';
import { registerPermissions } from '../../platform/auth/index.js';
import { registerOrganizationMergeStep } from '../crm/index.js';
import { fecRoutes } from './accounting/fec.routes.js';
import { invoiceRoutes } from './invoicing/invoices.routes.js';
import { invoicePdfRoutes } from './invoicing/pdf/invoice-pdf.routes.js';
import { paymentRoutes } from './payments/payments.routes.js';
import { sepaRoutes } from './sepa/sepa.routes.js';
import { SEPA_MANDATES_MERGE_STEP } from './sepa/sepa-mandates-merge-step.js';
import { registerEncryptedColumn } from '../../platform/crypto/index.js';
import { INVOICE_PERMISSION_DEFINITIONS } from './invoicing/permissions.js';
import { INVOICES_MERGE_STEP } from './invoicing/invoices-merge-step.js';
import { registerMembershipsAndDues } from './memberships/register.js';
import { MEMBERSHIPS_MERGE_STEP } from './memberships/memberships-merge-step.js';

/**
 * Membership module — the ERP part (issue 5). Today: invoices and credit notes with gap-free
 * numbering per issuing entity and series (ADR 0013), payments, balances and overdue lists, and the
 * FEC accounting export, SEPA direct debit (mandates with encrypted IBANs, pain.008 batches).
 */
// Debtor IBANs of SEPA mandates: re-encrypted by `keys:rotate`.
registerEncryptedColumn({ table: 'sepa_mandates', idColumn: 'id', column: 'iban_encrypted' });

export function registerMembership(app: FastifyInstance, context: Pick<AppContext, 'database' | 'cipher' | 'bus'>): void {
  registerPermissions(INVOICE_PERMISSION_DEFINITIONS);
  registerOrganizationMergeStep(INVOICES_MERGE_STEP);
  registerOrganizationMergeStep(SEPA_MANDATES_MERGE_STEP);
  registerOrganizationMergeStep(MEMBERSHIPS_MERGE_STEP);
  void app.register(invoiceRoutes, { database: context.database });
  void app.register(invoicePdfRoutes, { database: context.database });
  void app.register(paymentRoutes, { database: context.database });
  void app.register(fecRoutes, { database: context.database });
  void app.register(sepaRoutes, { database: context.database, cipher: context.cipher });
  registerMembershipsAndDues(app, context);
}

export { INVOICE_PERMISSIONS } from './invoicing/permissions.js';
export type { Invoice } from './invoicing/invoices.schema.js';
export type { Payment } from './payments/payments.schema.js';
export { INVOICE_STATUSES, type InvoiceStatus } from './invoicing/invoicing.tables.js';
export { PAYMENT_METHODS, type PaymentMethod } from './payments/payments.tables.js';
// Memberships, dues schedules, renewal campaigns (ADR 0020). ai-retrieval's member_status tool reads activeMembershipsOf.
export { activeMembershipsOf } from './memberships/memberships.repository.js';
export type { ActiveMembership, Membership } from './memberships/memberships.schema.js';
export { MEMBERSHIP_PERMISSIONS } from './memberships/permissions.js';
export { MEMBERSHIP_STATUSES, type MembershipStatus } from './memberships/memberships.tables.js';
export { seedMembershipsDemo } from './memberships/seed-memberships-demo.js';
// Dashboard (modules/dashboard): members by status, renewals, dues invoiced/collected, overdue amount.
export { membershipStats, type MembershipStats, type RenewalFigures } from './memberships/membership-stats.js';
export { addDays, parisToday } from './memberships/calendar-dates.js';
