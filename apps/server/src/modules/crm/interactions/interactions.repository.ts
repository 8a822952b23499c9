import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/index.js';
import type { CollectionQuery } from '../../../platform/http/collection.js';
import { fetchPage, type CollectionPage, type ShapedCondition } from '../../../platform/http/collection-sql.js';
import { interactionCollection } from './interactions.collection.js';
import type { Interaction } from './interactions.schema.js';
import { interactions, type InteractionKind } from './interactions.tables.js';

// Every query runs under the transaction's scope: RLS shows the interactions of the caller's subtrees only.

type InteractionRow = typeof interactions.$inferSelect;

function toInteraction(row: InteractionRow): Interaction {
  return {
    id: row.id,
    entityId: row.entityId,
    kind: row.kind,
    occurredAt: row.occurredAt.toISOString(),
    subject: row.subject,
    bodyHtml: row.bodyHtml,
    organizationId: row.organizationId,
    personId: row.personId,
    authorUserId: row.authorUserId,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export interface NewInteraction {
  id: string;
  entityId: string;
  kind: InteractionKind;
  occurredAt: string;
  subject: string;
  bodyHtml: string | null;
  organizationId: string | null;
  personId: string | null;
  authorUserId: string | null;
}

export async function insertInteraction(tx: Tx, values: NewInteraction): Promise<Interaction> {
  const [row] = await tx.db
    .insert(interactions)
    .values({ ...values, occurredAt: new Date(values.occurredAt) })
    .returning();
  return toInteraction(row!);
}

export async function findInteraction(tx: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<Interaction | null> {
  const query = tx.db.select().from(interactions).where(eq(interactions.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ? toInteraction(row) : null;
}

export interface InteractionChanges {
  kind: InteractionKind;
  occurredAt: string;
  subject: string;
  bodyHtml: string | null;
}

/** Null when the version moved on. */
export async function updateInteraction(tx: Tx, id: string, version: number, changes: InteractionChanges): Promise<Interaction | null> {
  const [row] = await tx.db
    .update(interactions)
    .set({ ...changes, occurredAt: new Date(changes.occurredAt), version: version + 1, updatedAt: sql`now()` })
    .where(and(eq(interactions.id, id), eq(interactions.version, version)))
    .returning();
  return row ? toInteraction(row) : null;
}

export async function deleteInteraction(tx: Tx, id: string): Promise<void> {
  await tx.db.delete(interactions).where(eq(interactions.id, id));
}

/** One page of interactions, optionally of one company or one contact (a timeline). */
export async function fetchInteractionPage(tx: Tx, query: CollectionQuery, where?: ShapedCondition): Promise<CollectionPage<Interaction>> {
  const page = await fetchPage<InteractionRow>(tx, interactionCollection, query, { table: interactions, ...(where ? { where } : {}) });
  return { ...page, items: page.items.map(toInteraction) };
}

const OF_ORGANIZATION = sql`${interactions.organizationId} = ${sql.placeholder('organizationId')}`;
const OF_PERSON = sql`${interactions.personId} = ${sql.placeholder('personId')}`;
export const ofOrganization = (organizationId: string): ShapedCondition => ({ sql: OF_ORGANIZATION, shape: 'organization', values: { organizationId } });
export const ofPerson = (personId: string): ShapedCondition => ({ sql: OF_PERSON, shape: 'person', values: { personId } });
