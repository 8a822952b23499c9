import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import { CollectionEnvelope } from '@maillage/contracts';
import { auditActorFrom } from '../../../platform/audit/index.js';
import { dbScopeFor, requirePermission, requirePrincipal } from '../../../platform/auth/index.js';
import { requireMergePatch } from '../../../platform/http/merge-patch.js';
import { requiredIfMatchVersion, setEtag } from '../../../platform/http/preconditions.js';
import { COMMON_PROBLEMS, problemResponses, toEnvelope } from '../../../platform/http/responses.js';
import { segmentCount, segmentMembers } from './segment-members.service.js';
import { SEGMENT_TARGET_SPECS, type SegmentActor, type SegmentDeps } from './segment-targets.js';
import { segmentCollection } from './segments.collection.js';
import {
  CreateSegmentSchema,
  SegmentCountSchema,
  SegmentIdParamsSchema,
  SegmentMembersQuerySchema,
  SegmentPatchSchema,
  SegmentSchema,
} from './segments.schema.js';
import { createSegment, getSegment, listSegments, patchSegment, removeSegment } from './segments.service.js';
import { SEGMENT_PERMISSIONS } from './permissions.js';

const TAGS = ['crm'];
const IF_MATCH = Type.Object({ 'if-match': Type.Optional(Type.String({ description: 'ETag read with GET (428 when missing, 412 when stale)' })) });
const MembersEnvelope = Type.Union([
  CollectionEnvelope(SEGMENT_TARGET_SPECS.organizations.itemSchema),
  CollectionEnvelope(SEGMENT_TARGET_SPECS.persons.itemSchema),
]);

/** `/api/v1/segments`: saved filters of the company and contact lists, their live counts and members. */
export async function segmentRoutes(instance: FastifyInstance, deps: SegmentDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { database } = deps;
  const actorOf = (request: FastifyRequest): SegmentActor => ({ principal: requirePrincipal(request), audit: auditActorFrom(request) });

  app.get(
    '/api/v1/segments',
    {
      preHandler: requirePermission(SEGMENT_PERMISSIONS.read),
      schema: {
        tags: TAGS,
        summary: "List your entities' segments",
        querystring: segmentCollection.querystring,
        response: { 200: CollectionEnvelope(SegmentSchema), ...problemResponses(...COMMON_PROBLEMS) },
      },
    },
    async (request) => {
      const query = segmentCollection.parse(request.query);
      return toEnvelope(await listSegments(database, dbScopeFor(request, SEGMENT_PERMISSIONS.read), query));
    },
  );

  app.post(
    '/api/v1/segments',
    {
      preHandler: requirePermission(SEGMENT_PERMISSIONS.write),
      schema: {
        tags: TAGS,
        summary: 'Save a filter of the company or contact list as a segment',
        description: '422 with a pointer per unknown field, unknown operator or invalid value of `filter`; 409 `segment_name_taken`.',
        body: CreateSegmentSchema,
        response: { 201: SegmentSchema, ...problemResponses(...COMMON_PROBLEMS, 409, 422) },
      },
    },
    async (request, reply) => {
      const segment = await createSegment(database, actorOf(request), request.body);
      setEtag(reply, segment.version);
      return reply.code(201).header('location', `/api/v1/segments/${segment.id}`).send(segment);
    },
  );

  app.get(
    '/api/v1/segments/:id',
    {
      preHandler: requirePermission(SEGMENT_PERMISSIONS.read),
      schema: {
        tags: TAGS,
        summary: 'Read a segment',
        params: SegmentIdParamsSchema,
        response: { 200: SegmentSchema, ...problemResponses(...COMMON_PROBLEMS, 404) },
      },
    },
    async (request, reply) => {
      const segment = await getSegment(database, dbScopeFor(request, SEGMENT_PERMISSIONS.read), request.params.id);
      setEtag(reply, segment.version);
      return segment;
    },
  );

  app.patch(
    '/api/v1/segments/:id',
    {
      preHandler: requirePermission(SEGMENT_PERMISSIONS.write),
      preValidation: requireMergePatch,
      schema: {
        tags: TAGS,
        summary: 'Rename a segment or change its filter (JSON Merge Patch, If-Match required)',
        params: SegmentIdParamsSchema,
        headers: IF_MATCH,
        body: SegmentPatchSchema,
        response: { 200: SegmentSchema, ...problemResponses(...COMMON_PROBLEMS, 404, 409, 412, 415, 422, 428) },
      },
    },
    async (request, reply) => {
      const expected = requiredIfMatchVersion(request) ?? '*';
      const segment = await patchSegment(database, actorOf(request), request.params.id, expected, request.body);
      setEtag(reply, segment.version);
      return segment;
    },
  );

  app.delete(
    '/api/v1/segments/:id',
    {
      preHandler: requirePermission(SEGMENT_PERMISSIONS.write),
      schema: {
        tags: TAGS,
        summary: 'Delete a segment',
        params: SegmentIdParamsSchema,
        response: { 204: Type.Null(), ...problemResponses(...COMMON_PROBLEMS, 404) },
      },
    },
    async (request, reply) => {
      await removeSegment(database, actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/segments/:id/count',
    {
      preHandler: requirePermission(SEGMENT_PERMISSIONS.read),
      schema: {
        tags: TAGS,
        summary: 'Live count of the segment: the members you can see now',
        description: "Needs the target list's read permission too (crm.organizations.read or crm.persons.read).",
        params: SegmentIdParamsSchema,
        response: { 200: SegmentCountSchema, ...problemResponses(...COMMON_PROBLEMS, 404) },
      },
    },
    async (request) => {
      const { segment, count } = await segmentCount(deps, actorOf(request), request.params.id);
      return { segmentId: segment.id, target: segment.target, count };
    },
  );

  app.get(
    '/api/v1/segments/:id/members',
    {
      preHandler: requirePermission(SEGMENT_PERMISSIONS.read),
      schema: {
        tags: TAGS,
        summary: 'The members of a segment, paginated like its target list (same items, sort and cursors)',
        params: SegmentIdParamsSchema,
        querystring: SegmentMembersQuerySchema,
        response: { 200: MembersEnvelope, ...problemResponses(...COMMON_PROBLEMS, 404) },
      },
    },
    async (request) => {
      const { page } = await segmentMembers(deps, actorOf(request), request.params.id, request.query);
      // The items come from the target list's own service, which produces its item schema.
      return toEnvelope(page) as Static<typeof MembersEnvelope>;
    },
  );
}
