import { newId, type Tx } from '../../../platform/db/index.js';
import { findTaskByKey, insertTaskOnce } from './tasks.repository.js';
import type { Task } from './tasks.schema.js';

export interface FollowUpTaskInput {
  entityId: string;
  /** French, shown to staff as is. */
  title: string;
  /** YYYY-MM-DD. */
  dueOn: string;
  relatedTo: { kind: string; id: string };
  /** Unique per entity, e.g. `mandate-expiry:<mandate id>`: raising twice yields the first task. */
  dedupeKey: string;
}

/**
 * Raises a follow-up task inside the caller's transaction, once per entity and dedupe key (a job
 * run twice, or concurrently, creates one task). A task closed or cancelled since is not reopened.
 * Resolves the task and whether this call created it.
 */
export async function createFollowUpTask(tx: Tx, input: FollowUpTaskInput): Promise<{ task: Task; created: boolean }> {
  const created = await insertTaskOnce(tx, {
    id: newId(),
    entityId: input.entityId,
    title: input.title.trim().slice(0, 300),
    dueOn: input.dueOn,
    relatedKind: input.relatedTo.kind,
    relatedId: input.relatedTo.id,
    dedupeKey: input.dedupeKey,
  });
  if (created) return { task: created, created: true };
  const existing = await findTaskByKey(tx, input.entityId, input.dedupeKey);
  if (!existing) throw new Error(`Task ${input.dedupeKey} exists but is outside the transaction's scope`);
  return { task: existing, created: false };
}
