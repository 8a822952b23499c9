import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { requirePermission } from '../../../platform/auth/index.js';
import { setEtag } from '../../../platform/http/preconditions.js';
import { COMMON_PROBLEMS, problemResponses } from '../../../platform/http/responses.js';
import type { CmsActor } from '../core/cms-actor.js';
import type { CmsDeps } from '../core/cms-deps.js';
import { actorOf, CMS_TAGS, OPTIONAL_IF_MATCH, optionalExpectedVersion } from '../core/cms-http.js';
import { ContentIdParamsSchema, ContentSchema, type Content } from '../contents/contents.schema.js';
import { CMS_PERMISSIONS } from '../core/permissions.js';
import { ApproveSchema, RequestChangesSchema } from './workflow.schema.js';
import { approve, archive, requestChanges, submitForReview, unpublish } from './workflow.service.js';


/** Workflow transitions: `POST /api/v1/cms/contents/{id}/<action>` (If-Match optional, checked when sent). */
export async function workflowRoutes(instance: FastifyInstance, deps: CmsDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const respond = async (request: FastifyRequest, reply: FastifyReply, run: (actor: CmsActor, id: string, expected: number | '*') => Promise<Content>) => {
    const content = await run(actorOf(request), (request.params as { id: string }).id, optionalExpectedVersion(request));
    setEtag(reply, content.version);
    return content;
  };
  const schema = (summary: string) => ({
    tags: CMS_TAGS,
    summary,
    params: ContentIdParamsSchema,
    headers: OPTIONAL_IF_MATCH,
    response: { 200: ContentSchema, ...problemResponses(...COMMON_PROBLEMS, 404, 409, 412, 422) },
  });

  app.post(
    '/api/v1/cms/contents/:id/submit',
    { preHandler: requirePermission(CMS_PERMISSIONS.edit), schema: schema('Submit a draft for review (editors); no body') },
    (request, reply) => respond(request, reply, (actor, id, expected) => submitForReview(deps, actor, id, expected)),
  );
  app.post(
    '/api/v1/cms/contents/:id/approve',
    {
      preHandler: requirePermission(CMS_PERMISSIONS.publish),
      schema: { ...schema('Approve and publish the working copy now, or schedule it with a future `publishAt` (publishers); send `{}` to publish now'), body: ApproveSchema },
    },
    (request, reply) => respond(request, reply, (actor, id, expected) => approve(deps, actor, id, expected, request.body)),
  );
  app.post(
    '/api/v1/cms/contents/:id/request-changes',
    {
      preHandler: requirePermission(CMS_PERMISSIONS.publish),
      schema: { ...schema('Send an item in review back to draft (publishers); the body may be `{}`'), body: RequestChangesSchema },
    },
    (request, reply) => respond(request, reply, (actor, id, expected) => requestChanges(deps, actor, id, expected, request.body)),
  );
  app.post(
    '/api/v1/cms/contents/:id/unpublish',
    { preHandler: requirePermission(CMS_PERMISSIONS.publish), schema: schema('Take a live item off the site (publishers); no body') },
    (request, reply) => respond(request, reply, (actor, id, expected) => unpublish(deps, actor, id, expected)),
  );
  app.post(
    '/api/v1/cms/contents/:id/archive',
    { preHandler: requirePermission(CMS_PERMISSIONS.publish), schema: schema('Archive an item (taken offline if live; publishers); no body') },
    (request, reply) => respond(request, reply, (actor, id, expected) => archive(deps, actor, id, expected)),
  );
}
