import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/index.js';
import type { CreatePayment, Payment } from './payments.schema.js';
import { paymentReversals, payments } from './payments.tables.js';

type PaymentRow = typeof payments.$inferSelect;
type ReversalRow = typeof paymentReversals.$inferSelect;

function toPayment(row: PaymentRow, reversal: ReversalRow | null): Payment {
  return {
    id: row.id,
    invoiceId: row.invoiceId,
    entityId: row.entityId,
    method: row.method,
    amountCents: row.amountCents,
    paidOn: row.paidOn,
    reference: row.reference,
    reversal: reversal ? { reversedOn: reversal.reversedOn, reasonCode: reversal.reasonCode } : null,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function insertPayment(tx: Tx, id: string, entityId: string, invoiceId: string, input: CreatePayment, recordedBy: string | null): Promise<Payment> {
  const [row] = await tx.db
    .insert(payments)
    .values({ id, entityId, invoiceId, method: input.method, amountCents: input.amountCents, paidOn: input.paidOn, reference: input.reference ?? null, recordedBy })
    .returning();
  return toPayment(row!, null);
}

const withReversal = (tx: Tx) => tx.db.select({ p: payments, r: paymentReversals }).from(payments).leftJoin(paymentReversals, eq(paymentReversals.paymentId, payments.id));

export async function paymentsOf(tx: Tx, invoiceId: string): Promise<Payment[]> {
  const rows = await withReversal(tx).where(sql`${payments.invoiceId} = ${invoiceId}`).orderBy(payments.paidOn, payments.id);
  return rows.map((row) => toPayment(row.p, row.r));
}

export async function findPayment(tx: Tx, id: string): Promise<Payment | null> {
  const [row] = await withReversal(tx).where(eq(payments.id, id));
  return row ? toPayment(row.p, row.r) : null;
}

export async function insertReversal(tx: Tx, values: typeof paymentReversals.$inferInsert): Promise<void> {
  await tx.db.insert(paymentReversals).values(values);
}
