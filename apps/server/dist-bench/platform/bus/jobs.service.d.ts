import type { FastifyRequest } from 'fastify';
import { type Database } from '../db/index.js';
import type { MessageBus } from './bus.js';
import { type FailedJob, type QueueStats } from './jobs.repository.js';
/** Job administration for national staff: what waits, what failed, and running a failed job again. */
export declare class JobsAdminService {
    private readonly database;
    private readonly bus;
    constructor(database: Database, bus: MessageBus);
    listQueues(request: FastifyRequest): Promise<QueueStats[]>;
    listFailed(request: FastifyRequest, filter: {
        queue?: string;
        limit: number;
    }): Promise<FailedJob[]>;
    /**
     * A failed job is put back in its queue; a dead-lettered copy is moved back to its source queue.
     * The change itself runs as the owner (the application role may not update jobs), then the audit
     * event is recorded: a crash in between leaves a retried job without its audit line, never the reverse.
     */
    retry(request: FastifyRequest, queue: string, id: string): Promise<'retried' | 'redriven'>;
    private deadLetterQueues;
}
