import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/index.js';
import { fetchPage, type CollectionPage } from '../../../platform/http/collection-sql.js';
import type { Collection, CollectionQuery } from '../../../platform/http/collection.js';
import type { CreateSeat, Seat } from './mandates.schema.js';
import { mandateBodies, mandateSeats } from './mandates.tables.js';

const seatColumns = {
  id: mandateSeats.id,
  entityId: mandateSeats.entityId,
  bodyId: mandateSeats.bodyId,
  bodyName: sql<string>`(SELECT b.name FROM ${mandateBodies} b WHERE b.id = ${mandateSeats.bodyId})`,
  label: mandateSeats.label,
  role: mandateSeats.role,
  version: mandateSeats.version,
  createdAt: mandateSeats.createdAt,
};

type SeatRow = Omit<Seat, 'createdAt'> & { createdAt: Date };
const toSeat = (row: SeatRow): Seat => ({ ...row, createdAt: new Date(row.createdAt).toISOString() });

/** Null when the entity already has this seat (same body, label and role). */
export async function insertSeat(tx: Tx, id: string, input: CreateSeat): Promise<boolean> {
  const rows = await tx.db
    .insert(mandateSeats)
    .values({ id, entityId: input.entityId, bodyId: input.bodyId, label: input.label.trim(), role: input.role })
    .onConflictDoNothing()
    .returning({ id: mandateSeats.id });
  return rows.length > 0;
}

export async function findSeat(tx: Tx, id: string, options: { lock?: boolean } = {}): Promise<Seat | null> {
  const query = tx.db.select(seatColumns).from(mandateSeats).where(sql`${mandateSeats.id} = ${id}`);
  const [row] = (await (options.lock ? query.for('update') : query)) as SeatRow[];
  return row ? toSeat(row) : null;
}

export async function listSeats(tx: Tx, collection: Collection, query: CollectionQuery, where?: SQL): Promise<CollectionPage<Seat>> {
  const page = await fetchPage<SeatRow>(tx, collection, query, { table: mandateSeats, columns: seatColumns, ...(where ? { where } : {}) });
  return { ...page, items: page.items.map(toSeat) };
}

/** False when the version moved on; 'taken' when the entity already has a seat with this label and role in the body. */
export async function updateSeat(tx: Tx, current: Seat, fields: { label: string; role: Seat['role'] }): Promise<boolean | 'taken'> {
  const label = fields.label.trim();
  const [other] = await tx.db
    .select({ id: mandateSeats.id })
    .from(mandateSeats)
    .where(sql`${mandateSeats.bodyId} = ${current.bodyId} AND ${mandateSeats.entityId} = ${current.entityId} AND ${mandateSeats.label} = ${label} AND ${mandateSeats.role} = ${fields.role} AND ${mandateSeats.id} <> ${current.id}`);
  if (other) return 'taken';
  const rows = await tx.db
    .update(mandateSeats)
    .set({ label, role: fields.role, version: sql`${mandateSeats.version} + 1` })
    .where(sql`${mandateSeats.id} = ${current.id} AND ${mandateSeats.version} = ${current.version}`)
    .returning({ id: mandateSeats.id });
  return rows.length > 0;
}
