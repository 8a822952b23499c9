import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { requirePermission } from '../../../platform/auth/index.js';
import { requireMergePatch } from '../../../platform/http/merge-patch.js';
import { requiredIfMatchVersion, setEtag } from '../../../platform/http/preconditions.js';
import { COMMON_PROBLEMS, collectionResponse, problemResponses, toEnvelope } from '../../../platform/http/responses.js';
import { mandateActorFrom, type MandateDeps } from './mandate-actor.js';
import { createBody, createSeat, getBody, getSeat, listBodiesFor, listSeatsFor, patchBody, patchSeat } from './mandate-registry.service.js';
import { bodyCollection, seatCollection } from './mandates.collections.js';
import { BodyPatchSchema, BodySchema, CreateBodySchema, CreateSeatSchema, IdParamsSchema, SeatPatchSchema, SeatSchema } from './mandates.schema.js';
import { MANDATE_PERMISSIONS } from './permissions.js';

const TAGS = ['mandates'];
const { read, write } = MANDATE_PERMISSIONS;

/** `/api/v1/mandate-bodies` (network-wide reference data) and `/api/v1/mandate-seats` (per designating entity). */
export async function mandateRegistryRoutes(instance: FastifyInstance, deps: MandateDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/mandate-bodies',
    {
      preHandler: requirePermission(read),
      schema: { tags: TAGS, summary: 'List the bodies where the network holds seats (shared by the whole network)', querystring: bodyCollection.querystring, response: { 200: collectionResponse(BodySchema), ...problemResponses(...COMMON_PROBLEMS) } },
    },
    async (request) => toEnvelope(await listBodiesFor(deps, mandateActorFrom(request), bodyCollection.parse(request.query))),
  );
  app.get(
    '/api/v1/mandate-bodies/:id',
    { preHandler: requirePermission(read), schema: { tags: TAGS, summary: 'Read a body', params: IdParamsSchema, response: { 200: BodySchema, ...problemResponses(...COMMON_PROBLEMS, 404) } } },
    async (request, reply) => {
      const body = await getBody(deps, mandateActorFrom(request), request.params.id);
      setEtag(reply, body.version);
      return body;
    },
  );
  app.post(
    '/api/v1/mandate-bodies',
    {
      preHandler: requirePermission(write),
      schema: { tags: TAGS, summary: 'Declare a body, shared by the network or owned by one of the caller’s entities (409 when the name is taken)', body: CreateBodySchema, response: { 201: BodySchema, ...problemResponses(...COMMON_PROBLEMS, 409, 422) } },
    },
    async (request, reply) => reply.code(201).send(await createBody(deps, mandateActorFrom(request), request.body)),
  );

  app.patch(
    '/api/v1/mandate-bodies/:id',
    {
      preHandler: requirePermission(write),
      preValidation: requireMergePatch,
      schema: {
        tags: TAGS,
        summary: 'Correct a body: its owning entity, or national staff for a shared one (JSON Merge Patch, If-Match required; 403 otherwise, 409 when the name is taken)',
        params: IdParamsSchema,
        body: BodyPatchSchema,
        response: { 200: BodySchema, ...problemResponses(...COMMON_PROBLEMS, 404, 409, 412, 415, 422, 428) },
      },
    },
    async (request, reply) => {
      const body = await patchBody(deps, mandateActorFrom(request), request.params.id, requiredIfMatchVersion(request) ?? '*', request.body);
      setEtag(reply, body.version);
      return body;
    },
  );

  app.get(
    '/api/v1/mandate-seats',
    {
      preHandler: requirePermission(read),
      schema: { tags: TAGS, summary: "List the seats designated by the caller's entities", querystring: seatCollection.querystring, response: { 200: collectionResponse(SeatSchema), ...problemResponses(...COMMON_PROBLEMS) } },
    },
    async (request) => toEnvelope(await listSeatsFor(deps, mandateActorFrom(request), seatCollection.parse(request.query))),
  );
  app.get(
    '/api/v1/mandate-seats/:id',
    { preHandler: requirePermission(read), schema: { tags: TAGS, summary: 'Read a seat', params: IdParamsSchema, response: { 200: SeatSchema, ...problemResponses(...COMMON_PROBLEMS, 404) } } },
    async (request, reply) => {
      const seat = await getSeat(deps, mandateActorFrom(request), request.params.id);
      setEtag(reply, seat.version);
      return seat;
    },
  );
  app.post(
    '/api/v1/mandate-seats',
    {
      preHandler: requirePermission(write),
      schema: { tags: TAGS, summary: 'Declare a seat of a body for a designating entity', body: CreateSeatSchema, response: { 201: SeatSchema, ...problemResponses(...COMMON_PROBLEMS, 409, 422) } },
    },
    async (request, reply) => reply.code(201).send(await createSeat(deps, mandateActorFrom(request), request.body)),
  );
  app.patch(
    '/api/v1/mandate-seats/:id',
    {
      preHandler: requirePermission(write),
      preValidation: requireMergePatch,
      schema: {
        tags: TAGS,
        summary: "Change a seat's label or role (JSON Merge Patch, If-Match required)",
        params: IdParamsSchema,
        body: SeatPatchSchema,
        response: { 200: SeatSchema, ...problemResponses(...COMMON_PROBLEMS, 404, 409, 412, 415, 422, 428) },
      },
    },
    async (request, reply) => {
      const seat = await patchSeat(deps, mandateActorFrom(request), request.params.id, requiredIfMatchVersion(request) ?? '*', request.body);
      setEtag(reply, seat.version);
      return seat;
    },
  );
}
