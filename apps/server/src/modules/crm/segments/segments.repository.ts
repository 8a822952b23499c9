import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/index.js';
import type { CollectionQuery } from '../../../platform/http/collection.js';
import { fetchPage, type CollectionPage } from '../../../platform/http/collection-sql.js';
import type { SegmentFilter } from './segment-filter.js';
import { segmentCollection } from './segments.collection.js';
import type { Segment } from './segments.schema.js';
import { segments, type SegmentTarget } from './segments.tables.js';

// Every query runs under the transaction's scope: RLS shows the segments of the caller's subtrees only.

type SegmentRow = typeof segments.$inferSelect;

function toSegment(row: SegmentRow): Segment {
  return {
    id: row.id,
    entityId: row.entityId,
    name: row.name,
    target: row.target,
    filter: row.filter,
    createdBy: row.createdBy,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function findSegment(tx: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<Segment | null> {
  const query = tx.db.select().from(segments).where(eq(segments.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ? toSegment(row) : null;
}

export async function fetchSegmentPage(tx: Tx, query: CollectionQuery): Promise<CollectionPage<Segment>> {
  const page = await fetchPage<SegmentRow>(tx, segmentCollection, query, { table: segments });
  return { ...page, items: page.items.map(toSegment) };
}

export interface NewSegment {
  id: string;
  entityId: string;
  name: string;
  target: SegmentTarget;
  filter: SegmentFilter;
  createdBy: string;
}

export async function insertSegment(tx: Tx, segment: NewSegment): Promise<Segment> {
  const [row] = await tx.db.insert(segments).values(segment).returning();
  return toSegment(row!);
}

/** Null when the version moved on (or the row is gone). */
export async function updateSegment(tx: Tx, id: string, version: number, changes: { name: string; filter: SegmentFilter }): Promise<Segment | null> {
  const [row] = await tx.db
    .update(segments)
    .set({ ...changes, version: version + 1, updatedAt: sql`now()` })
    .where(and(eq(segments.id, id), eq(segments.version, version)))
    .returning();
  return row ? toSegment(row) : null;
}

export async function deleteSegment(tx: Tx, id: string): Promise<void> {
  await tx.db.delete(segments).where(eq(segments.id, id));
}
