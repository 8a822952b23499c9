import { sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/index.js';
import { fetchPage, type CollectionPage } from '../../../platform/http/collection-sql.js';
import type { CollectionQuery } from '../../../platform/http/collection.js';
import { bodyCollection } from './mandates.collections.js';
import { entities } from '../../../platform/tenancy/entity-tree.tables.js';
import type { Body, BodyFields, CreateBody } from './mandates.schema.js';
import { mandateBodies } from './mandates.tables.js';

type BodyRow = typeof mandateBodies.$inferSelect;

function toBody(row: BodyRow): Body {
  return { id: row.id, name: row.name, kind: row.kind, departementCode: row.departementCode, commune: row.commune, entityId: row.entityId, version: row.version, createdAt: row.createdAt.toISOString() };
}

/** Null when a body already has this name. */
export async function insertBody(tx: Tx, id: string, input: CreateBody): Promise<Body | null> {
  const [row] = await tx.db
    .insert(mandateBodies)
    .values({ id, name: input.name.trim(), kind: input.kind, departementCode: input.departementCode ?? null, commune: input.commune?.trim() ?? null, entityId: input.entityId ?? null })
    .onConflictDoNothing({ target: mandateBodies.name })
    .returning();
  return row ? toBody(row) : null;
}

export async function findBody(tx: Tx, id: string, options: { lock?: boolean } = {}): Promise<Body | null> {
  const query = tx.db.select().from(mandateBodies).where(sql`${mandateBodies.id} = ${id}`);
  const [row] = options.lock ? await query.for('update') : await query;
  return row ? toBody(row) : null;
}

/** The national office (the root of the network), which keeps the bodies shared by the network. */
export async function findNationalEntityId(tx: Tx): Promise<string | null> {
  const [row] = await tx.db.select({ id: entities.id }).from(entities).where(sql`${entities.kind} = 'national'`);
  return row?.id ?? null;
}

export async function listBodies(tx: Tx, query: CollectionQuery): Promise<CollectionPage<Body>> {
  const page = await fetchPage<BodyRow>(tx, bodyCollection, query, { table: mandateBodies });
  return { ...page, items: page.items.map(toBody) };
}

/** Null when the version moved on or another body has the name (`taken`). */
export async function updateBody(tx: Tx, id: string, version: number, fields: BodyFields): Promise<Body | 'taken' | null> {
  const name = fields.name.trim();
  const [other] = await tx.db.select({ id: mandateBodies.id }).from(mandateBodies).where(sql`${mandateBodies.name} = ${name} AND ${mandateBodies.id} <> ${id}`);
  if (other) return 'taken';
  const [row] = await tx.db
    .update(mandateBodies)
    .set({ name, kind: fields.kind, departementCode: fields.departementCode ?? null, commune: fields.commune?.trim() ?? null, version: sql`${mandateBodies.version} + 1` })
    .where(sql`${mandateBodies.id} = ${id} AND ${mandateBodies.version} = ${version}`)
    .returning();
  return row ? toBody(row) : null;
}
