import { recordAudit, type AuditActor } from '../../../platform/audit/index.js';
import type { Principal } from '../../../platform/auth/index.js';
import { withTransaction, type Database, type DbScope } from '../../../platform/db/index.js';
import type { CollectionPage } from '../../../platform/http/collection-sql.js';
import type { CollectionQuery } from '../../../platform/http/collection.js';
import { NotFoundError, PreconditionFailedError, ValidationError } from '../../../platform/http/errors.js';
import { TASK_PERMISSIONS } from './permissions.js';
import { findTask, listTasks, updateTask } from './tasks.repository.js';
import type { Task, TaskPatch } from './tasks.schema.js';

export interface TaskActor {
  principal: Principal;
  audit: AuditActor;
}

const scopeOf = (actor: TaskActor, permission: string): DbScope => ({
  kind: 'entities',
  entityRoots: actor.principal.rootsFor(permission),
  userId: actor.principal.userId,
});

export async function listTasksFor(database: Database, actor: TaskActor, query: CollectionQuery): Promise<CollectionPage<Task>> {
  return withTransaction(database, scopeOf(actor, TASK_PERMISSIONS.read), (tx) => listTasks(tx, query), { readOnly: true });
}

export async function getTask(database: Database, actor: TaskActor, id: string): Promise<Task> {
  const task = await withTransaction(database, scopeOf(actor, TASK_PERMISSIONS.read), (tx) => findTask(tx, id), { readOnly: true });
  if (!task) throw new NotFoundError('Task');
  return task;
}

/** Closes, cancels, reopens or (un)assigns a task; `expected` is the If-Match version (`*`: any). */
export async function patchTask(database: Database, actor: TaskActor, id: string, expected: number | '*', patch: TaskPatch): Promise<Task> {
  return withTransaction(database, scopeOf(actor, TASK_PERMISSIONS.write), async (tx) => {
    const current = await findTask(tx, id);
    if (!current) throw new NotFoundError('Task');
    if (expected !== '*' && expected !== current.version) throw new PreconditionFailedError();
    const fields = { status: patch.status ?? current.status, assigneeUserId: patch.assigneeUserId === undefined ? current.assigneeUserId : patch.assigneeUserId };
    let updated: Task | null;
    try {
      updated = await updateTask(tx, id, current.version, fields);
    } catch (error) {
      if (isForeignKeyViolation(error)) {
        throw new ValidationError([{ pointer: '/assigneeUserId', message: "Cet utilisateur n'existe pas." }]);
      }
      throw error;
    }
    if (!updated) throw new PreconditionFailedError();
    await recordAudit(tx, {
      action: 'tasks.task.updated',
      resourceType: 'task',
      resourceId: id,
      entityId: current.entityId,
      before: { status: current.status, assigneeUserId: current.assigneeUserId },
      after: fields,
      actor: actor.audit,
    });
    return updated;
  });
}

/** Drizzle wraps the driver's error in `cause`. */
function isForeignKeyViolation(error: unknown): boolean {
  const { code, cause } = (error ?? {}) as { code?: string; cause?: { code?: string } };
  return code === '23503' || cause?.code === '23503';
}
