import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ProblemSchema } from '@maillage/contracts';
import { PLATFORM_PERMISSIONS, requirePermission } from '../auth/index.js';
import { FailedJobListSchema, FailedJobsQuerySchema, JobParamsSchema, JobRetriedSchema, QueueListSchema } from './jobs.schema.js';
import type { JobsAdminService } from './jobs.service.js';

const guard = requirePermission(PLATFORM_PERMISSIONS.jobsManage);
const refusals = { 401: ProblemSchema, 403: ProblemSchema };

export function registerJobRoutes(fastify: FastifyInstance, service: JobsAdminService): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/jobs',
    { preHandler: guard, schema: { tags: ['platform'], summary: 'Queues with job counts and lag', response: { 200: QueueListSchema, ...refusals } } },
    async (request) => ({ items: await service.listQueues(request) }),
  );

  app.get(
    '/api/v1/jobs/failed',
    {
      preHandler: guard,
      schema: {
        tags: ['platform'],
        summary: 'Failed and dead-lettered jobs, newest first',
        querystring: FailedJobsQuerySchema,
        response: { 200: FailedJobListSchema, 400: ProblemSchema, ...refusals },
      },
    },
    async (request) => {
      const jobs = await service.listFailed(request, request.query);
      return {
        items: jobs.map((job) => ({ ...job, createdAt: job.createdAt.toISOString(), failedAt: job.failedAt?.toISOString() ?? null })),
      };
    },
  );

  app.post(
    '/api/v1/jobs/:queue/:id/retry',
    {
      preHandler: guard,
      schema: {
        tags: ['platform'],
        summary: 'Run a failed job again, or move a dead-lettered one back to its queue',
        params: JobParamsSchema,
        response: { 202: JobRetriedSchema, 400: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const { queue, id } = request.params;
      const action = await service.retry(request, queue, id);
      return reply.code(202).send({ queue, id, action });
    },
  );
}
