import type { FastifyRequest } from 'fastify';
import { auditActorFrom, recordAudit } from '../audit/index.js';
import { dbScopeFor, PLATFORM_PERMISSIONS } from '../auth/index.js';
import { withTransaction, type Database } from '../db/index.js';
import { ConflictError, NotFoundError } from '../http/errors.js';
import type { MessageBus } from './bus.js';
import { findJobState, listFailedJobs, readQueueStats, type FailedJob, type QueueStats } from './jobs.repository.js';

const PERMISSION = PLATFORM_PERMISSIONS.jobsManage;

/** Job administration for national staff: what waits, what failed, and running a failed job again. */
export class JobsAdminService {
  constructor(
    private readonly database: Database,
    private readonly bus: MessageBus,
  ) {}

  listQueues(request: FastifyRequest): Promise<QueueStats[]> {
    return withTransaction(this.database, dbScopeFor(request, PERMISSION), (tx) => readQueueStats(tx.client), { readOnly: true });
  }

  listFailed(request: FastifyRequest, filter: { queue?: string; limit: number }): Promise<FailedJob[]> {
    return withTransaction(this.database, dbScopeFor(request, PERMISSION), (tx) => listFailedJobs(tx.client, this.deadLetterQueues(), filter), {
      readOnly: true,
    });
  }

  /**
   * A failed job is put back in its queue; a dead-lettered copy is moved back to its source queue.
   * The change itself runs as the owner (the application role may not update jobs), then the audit
   * event is recorded: a crash in between leaves a retried job without its audit line, never the reverse.
   */
  async retry(request: FastifyRequest, queue: string, id: string): Promise<'retried' | 'redriven'> {
    const scope = dbScopeFor(request, PERMISSION);
    const state = await withTransaction(this.database, scope, (tx) => findJobState(tx.client, queue, id), { readOnly: true });
    if (state === null) throw new NotFoundError('Job');
    let action: 'retried' | 'redriven';
    if (state === 'failed') {
      const result = (await this.bus.boss.retry(queue, id)) as { affected?: number };
      if (!result.affected) throw notRetryable();
      action = 'retried';
    } else if (this.deadLetterQueues().includes(queue) && (state === 'created' || state === 'retry')) {
      if ((await this.bus.boss.redrive(queue, { ids: [id] })) === 0) throw notRetryable();
      action = 'redriven';
    } else {
      throw notRetryable();
    }
    await withTransaction(this.database, scope, (tx) =>
      recordAudit(tx, {
        action: 'platform.job.retried',
        resourceType: 'job',
        resourceId: id,
        entityId: null,
        after: { queue, action },
        actor: auditActorFrom(request),
      }),
    );
    return action;
  }

  private deadLetterQueues(): string[] {
    return this.bus.messages().flatMap((message) => (message.deadLetter ? [message.deadLetter] : []));
  }
}

function notRetryable(): ConflictError {
  return new ConflictError('Only a failed or dead-lettered job can be retried.', 'job_not_retryable');
}
