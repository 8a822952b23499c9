import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { auditActorFrom } from '../../../platform/audit/index.js';
import { dbScopeFor, requirePermission, requirePrincipal } from '../../../platform/auth/index.js';
import { requiredIfMatchVersion, setEtag } from '../../../platform/http/preconditions.js';
import { COMMON_PROBLEMS, problemResponses } from '../../../platform/http/responses.js';
import type { MembershipActor, MembershipDeps } from '../memberships/membership-actor.js';
import { IdParamsSchema } from '../memberships/memberships.schema.js';
import { MEMBERSHIP_PERMISSIONS } from '../memberships/permissions.js';
import { CreateDuesScheduleSchema, DuesScheduleListQuerySchema, DuesScheduleListSchema, DuesScheduleSchema, ReplaceDuesScheduleSchema } from './dues.schema.js';
import { createSchedule, getSchedule, removeSchedule, replaceSchedule, searchSchedules } from './dues.service.js';

const TAGS = ['membership'];
const { read, write } = MEMBERSHIP_PERMISSIONS;
const IF_MATCH = Type.Object({ 'if-match': Type.Optional(Type.String({ description: 'ETag read with GET (428 when missing, 412 when stale)' })) });

/** `/api/v1/membership/dues-schedules`: the dues an entity asks for a year, by headcount band and member type. */
export async function duesRoutes(instance: FastifyInstance, deps: MembershipDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const actorOf = (request: FastifyRequest): MembershipActor => ({ principal: requirePrincipal(request), audit: auditActorFrom(request) });
  const base = '/api/v1/membership/dues-schedules';

  app.get(
    base,
    {
      preHandler: requirePermission(read),
      schema: { tags: TAGS, summary: "The dues schedules of one's entities", querystring: DuesScheduleListQuerySchema, response: { 200: DuesScheduleListSchema, ...problemResponses(...COMMON_PROBLEMS) } },
    },
    async (request) => ({ items: await searchSchedules(deps.database, dbScopeFor(request, read), request.query) }),
  );

  app.post(
    base,
    {
      preHandler: requirePermission(write),
      schema: {
        tags: TAGS,
        summary: 'Create the dues schedule of an entity for a year',
        description: '422 with pointers: negative amount, unknown headcount band, type of another entity, two rates with the same criteria, a schedule already existing for the year.',
        body: CreateDuesScheduleSchema,
        response: { 201: DuesScheduleSchema, ...problemResponses(...COMMON_PROBLEMS, 422) },
      },
    },
    async (request, reply) => {
      const schedule = await createSchedule(deps, actorOf(request), request.body);
      setEtag(reply, schedule.version);
      return reply.code(201).header('location', `${base}/${schedule.id}`).send(schedule);
    },
  );

  app.get(
    `${base}/:id`,
    {
      preHandler: requirePermission(read),
      schema: { tags: TAGS, summary: 'Read a dues schedule and its rates', params: IdParamsSchema, response: { 200: DuesScheduleSchema, ...problemResponses(...COMMON_PROBLEMS, 404) } },
    },
    async (request, reply) => {
      const schedule = await getSchedule(deps.database, dbScopeFor(request, read), request.params.id);
      setEtag(reply, schedule.version);
      return schedule;
    },
  );

  app.put(
    `${base}/:id`,
    {
      preHandler: requirePermission(write),
      schema: {
        tags: TAGS,
        summary: 'Replace the pro rata flag and every rate of a schedule (If-Match required)',
        params: IdParamsSchema,
        headers: IF_MATCH,
        body: ReplaceDuesScheduleSchema,
        response: { 200: DuesScheduleSchema, ...problemResponses(...COMMON_PROBLEMS, 404, 412, 422, 428) },
      },
    },
    async (request, reply) => {
      const schedule = await replaceSchedule(deps, actorOf(request), request.params.id, requiredIfMatchVersion(request), request.body);
      setEtag(reply, schedule.version);
      return schedule;
    },
  );

  app.delete(
    `${base}/:id`,
    {
      preHandler: requirePermission(write),
      schema: { tags: TAGS, summary: 'Delete a dues schedule', params: IdParamsSchema, response: { 204: Type.Null(), ...problemResponses(...COMMON_PROBLEMS, 404) } },
    },
    async (request, reply) => {
      await removeSchedule(deps, actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
