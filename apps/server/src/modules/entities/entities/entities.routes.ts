import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CollectionEnvelope } from '@maillage/contracts';
import { auditActorFrom } from '../../../platform/audit/index.js';
import { requirePermission, requirePrincipal } from '../../../platform/auth/index.js';
import { sendCsv, wantsCsv, type CsvColumn } from '../../../platform/http/collection-csv.js';
import { requireMergePatch } from '../../../platform/http/merge-patch.js';
import { isNotModified, requiredIfMatchVersion, setEtag } from '../../../platform/http/preconditions.js';
import { COMMON_PROBLEMS, problemResponses, toEnvelope } from '../../../platform/http/responses.js';
import { branchSerializer } from '../../../platform/http/serialization.js';
import { entityCollection } from './entities.collection.js';
import { getEntity, getEntityTree, listEntities } from './entities-read.service.js';
import { createEntity, moveEntity, updateEntity, type EntityActor, type EntityWriteDeps } from './entities-write.service.js';
import {
  CreateEntitySchema,
  EntityIdParamsSchema,
  EntityPatchSchema,
  EntitySchema,
  EntityTreeSchema,
  MoveEntitySchema,
  type Entity,
} from './entities.schema.js';
import { ENTITY_PERMISSIONS } from './permissions.js';

const TAGS = ['entities'];
const EntityPageSchema = CollectionEnvelope(EntitySchema);
// The list answers one of two shapes; the handler knows which (see branchSerializer).
const serializePage = branchSerializer(EntityPageSchema);
const serializeTree = branchSerializer(EntityTreeSchema);

const CSV_COLUMNS: CsvColumn<Entity>[] = [
  { name: 'id' },
  { name: 'kind' },
  { name: 'code' },
  { name: 'name' },
  { name: 'parentId' },
  { name: 'inseeCode' },
  { name: 'siren', value: (entity: Entity) => entity.legalIdentity.siren },
  { name: 'legalName', value: (entity: Entity) => entity.legalIdentity.legalName },
  { name: 'addressLine', value: (entity: Entity) => entity.address.line },
  { name: 'postalCode', value: (entity: Entity) => entity.address.postalCode },
  { name: 'city', value: (entity: Entity) => entity.address.city },
  { name: 'email', value: (entity: Entity) => entity.contact.email },
  { name: 'phone', value: (entity: Entity) => entity.contact.phone },
  { name: 'updatedAt' },
];

/** `/api/v1/entities`: the network tree. Reading is open to every holder of `entities.read`, network-wide. */
export async function entityRoutes(instance: FastifyInstance, deps: EntityWriteDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { database } = deps;
  const actorOf = (request: Parameters<typeof auditActorFrom>[0]): EntityActor => ({ principal: requirePrincipal(request), audit: auditActorFrom(request) });

  app.get(
    '/api/v1/entities',
    {
      preHandler: requirePermission(ENTITY_PERMISSIONS.read),
      schema: {
        tags: TAGS,
        summary: 'List the entities of the network (flat, paged) or the whole tree (`view=tree`)',
        querystring: entityCollection.querystring,
        response: {
          200: {
            description: 'A page of entities, or with `view=tree` the nested tree. `Accept: text/csv` exports the flat list.',
            content: {
              'application/json': { schema: Type.Union([EntityPageSchema, EntityTreeSchema]) },
              'text/csv': { schema: Type.String() },
            },
          },
          ...problemResponses(...COMMON_PROBLEMS),
        },
      },
    },
    async (request, reply) => {
      // The data first: a serializer set before a failing read would serialize the error's problem too.
      if ((request.query as { view?: string }).view === 'tree') {
        const tree = { items: await getEntityTree(database) };
        return reply.serializer(serializeTree).send(tree);
      }
      const query = entityCollection.parse(request.query);
      if (wantsCsv(request)) {
        return sendCsv(reply, { query, fetch: (batch) => listEntities(database, batch), columns: CSV_COLUMNS, filename: 'entites', audit: false });
      }
      const page = toEnvelope(await listEntities(database, query));
      return reply.serializer(serializePage).send(page);
    },
  );

  app.get(
    '/api/v1/entities/:id',
    {
      preHandler: requirePermission(ENTITY_PERMISSIONS.read),
      schema: {
        tags: TAGS,
        summary: 'Read one entity; the ETag is the value to send as If-Match when changing it',
        params: EntityIdParamsSchema,
        response: { 200: EntitySchema, 304: Type.Null({ description: 'Not modified' }), ...problemResponses(...COMMON_PROBLEMS, 404) },
      },
    },
    async (request, reply) => {
      const entity = await getEntity(database, request.params.id);
      setEtag(reply, entity.version);
      if (isNotModified(request, entity.version)) return reply.code(304).send(null);
      return entity;
    },
  );

  app.patch(
    '/api/v1/entities/:id',
    {
      preHandler: requirePermission(ENTITY_PERMISSIONS.update),
      preValidation: requireMergePatch,
      schema: {
        tags: TAGS,
        summary: 'Change name, legal identity, address or contact (JSON Merge Patch, If-Match required)',
        description: 'Allowed on the entities of your own subtree; others answer 404.',
        params: EntityIdParamsSchema,
        headers: Type.Object({ 'if-match': Type.Optional(Type.String({ description: 'ETag read with GET (428 when missing, 412 when stale)' })) }),
        body: EntityPatchSchema,
        response: { 200: EntitySchema, ...problemResponses(...COMMON_PROBLEMS, 404, 412, 415, 422, 428) },
      },
    },
    async (request, reply) => {
      const expected = requiredIfMatchVersion(request) ?? '*';
      const entity = await updateEntity(deps, actorOf(request), request.params.id, expected, request.body);
      setEtag(reply, entity.version);
      return entity;
    },
  );

  app.post(
    '/api/v1/entities',
    {
      preHandler: requirePermission(ENTITY_PERMISSIONS.manage),
      schema: {
        tags: TAGS,
        summary: 'Create an entity under a parent (national administrators)',
        body: CreateEntitySchema,
        response: { 201: EntitySchema, ...problemResponses(...COMMON_PROBLEMS, 409, 422) },
      },
    },
    async (request, reply) => {
      const entity = await createEntity(deps, actorOf(request), request.body);
      setEtag(reply, entity.version);
      return reply.code(201).header('location', `/api/v1/entities/${entity.id}`).send(entity);
    },
  );

  app.post(
    '/api/v1/entities/:id/move',
    {
      preHandler: requirePermission(ENTITY_PERMISSIONS.manage),
      schema: {
        tags: TAGS,
        summary: 'Move an entity and its subtree under another parent (national administrators)',
        description: 'Refused with 409 `entity_move_cycle` when the new parent lies in the moved subtree.',
        params: EntityIdParamsSchema,
        body: MoveEntitySchema,
        response: { 200: EntitySchema, ...problemResponses(...COMMON_PROBLEMS, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const entity = await moveEntity(deps, actorOf(request), request.params.id, request.body.parentId);
      setEtag(reply, entity.version);
      return entity;
    },
  );
}
