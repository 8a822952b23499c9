import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { auditActorFrom } from '../../../../platform/audit/index.js';
import { requirePermission, requirePrincipal } from '../../../../platform/auth/index.js';
import { requireMergePatch } from '../../../../platform/http/merge-patch.js';
import { requiredIfMatchVersion, setEtag } from '../../../../platform/http/preconditions.js';
import { COMMON_PROBLEMS, problemResponses } from '../../../../platform/http/responses.js';
import type { KnowledgeActor, KnowledgeDeps } from '../knowledge-actor.js';
import { AI_PERMISSIONS } from '../permissions.js';
import { reindexCollection } from '../documents/documents.service.js';
import { CollectionListSchema, CollectionPatchSchema, CollectionSchema, CreateCollectionSchema, IdParamsSchema } from './collections.schema.js';
import { createCollection, deleteCollection, getCollection, listCollections, updateCollection } from './collections.service.js';

export const KNOWLEDGE_TAGS = ['ai'];
const IF_MATCH = Type.Object({ 'if-match': Type.Optional(Type.String({ description: 'ETag read with GET (428 when missing, 412 when stale)' })) });

export function knowledgeActorOf(request: FastifyRequest): KnowledgeActor {
  return { principal: requirePrincipal(request), audit: auditActorFrom(request) };
}

/** `/api/v1/ai/collections`: knowledge collections of the caller's entities. */
export async function collectionRoutes(instance: FastifyInstance, deps: KnowledgeDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/ai/collections',
    {
      preHandler: requirePermission(AI_PERMISSIONS.knowledgeRead),
      schema: {
        tags: KNOWLEDGE_TAGS,
        summary: 'List the knowledge collections of your entities (and their subtrees)',
        response: { 200: CollectionListSchema, ...problemResponses(...COMMON_PROBLEMS) },
      },
    },
    async (request) => ({ items: await listCollections(deps, knowledgeActorOf(request)) }),
  );

  app.post(
    '/api/v1/ai/collections',
    {
      preHandler: requirePermission(AI_PERMISSIONS.knowledgeManage),
      schema: {
        tags: KNOWLEDGE_TAGS,
        summary: 'Create a knowledge collection for one of your entities',
        description: '`visibility` (default `staff`) is the visibility of the documents uploaded into it unless the upload says otherwise.',
        body: CreateCollectionSchema,
        response: { 201: CollectionSchema, ...problemResponses(...COMMON_PROBLEMS, 422) },
      },
    },
    async (request, reply) => {
      const collection = await createCollection(deps, knowledgeActorOf(request), request.body);
      setEtag(reply, collection.version);
      return reply.code(201).header('location', `/api/v1/ai/collections/${collection.id}`).send(collection);
    },
  );

  app.get(
    '/api/v1/ai/collections/:id',
    {
      preHandler: requirePermission(AI_PERMISSIONS.knowledgeRead),
      schema: { tags: KNOWLEDGE_TAGS, summary: 'Read a knowledge collection', params: IdParamsSchema, response: { 200: CollectionSchema, ...problemResponses(...COMMON_PROBLEMS, 404) } },
    },
    async (request, reply) => {
      const collection = await getCollection(deps, knowledgeActorOf(request), request.params.id);
      setEtag(reply, collection.version);
      return collection;
    },
  );

  app.patch(
    '/api/v1/ai/collections/:id',
    {
      preHandler: requirePermission(AI_PERMISSIONS.knowledgeManage),
      preValidation: requireMergePatch,
      schema: {
        tags: KNOWLEDGE_TAGS,
        summary: 'Rename a collection or change its visibility (JSON Merge Patch, If-Match required)',
        description: 'A new visibility applies at once to every document of the collection and to their chunks.',
        params: IdParamsSchema,
        headers: IF_MATCH,
        body: CollectionPatchSchema,
        response: { 200: CollectionSchema, ...problemResponses(...COMMON_PROBLEMS, 404, 412, 415, 422, 428) },
      },
    },
    async (request, reply) => {
      const expected = requiredIfMatchVersion(request) ?? '*';
      const collection = await updateCollection(deps, knowledgeActorOf(request), request.params.id, expected, request.body);
      setEtag(reply, collection.version);
      return collection;
    },
  );

  app.delete(
    '/api/v1/ai/collections/:id',
    {
      preHandler: requirePermission(AI_PERMISSIONS.knowledgeManage),
      schema: {
        tags: KNOWLEDGE_TAGS,
        summary: 'Delete a collection with its documents and their chunks',
        params: IdParamsSchema,
        response: { 204: Type.Null(), ...problemResponses(...COMMON_PROBLEMS, 404) },
      },
    },
    async (request, reply) => {
      await deleteCollection(deps, knowledgeActorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/ai/collections/:id/reindex',
    {
      preHandler: requirePermission(AI_PERMISSIONS.knowledgeManage),
      schema: {
        tags: KNOWLEDGE_TAGS,
        summary: 'Re-index every document of a collection (background jobs)',
        params: IdParamsSchema,
        response: { 202: Type.Object({ queued: Type.Integer() }), ...problemResponses(...COMMON_PROBLEMS, 404) },
      },
    },
    async (request, reply) => reply.code(202).send(await reindexCollection(deps, knowledgeActorOf(request), request.params.id)),
  );
}
