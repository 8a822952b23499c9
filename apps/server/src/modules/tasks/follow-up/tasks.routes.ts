import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { auditActorFrom } from '../../../platform/audit/index.js';
import { requirePermission, requirePrincipal } from '../../../platform/auth/index.js';
import type { Database } from '../../../platform/db/index.js';
import { requireMergePatch } from '../../../platform/http/merge-patch.js';
import { requiredIfMatchVersion, setEtag } from '../../../platform/http/preconditions.js';
import { COMMON_PROBLEMS, collectionResponse, problemResponses, toEnvelope } from '../../../platform/http/responses.js';
import { TASK_PERMISSIONS } from './permissions.js';
import { taskCollection } from './tasks.collection.js';
import { TaskIdParamsSchema, TaskPatchSchema, TaskSchema } from './tasks.schema.js';
import { getTask, listTasksFor, patchTask, type TaskActor } from './tasks.service.js';

const TAGS = ['tasks'];

/** `/api/v1/tasks`: the follow-up tasks other modules raise (mandate expiry, reminders…). */
export async function taskRoutes(instance: FastifyInstance, deps: { database: Database }): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const actorOf = (request: FastifyRequest): TaskActor => ({ principal: requirePrincipal(request), audit: auditActorFrom(request) });

  app.get(
    '/api/v1/tasks',
    {
      preHandler: requirePermission(TASK_PERMISSIONS.read),
      schema: {
        tags: TAGS,
        summary: "List the follow-up tasks of the caller's entities, soonest due first",
        description: 'Filter by status, due date (`filter[dueOn][lte]` for "due before"), related record or assignee.',
        querystring: taskCollection.querystring,
        response: { 200: collectionResponse(TaskSchema), ...problemResponses(...COMMON_PROBLEMS) },
      },
    },
    async (request) => toEnvelope(await listTasksFor(deps.database, actorOf(request), taskCollection.parse(request.query))),
  );

  app.get(
    '/api/v1/tasks/:id',
    {
      preHandler: requirePermission(TASK_PERMISSIONS.read),
      schema: { tags: TAGS, summary: 'Read a task', params: TaskIdParamsSchema, response: { 200: TaskSchema, ...problemResponses(...COMMON_PROBLEMS, 404) } },
    },
    async (request, reply) => {
      const task = await getTask(deps.database, actorOf(request), request.params.id);
      setEtag(reply, task.version);
      return task;
    },
  );

  app.patch(
    '/api/v1/tasks/:id',
    {
      preHandler: requirePermission(TASK_PERMISSIONS.write),
      preValidation: requireMergePatch,
      schema: {
        tags: TAGS,
        summary: 'Close, cancel, reopen or assign a task (JSON Merge Patch, If-Match required)',
        params: TaskIdParamsSchema,
        body: TaskPatchSchema,
        response: { 200: TaskSchema, ...problemResponses(...COMMON_PROBLEMS, 404, 412, 415, 422, 428) },
      },
    },
    async (request, reply) => {
      const expected = requiredIfMatchVersion(request) ?? '*';
      const task = await patchTask(deps.database, actorOf(request), request.params.id, expected, request.body);
      setEtag(reply, task.version);
      return task;
    },
  );
}
