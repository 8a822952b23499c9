import { Type } from 'typebox';
const count = () => Type.Integer({ minimum: 0 });
export const QueueSummarySchema = Type.Object({
    queue: Type.String(),
    deadLetterQueue: Type.Union([Type.String(), Type.Null()], { description: 'Where exhausted jobs go; null for a dead-letter queue itself.' }),
    counts: Type.Object({ created: count(), retry: count(), active: count(), completed: count(), cancelled: count(), failed: count() }),
    waiting: Type.Integer({ minimum: 0, description: 'Jobs ready to run that no worker has picked up yet.' }),
    oldestWaitingSeconds: Type.Number({ minimum: 0, description: 'Age of the oldest waiting job since it became runnable (queue lag).' }),
}, { $id: 'QueueSummary' });
export const QueueListSchema = Type.Object({ items: Type.Array(QueueSummarySchema) }, { $id: 'QueueList' });
export const FailedJobSchema = Type.Object({
    queue: Type.String(),
    id: Type.String({ format: 'uuid' }),
    kind: Type.Union([Type.Literal('failed'), Type.Literal('dead-lettered')]),
    sourceQueue: Type.Union([Type.String(), Type.Null()]),
    sourceId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
    retryCount: count(),
    createdAt: Type.String({ format: 'date-time' }),
    failedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    error: Type.Union([Type.String(), Type.Null()], { description: 'The error message only; stacks and payloads are never shown.' }),
}, { $id: 'FailedJob' });
export const FailedJobListSchema = Type.Object({ items: Type.Array(FailedJobSchema) }, { $id: 'FailedJobList' });
export const FailedJobsQuerySchema = Type.Object({
    queue: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
}, { additionalProperties: false });
export const JobParamsSchema = Type.Object({ queue: Type.String({ maxLength: 200 }), id: Type.String({ format: 'uuid' }) });
export const JobRetriedSchema = Type.Object({
    queue: Type.String(),
    id: Type.String({ format: 'uuid' }),
    action: Type.Union([Type.Literal('retried'), Type.Literal('redriven')], {
        description: 'retried: a failed job runs again in its queue; redriven: a dead-lettered copy moved back to its source queue.',
    }),
}, { $id: 'JobRetried' });
//# sourceMappingURL=jobs.schema.js.map