import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/index.js';
import type { DuesSchedule, DuesScheduleListQuery, RateInput } from './dues.schema.js';
import { duesRates, duesSchedules } from './dues.tables.js';

type ScheduleRow = typeof duesSchedules.$inferSelect;

async function withRates(tx: Tx, rows: ScheduleRow[]): Promise<DuesSchedule[]> {
  if (rows.length === 0) return [];
  const rates = await tx.db
    .select()
    .from(duesRates)
    .where(inArray(duesRates.scheduleId, rows.map((row) => row.id)))
    .orderBy(asc(duesRates.scheduleId), asc(duesRates.id));
  return rows.map((row) => ({
    id: row.id,
    entityId: row.entityId,
    year: row.year,
    proRata: row.proRata,
    currency: 'EUR' as const,
    rates: rates.filter((rate) => rate.scheduleId === row.id).map(({ id, headcountBand, typeId, amountCents }) => ({ id, headcountBand, typeId, amountCents })),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }));
}

export async function findSchedule(tx: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<DuesSchedule | null> {
  const query = tx.db.select().from(duesSchedules).where(eq(duesSchedules.id, id));
  const rows = options.forUpdate ? await query.for('update') : await query;
  return (await withRates(tx, rows))[0] ?? null;
}

export async function findScheduleFor(tx: Tx, entityId: string, year: number): Promise<DuesSchedule | null> {
  const rows = await tx.db.select().from(duesSchedules).where(and(eq(duesSchedules.entityId, entityId), eq(duesSchedules.year, year)));
  return (await withRates(tx, rows))[0] ?? null;
}

export async function listSchedules(tx: Tx, filter: DuesScheduleListQuery): Promise<DuesSchedule[]> {
  const conditions: SQL[] = [];
  if (filter.entityId) conditions.push(eq(duesSchedules.entityId, filter.entityId));
  if (filter.year) conditions.push(eq(duesSchedules.year, filter.year));
  const rows = await tx.db
    .select()
    .from(duesSchedules)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(asc(duesSchedules.entityId), asc(duesSchedules.year))
    .limit(500);
  return withRates(tx, rows);
}

export async function insertSchedule(tx: Tx, values: typeof duesSchedules.$inferInsert): Promise<void> {
  await tx.db.insert(duesSchedules).values(values);
}

export async function bumpSchedule(tx: Tx, id: string, proRata: boolean): Promise<void> {
  await tx.db.update(duesSchedules).set({ proRata, version: sql`${duesSchedules.version} + 1`, updatedAt: sql`now()` }).where(eq(duesSchedules.id, id));
}

export async function replaceRates(tx: Tx, scheduleId: string, entityId: string, rates: readonly RateInput[], newId: () => string): Promise<void> {
  await tx.db.delete(duesRates).where(eq(duesRates.scheduleId, scheduleId));
  await tx.db.insert(duesRates).values(
    rates.map((rate) => ({ id: newId(), entityId, scheduleId, headcountBand: rate.headcountBand ?? null, typeId: rate.typeId ?? null, amountCents: rate.amountCents })),
  );
}

export async function deleteSchedule(tx: Tx, id: string): Promise<void> {
  await tx.db.delete(duesSchedules).where(eq(duesSchedules.id, id));
}
