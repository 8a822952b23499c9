import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/index.js';
import type { Mandate, MandateListQuery } from './sepa.schema.js';
import { sepaMandates, type SequenceType } from './sepa.tables.js';

export type MandateRecord = typeof sepaMandates.$inferSelect;

export function toMandate(row: MandateRecord): Mandate {
  return {
    id: row.id,
    entityId: row.entityId,
    organizationId: row.organizationId,
    reference: row.reference,
    signatureDate: row.signatureDate,
    debtorName: row.debtorName,
    ibanMasked: `**** ${row.ibanLast4}`,
    bic: row.bic,
    sequenceType: row.sequenceType,
    status: row.status,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function insertMandate(tx: Tx, values: typeof sepaMandates.$inferInsert): Promise<MandateRecord> {
  const [row] = await tx.db.insert(sepaMandates).values(values).returning();
  return row!;
}

export async function findMandate(tx: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<MandateRecord | null> {
  const query = tx.db.select().from(sepaMandates).where(eq(sepaMandates.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function listMandates(tx: Tx, filter: MandateListQuery): Promise<MandateRecord[]> {
  const conditions: SQL[] = [];
  if (filter.organizationId) conditions.push(eq(sepaMandates.organizationId, filter.organizationId));
  if (filter.status) conditions.push(eq(sepaMandates.status, filter.status));
  return tx.db
    .select()
    .from(sepaMandates)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(sepaMandates.createdAt), desc(sepaMandates.id))
    .limit(500);
}

export async function revokeMandate(tx: Tx, id: string): Promise<MandateRecord> {
  const [row] = await tx.db
    .update(sepaMandates)
    .set({ status: 'revoked', revokedAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(sepaMandates.id, id))
    .returning();
  return row!;
}

/** After a first collection (FRST) the next ones of the mandate are recurrent (RCUR). */
export async function setSequenceType(tx: Tx, ids: readonly string[], sequenceType: SequenceType): Promise<void> {
  if (ids.length === 0) return;
  await tx.db
    .update(sepaMandates)
    .set({ sequenceType, updatedAt: sql`now()` })
    .where(sql`${sepaMandates.id} IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`);
}
