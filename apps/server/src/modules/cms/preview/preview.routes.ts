import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requirePermission } from '../../../platform/auth/index.js';
import { COMMON_PROBLEMS, problemResponses } from '../../../platform/http/responses.js';
import type { CmsDeps } from '../core/cms-deps.js';
import { actorOf, CMS_TAGS } from '../core/cms-http.js';
import { ContentIdParamsSchema } from '../contents/contents.schema.js';
import { CMS_PERMISSIONS } from '../core/permissions.js';
import { createPreviewLink } from './preview.service.js';

const PreviewLinkSchema = Type.Object(
  {
    url: Type.String({ description: 'Site-relative preview URL (`/sites/<slug>/_preview?token=…`), valid one hour, no sign-in needed' }),
    token: Type.String(),
    revisionId: Type.String({ format: 'uuid' }),
    expiresAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'CmsPreviewLink' },
);

export async function previewRoutes(instance: FastifyInstance, deps: CmsDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/api/v1/cms/contents/:id/preview-link',
    {
      preHandler: requirePermission(CMS_PERMISSIONS.read),
      schema: {
        tags: CMS_TAGS,
        summary: 'A signed, expiring (1 h) link to the working copy as it will look on the site',
        params: ContentIdParamsSchema,
        response: { 201: PreviewLinkSchema, ...problemResponses(...COMMON_PROBLEMS, 404) },
      },
    },
    async (request, reply) => reply.code(201).send(await createPreviewLink(deps, actorOf(request), request.params.id)),
  );
}
