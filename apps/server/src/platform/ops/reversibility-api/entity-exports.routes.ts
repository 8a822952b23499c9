import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { auditActorFrom } from '../../audit/index.js';
import { requirePermission, requirePrincipal } from '../../auth/index.js';
import { collectionResponse, COMMON_PROBLEMS, problemResponses, toEnvelope } from '../../http/responses.js';
import { entityExportCollection } from './entity-exports.collection.js';
import { EntityExportIdParamsSchema, EntityExportRequestSchema, EntityExportSchema } from './entity-exports.schema.js';
import { getEntityExport, listEntityExports, openEntityExportArchive, requestEntityExport, type EntityExportActor, type EntityExportServiceDeps } from './entity-exports.service.js';
import { ENTITY_EXPORT_PERMISSION } from './permissions.js';

const TAGS = ['platform'];
// A stream is sent as it is (Fastify serialises only objects); the schema documents it in OpenAPI.
const ARCHIVE_BYTES = Type.Unsafe<Readable>({ type: 'string', format: 'binary' });

/** `/api/v1/entity-exports`: reversibility through the API (docs/reversibility.md). */
export async function entityExportRoutes(instance: FastifyInstance, deps: EntityExportServiceDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const actorOf = (request: FastifyRequest): EntityExportActor => ({ principal: requirePrincipal(request), audit: auditActorFrom(request) });

  app.post(
    '/api/v1/entity-exports',
    {
      preHandler: requirePermission(ENTITY_EXPORT_PERMISSION),
      schema: {
        tags: TAGS,
        summary: 'Export everything an entity and its subtree own, in the background',
        description:
          'The same export as `npm run export -- --entity=<code>`, packed as one .tar.gz: JSON Lines and CSV per table, media files, ' +
          'manifest.json with checksums. Follow it with GET /api/v1/entity-exports/{id}. 404 for an entity outside your scope.',
        body: EntityExportRequestSchema,
        response: { 202: EntityExportSchema, ...problemResponses(...COMMON_PROBLEMS, 404, 422) },
      },
    },
    async (request, reply) => {
      const requested = await requestEntityExport(deps, actorOf(request), request.body.entityId);
      return reply.code(202).header('location', `/api/v1/entity-exports/${requested.id}`).send(requested);
    },
  );

  app.get(
    '/api/v1/entity-exports',
    {
      preHandler: requirePermission(ENTITY_EXPORT_PERMISSION),
      schema: {
        tags: TAGS,
        summary: "Exports of your entities' data, newest first",
        querystring: entityExportCollection.querystring,
        response: { 200: collectionResponse(EntityExportSchema), ...problemResponses(...COMMON_PROBLEMS) },
      },
    },
    async (request) => toEnvelope(await listEntityExports(deps.database, actorOf(request), entityExportCollection.parse(request.query))),
  );

  app.get(
    '/api/v1/entity-exports/:id',
    {
      preHandler: requirePermission(ENTITY_EXPORT_PERMISSION),
      schema: {
        tags: TAGS,
        summary: 'State of an entity export: status, size and checksum of the archive, counts of its manifest',
        params: EntityExportIdParamsSchema,
        response: { 200: EntityExportSchema, ...problemResponses(...COMMON_PROBLEMS, 404) },
      },
    },
    async (request) => getEntityExport(deps.database, actorOf(request), request.params.id),
  );

  app.get(
    '/api/v1/entity-exports/:id/archive',
    {
      config: { sloClass: 'export' },
      preHandler: requirePermission(ENTITY_EXPORT_PERMISSION),
      schema: {
        tags: TAGS,
        summary: 'Download the archive of a completed entity export (each download is audited)',
        description: 'It holds personal data and encrypted fields in clear: store it encrypted. 409 while the export is not completed.',
        params: EntityExportIdParamsSchema,
        response: {
          200: { description: 'The .tar.gz archive; `ETag` is its SHA-256', content: { 'application/gzip': { schema: ARCHIVE_BYTES } } },
          ...problemResponses(...COMMON_PROBLEMS, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const archive = await openEntityExportArchive(deps, actorOf(request), request.params.id);
      return reply
        .type('application/gzip')
        .header('content-disposition', `attachment; filename="${archive.fileName}"`)
        .header('content-length', archive.bytes)
        .header('etag', `"${archive.sha256}"`)
        .header('cache-control', 'no-store')
        .send(createReadStream(archive.path));
    },
  );
}
