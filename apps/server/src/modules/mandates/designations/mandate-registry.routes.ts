import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { requirePermission } from '../../../platform/auth/index.js';
import { COMMON_PROBLEMS, collectionResponse, problemResponses, toEnvelope } from '../../../platform/http/responses.js';
import { mandateActorFrom, type MandateDeps } from './mandate-actor.js';
import { createBody, createSeat, getBody, getSeat, listBodiesFor, listSeatsFor } from './mandate-registry.service.js';
import { bodyCollection, seatCollection } from './mandates.collections.js';
import { BodySchema, CreateBodySchema, CreateSeatSchema, IdParamsSchema, SeatSchema } from './mandates.schema.js';
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
    async (request) => getBody(deps, mandateActorFrom(request), request.params.id),
  );
  app.post(
    '/api/v1/mandate-bodies',
    {
      preHandler: requirePermission(write),
      schema: { tags: TAGS, summary: 'Declare a body (409 when the name is taken)', body: CreateBodySchema, response: { 201: BodySchema, ...problemResponses(...COMMON_PROBLEMS, 409, 422) } },
    },
    async (request, reply) => reply.code(201).send(await createBody(deps, mandateActorFrom(request), request.body)),
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
    async (request) => getSeat(deps, mandateActorFrom(request), request.params.id),
  );
  app.post(
    '/api/v1/mandate-seats',
    {
      preHandler: requirePermission(write),
      schema: { tags: TAGS, summary: 'Declare a seat of a body for a designating entity', body: CreateSeatSchema, response: { 201: SeatSchema, ...problemResponses(...COMMON_PROBLEMS, 409, 422) } },
    },
    async (request, reply) => reply.code(201).send(await createSeat(deps, mandateActorFrom(request), request.body)),
  );
}
