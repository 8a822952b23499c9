import type pg from 'pg';
import { BUS_SCHEMA } from './grants.js';

/** A pool (owner: metrics) or a transaction client (application role: admin API); both may read the job tables. */
type Queryable = Pick<pg.ClientBase, 'query'> | Pick<pg.Pool, 'query'>;

export interface QueueCounts {
  created: number;
  retry: number;
  active: number;
  completed: number;
  cancelled: number;
  failed: number;
}

export interface QueueStats {
  queue: string;
  /** Where this queue's exhausted jobs go; null for dead-letter queues themselves. */
  deadLetterQueue: string | null;
  counts: QueueCounts;
  /** Jobs whose start time has come and that no worker has picked up yet. */
  waiting: number;
  /** Age of the oldest of those, measured from when it became runnable (the queue lag); 0 when none waits. */
  oldestWaitingSeconds: number;
}

export interface FailedJob {
  queue: string;
  id: string;
  /** `failed`: retries exhausted in its own queue; `dead-lettered`: a copy waiting in a dead-letter queue. */
  kind: 'failed' | 'dead-lettered';
  sourceQueue: string | null;
  sourceId: string | null;
  retryCount: number;
  createdAt: Date;
  failedAt: Date | null;
  error: string | null;
}

// pg-boss's own bookkeeping queues are not ours to show.
const OWN_QUEUES = `q.name NOT LIKE '\\_\\_pgboss\\_\\_%'`;

export async function readQueueStats(db: Queryable): Promise<QueueStats[]> {
  const { rows } = await db.query<QueueStats & QueueCounts>(
    `SELECT q.name AS queue, q.dead_letter AS "deadLetterQueue",
            count(j.id) FILTER (WHERE j.state = 'created')::int AS created,
            count(j.id) FILTER (WHERE j.state = 'retry')::int AS retry,
            count(j.id) FILTER (WHERE j.state = 'active')::int AS active,
            count(j.id) FILTER (WHERE j.state = 'completed')::int AS completed,
            count(j.id) FILTER (WHERE j.state = 'cancelled')::int AS cancelled,
            count(j.id) FILTER (WHERE j.state = 'failed')::int AS failed,
            count(j.id) FILTER (WHERE j.state IN ('created', 'retry') AND j.start_after <= now())::int AS waiting,
            coalesce(extract(epoch FROM now() - min(j.start_after) FILTER (WHERE j.state IN ('created', 'retry') AND j.start_after <= now())), 0)::float8
              AS "oldestWaitingSeconds"
     FROM ${BUS_SCHEMA}.queue q
     LEFT JOIN ${BUS_SCHEMA}.job j ON j.name = q.name
     WHERE ${OWN_QUEUES}
     GROUP BY q.name, q.dead_letter
     ORDER BY q.name`,
  );
  return rows.map(({ created, retry, active, completed, cancelled, failed, ...rest }) => ({
    ...rest,
    counts: { created, retry, active, completed, cancelled, failed },
  }));
}

/**
 * Jobs needing attention, newest first: failed in their own queue, or waiting in a dead-letter queue
 * (no worker consumes those). Only the error message is shown, never the stack or the payload.
 */
export async function listFailedJobs(db: Queryable, deadLetterQueues: readonly string[], filter: { queue?: string; limit: number }): Promise<FailedJob[]> {
  const { rows } = await db.query<FailedJob>(
    `SELECT j.name AS queue, j.id,
            CASE WHEN j.state = 'failed' THEN 'failed' ELSE 'dead-lettered' END AS kind,
            j.source_name AS "sourceQueue", j.source_id AS "sourceId",
            coalesce(j.source_retry_count, j.retry_count) AS "retryCount",
            coalesce(j.source_created_on, j.created_on) AS "createdAt",
            CASE WHEN j.state = 'failed' THEN j.completed_on ELSE j.created_on END AS "failedAt",
            coalesce(j.output, j.source_output) ->> 'message' AS error
     FROM ${BUS_SCHEMA}.job j
     WHERE (j.state = 'failed' OR (j.name = ANY($1::text[]) AND j.state IN ('created', 'retry')))
       AND ($2::text IS NULL OR j.name = $2)
     ORDER BY "failedAt" DESC NULLS LAST, j.id DESC
     LIMIT $3`,
    [deadLetterQueues, filter.queue ?? null, filter.limit],
  );
  return rows;
}

export async function findJobState(db: Queryable, queue: string, id: string): Promise<string | null> {
  const { rows } = await db.query<{ state: string }>(`SELECT state FROM ${BUS_SCHEMA}.job WHERE name = $1 AND id = $2`, [queue, id]);
  return rows[0]?.state ?? null;
}
