import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { auditActorFrom } from '../../../platform/audit/index.js';
import { requirePermission, requirePrincipal } from '../../../platform/auth/index.js';
import { NotFoundError } from '../../../platform/http/errors.js';
import { COMMON_PROBLEMS, problemResponses } from '../../../platform/http/responses.js';
import { AI_AUDIT_PERMISSIONS } from '../audit/permissions.js';
import { EntityIdParamsSchema, ProviderSettingsSchema, PutProviderSettingsSchema } from './provider-settings.schema.js';
import { readProviderSettings, writeProviderSettings, type ProviderSettingsDeps } from './provider-settings.service.js';

const TAGS = ['ai'];
const MANAGE = AI_AUDIT_PERMISSIONS.settingsManage;

/** `/api/v1/ai/provider-settings/{entityId}`: the generation provider of an entity (inherited by its subtree). */
export async function providerSettingsRoutes(instance: FastifyInstance, deps: ProviderSettingsDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const checkAccess = (principal: ReturnType<typeof requirePrincipal>, entityId: string) => {
    if (!principal.holdsOn(MANAGE, entityId)) throw new NotFoundError('Entity');
  };

  app.get(
    '/api/v1/ai/provider-settings/:entityId',
    {
      preHandler: requirePermission(MANAGE),
      schema: {
        tags: TAGS,
        summary: "The generation provider that applies to an entity (its own, an ancestor's, or the server default); the API key is never returned",
        params: EntityIdParamsSchema,
        response: { 200: ProviderSettingsSchema, ...problemResponses(...COMMON_PROBLEMS, 404) },
      },
    },
    async (request) => {
      checkAccess(requirePrincipal(request), request.params.entityId);
      return readProviderSettings(deps, request.params.entityId);
    },
  );

  app.put(
    '/api/v1/ai/provider-settings/:entityId',
    {
      preHandler: requirePermission(MANAGE),
      schema: {
        tags: TAGS,
        summary: "Set an entity's generation provider (applies to its subtree unless a descendant sets its own)",
        params: EntityIdParamsSchema,
        body: PutProviderSettingsSchema,
        response: { 200: ProviderSettingsSchema, ...problemResponses(...COMMON_PROBLEMS, 404, 422) },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      checkAccess(principal, request.params.entityId);
      return writeProviderSettings(
        deps,
        { userId: principal.userId, audit: auditActorFrom(request), entityRoots: principal.rootsFor(MANAGE) },
        request.params.entityId,
        request.body,
      );
    },
  );
}
