import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/index.js';
import { findPersonSummaries } from '../../crm/index.js';
import { fetchPage, type CollectionPage } from '../../../platform/http/collection-sql.js';
import type { Collection, CollectionQuery } from '../../../platform/http/collection.js';
import type { Mandate } from './mandates.schema.js';
import { mandateBodies, mandateSeats, mandates, type MandateStatus } from './mandates.tables.js';

const mandateColumns = {
  id: mandates.id,
  entityId: mandates.entityId,
  seatId: mandates.seatId,
  seatLabel: sql<string>`(SELECT s.label FROM ${mandateSeats} s WHERE s.id = ${mandates.seatId})`,
  seatRole: sql<'titular' | 'substitute'>`(SELECT s.role FROM ${mandateSeats} s WHERE s.id = ${mandates.seatId})`,
  bodyId: mandates.bodyId,
  bodyName: sql<string>`(SELECT b.name FROM ${mandateBodies} b WHERE b.id = ${mandates.bodyId})`,
  personId: mandates.personId,
  startOn: mandates.startOn,
  endOn: mandates.endOn,
  status: mandates.status,
  version: mandates.version,
  createdAt: mandates.createdAt,
  updatedAt: mandates.updatedAt,
};

type MandateRow = Omit<Mandate, 'createdAt' | 'updatedAt' | 'personName'> & { createdAt: Date | string; updatedAt: Date | string };

/** Rows with their holders' names, read through the CRM (one query per page, under the caller's RLS). */
async function toMandates(tx: Tx, rows: MandateRow[]): Promise<Mandate[]> {
  const holders = await findPersonSummaries(tx, [...new Set(rows.map((row) => row.personId))]);
  return rows.map((row) => {
    const holder = holders.get(row.personId);
    return {
      ...row,
      personName: holder ? [holder.firstName, holder.lastName].filter(Boolean).join(' ') : '—',
      createdAt: new Date(row.createdAt).toISOString(),
      updatedAt: new Date(row.updatedAt).toISOString(),
    };
  });
}

export interface NewMandate {
  id: string;
  entityId: string;
  seatId: string;
  bodyId: string;
  personId: string;
  startOn: string;
  endOn: string;
}

export async function insertMandate(tx: Tx, mandate: NewMandate): Promise<void> {
  await tx.db.insert(mandates).values(mandate);
}

export async function findMandate(tx: Tx, id: string): Promise<Mandate | null> {
  const [row] = (await tx.db.select(mandateColumns).from(mandates).where(sql`${mandates.id} = ${id}`)) as MandateRow[];
  return row ? (await toMandates(tx, [row]))[0]! : null;
}

export async function listMandates(tx: Tx, collection: Collection, query: CollectionQuery, where?: SQL): Promise<CollectionPage<Mandate>> {
  const page = await fetchPage<MandateRow>(tx, collection, query, { table: mandates, columns: mandateColumns, ...(where ? { where } : {}) });
  return { ...page, items: await toMandates(tx, page.items) };
}

/** An active mandate of the seat (other than `exceptId`) whose period meets [startOn, endOn]. */
export async function findOverlap(tx: Tx, seatId: string, startOn: string, endOn: string, exceptId: string | null): Promise<{ startOn: string; endOn: string } | null> {
  const [row] = await tx.db
    .select({ startOn: mandates.startOn, endOn: mandates.endOn })
    .from(mandates)
    .where(
      sql`${mandates.seatId} = ${seatId} AND ${mandates.status} = 'active' AND ${mandates.startOn} <= ${endOn} AND ${mandates.endOn} >= ${startOn}
        AND (${exceptId}::uuid IS NULL OR ${mandates.id} <> ${exceptId}::uuid)`,
    )
    .limit(1);
  return row ?? null;
}

/** Whether the caller's scope shows this contact person, not erased. */
export async function personIsVisible(tx: Tx, personId: string): Promise<boolean> {
  const person = (await findPersonSummaries(tx, [personId])).get(personId);
  return person !== undefined && !person.anonymized;
}

export async function updateMandate(tx: Tx, id: string, version: number, fields: { startOn: string; endOn: string; status: MandateStatus }): Promise<boolean> {
  const rows = await tx.db
    .update(mandates)
    .set({ ...fields, version: sql`${mandates.version} + 1`, updatedAt: sql`now()` })
    .where(sql`${mandates.id} = ${id} AND ${mandates.version} = ${version}`)
    .returning({ id: mandates.id });
  return rows.length > 0;
}

/** Active mandates ending within [from, to], network-wide (the expiry job runs with the system scope). */
export async function mandatesEndingBetween(tx: Tx, from: string, to: string): Promise<Mandate[]> {
  const rows = (await tx.db
    .select(mandateColumns)
    .from(mandates)
    .where(sql`${mandates.status} = 'active' AND ${mandates.endOn} BETWEEN ${from} AND ${to}`)
    .orderBy(mandates.endOn, mandates.id)) as MandateRow[];
  return toMandates(tx, rows);
}
