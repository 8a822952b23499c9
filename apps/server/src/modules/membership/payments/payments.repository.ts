import { sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/index.js';
import type { CreatePayment, Payment } from './payments.schema.js';
import { payments } from './payments.tables.js';

function toPayment(row: typeof payments.$inferSelect): Payment {
  return {
    id: row.id,
    invoiceId: row.invoiceId,
    entityId: row.entityId,
    method: row.method,
    amountCents: row.amountCents,
    paidOn: row.paidOn,
    reference: row.reference,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function insertPayment(tx: Tx, id: string, entityId: string, invoiceId: string, input: CreatePayment, recordedBy: string | null): Promise<Payment> {
  const [row] = await tx.db
    .insert(payments)
    .values({ id, entityId, invoiceId, method: input.method, amountCents: input.amountCents, paidOn: input.paidOn, reference: input.reference ?? null, recordedBy })
    .returning();
  return toPayment(row!);
}

export async function paymentsOf(tx: Tx, invoiceId: string): Promise<Payment[]> {
  const rows = await tx.db.select().from(payments).where(sql`${payments.invoiceId} = ${invoiceId}`).orderBy(payments.paidOn, payments.id);
  return rows.map(toPayment);
}
