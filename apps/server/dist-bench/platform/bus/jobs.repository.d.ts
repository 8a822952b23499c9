import type pg from 'pg';
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
export declare function readQueueStats(db: Queryable): Promise<QueueStats[]>;
/**
 * Jobs needing attention, newest first: failed in their own queue, or waiting in a dead-letter queue
 * (no worker consumes those). Only the error message is shown, never the stack or the payload.
 */
export declare function listFailedJobs(db: Queryable, deadLetterQueues: readonly string[], filter: {
    queue?: string;
    limit: number;
}): Promise<FailedJob[]>;
export declare function findJobState(db: Queryable, queue: string, id: string): Promise<string | null>;
export {};
