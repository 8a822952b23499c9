import { sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/index.js';
import { fetchPage, type CollectionPage } from '../../../platform/http/collection-sql.js';
import type { CollectionQuery } from '../../../platform/http/collection.js';
import { taskCollection } from './tasks.collection.js';
import type { Task } from './tasks.schema.js';
import { tasks, type TaskStatus } from './tasks.tables.js';

type TaskRow = typeof tasks.$inferSelect;

export function toTask(row: TaskRow): Task {
  return {
    id: row.id,
    entityId: row.entityId,
    title: row.title,
    dueOn: row.dueOn,
    status: row.status,
    assigneeUserId: row.assigneeUserId,
    relatedTo: { kind: row.relatedKind, id: row.relatedId },
    closedAt: row.closedAt?.toISOString() ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export interface NewTask {
  id: string;
  entityId: string;
  title: string;
  dueOn: string;
  relatedKind: string;
  relatedId: string;
  dedupeKey: string;
}

/** Inserts unless the entity already has a task with this key; resolves the new row, or null. */
export async function insertTaskOnce(tx: Tx, task: NewTask): Promise<Task | null> {
  const [row] = await tx.db.insert(tasks).values(task).onConflictDoNothing({ target: [tasks.entityId, tasks.dedupeKey] }).returning();
  return row ? toTask(row) : null;
}

export async function findTaskByKey(tx: Tx, entityId: string, dedupeKey: string): Promise<Task | null> {
  const [row] = await tx.db.select().from(tasks).where(sql`${tasks.entityId} = ${entityId} AND ${tasks.dedupeKey} = ${dedupeKey}`);
  return row ? toTask(row) : null;
}

export async function findTask(tx: Tx, id: string): Promise<Task | null> {
  const [row] = await tx.db.select().from(tasks).where(sql`${tasks.id} = ${id}`);
  return row ? toTask(row) : null;
}

export async function listTasks(tx: Tx, query: CollectionQuery): Promise<CollectionPage<Task>> {
  const page = await fetchPage<TaskRow>(tx, taskCollection, query, { table: tasks });
  return { ...page, items: page.items.map(toTask) };
}

/** Compare-and-set on the version: null when someone changed the task in between. */
export async function updateTask(tx: Tx, id: string, version: number, fields: { status: TaskStatus; assigneeUserId: string | null }): Promise<Task | null> {
  const closedAt = fields.status === 'open' ? sql`NULL` : sql`COALESCE(${tasks.closedAt}, now())`;
  const [row] = await tx.db
    .update(tasks)
    .set({ status: fields.status, assigneeUserId: fields.assigneeUserId, closedAt, version: sql`${tasks.version} + 1`, updatedAt: sql`now()` })
    .where(sql`${tasks.id} = ${id} AND ${tasks.version} = ${version}`)
    .returning();
  return row ? toTask(row) : null;
}
