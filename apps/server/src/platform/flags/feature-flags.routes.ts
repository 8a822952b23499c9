import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { PLATFORM_PERMISSIONS, requirePermission, requirePrincipal } from '../auth/index.js';
import { requireMergePatch } from '../http/merge-patch.js';
import { requiredIfMatchVersion, setEtag } from '../http/preconditions.js';
import { COMMON_PROBLEMS, problemResponses } from '../http/responses.js';
import {
  CreateFeatureFlagSchema,
  EvaluatedFlagListSchema,
  FeatureFlagListSchema,
  FeatureFlagPatchSchema,
  FeatureFlagSchema,
  FlagKeyParamsSchema,
  MyFlagsQuerySchema,
} from './feature-flags.schema.js';
import type { FeatureFlagsService } from './feature-flags.service.js';
import type { FeatureFlag } from './flag-evaluation.js';

const TAGS = ['platform'];
const guard = requirePermission(PLATFORM_PERMISSIONS.flagsManage);

export function registerFeatureFlagRoutes(fastify: FastifyInstance, service: FeatureFlagsService): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/feature-flags',
    { preHandler: guard, schema: { tags: TAGS, summary: 'Every feature flag', response: { 200: FeatureFlagListSchema, ...problemResponses(...COMMON_PROBLEMS) } } },
    async (request) => ({ items: (await service.list(request)).map(toJson) }),
  );

  app.get(
    '/api/v1/feature-flags/:key',
    {
      preHandler: guard,
      schema: {
        tags: TAGS,
        summary: 'One feature flag; its ETag is the If-Match value for a change',
        params: FlagKeyParamsSchema,
        response: { 200: FeatureFlagSchema, ...problemResponses(...COMMON_PROBLEMS, 404) },
      },
    },
    async (request, reply) => {
      const flag = await service.get(request, request.params.key);
      setEtag(reply, flag.version);
      return toJson(flag);
    },
  );

  app.post(
    '/api/v1/feature-flags',
    {
      preHandler: guard,
      schema: {
        tags: TAGS,
        summary: 'Create a feature flag (national administrators)',
        body: CreateFeatureFlagSchema,
        response: { 201: FeatureFlagSchema, ...problemResponses(...COMMON_PROBLEMS, 409, 422) },
      },
    },
    async (request, reply) => {
      const flag = await service.create(request, request.body);
      setEtag(reply, flag.version);
      return reply.code(201).header('location', `/api/v1/feature-flags/${flag.key}`).send(toJson(flag));
    },
  );

  app.patch(
    '/api/v1/feature-flags/:key',
    {
      preHandler: guard,
      preValidation: requireMergePatch,
      schema: {
        tags: TAGS,
        summary: 'Change a feature flag (JSON Merge Patch, If-Match required); effective at once in this process, within 30 s elsewhere',
        params: FlagKeyParamsSchema,
        headers: Type.Object({ 'if-match': Type.Optional(Type.String({ description: 'ETag read with GET (428 when missing, 412 when stale)' })) }),
        body: FeatureFlagPatchSchema,
        response: { 200: FeatureFlagSchema, ...problemResponses(...COMMON_PROBLEMS, 404, 412, 415, 422, 428) },
      },
    },
    async (request, reply) => {
      const flag = await service.update(request, request.params.key, requiredIfMatchVersion(request), request.body);
      setEtag(reply, flag.version);
      return toJson(flag);
    },
  );

  app.get(
    '/api/v1/me/feature-flags',
    {
      preHandler: async (request) => {
        requirePrincipal(request);
      },
      schema: {
        tags: TAGS,
        summary: 'The feature flags as evaluated for the current user (back-office)',
        querystring: MyFlagsQuerySchema,
        response: { 200: EvaluatedFlagListSchema, ...problemResponses(400, 401, 404, 429) },
      },
    },
    async (request) => ({ items: await service.evaluateForCaller(request, request.query.entityId) }),
  );
}

function toJson(flag: FeatureFlag) {
  return { ...flag, createdAt: flag.createdAt.toISOString(), updatedAt: flag.updatedAt.toISOString() };
}
