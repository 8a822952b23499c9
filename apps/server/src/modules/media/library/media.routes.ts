import type { FastifyInstance, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { auditActorFrom } from '../../../platform/audit/index.js';
import { dbScopeFor, requirePermission, requirePrincipal } from '../../../platform/auth/index.js';
import type { Database } from '../../../platform/db/index.js';
import { requireMergePatch } from '../../../platform/http/merge-patch.js';
import { requiredIfMatchVersion, setEtag } from '../../../platform/http/preconditions.js';
import { collectionResponse, COMMON_PROBLEMS, problemResponses, toEnvelope } from '../../../platform/http/responses.js';
import { MediaFileSchema, MediaIdParamsSchema, MediaUsageListSchema, PatchMediaSchema } from './media.schema.js';
import { MEDIA_PERMISSIONS } from './permissions.js';
import type { MediaStorage } from '../storage/media-storage.js';
import { uploadMedia, type MediaActor } from '../upload/media-upload.service.js';
import { readMediaUpload } from '../upload/read-upload.js';
import { deleteMedia, getMedia, listMedia, listMediaUsages, patchMedia } from './media-library.service.js';
import { mediaCollection } from './media.collection.js';

const TAGS = ['media'];

export interface MediaRouteDeps {
  database: Database;
  storage: MediaStorage;
  maxBytes: number;
}

/** `/api/v1/media`: upload, list, read, describe (alt, title), delete, usages. */
export async function mediaRoutes(instance: FastifyInstance, deps: MediaRouteDeps): Promise<void> {
  // The part limit answers 413 before the whole body is read; +1 field margin for entityId, alt, title.
  await instance.register(multipart, { limits: { fileSize: deps.maxBytes, files: 1, fields: 5, fieldSize: 4096, parts: 8 } });
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { database } = deps;
  const read = requirePermission(MEDIA_PERMISSIONS.read);
  const write = requirePermission(MEDIA_PERMISSIONS.write);
  const actorOf = (request: FastifyRequest): MediaActor => ({ principal: requirePrincipal(request), audit: auditActorFrom(request) });

  app.post(
    '/api/v1/media',
    {
      preHandler: write,
      schema: {
        tags: TAGS,
        summary: 'Upload a file to the media library (images get responsive WebP variants)',
        description:
          'multipart/form-data with `file`, optional `entityId` (required when you hold media.write on several entities), `alt` and `title`. ' +
          'The type is read from the content: JPEG, PNG, WebP, GIF, AVIF, PDF, DOCX, XLSX, ODT, ODS, CSV and UTF-8 text are accepted; ' +
          'anything else (HTML, SVG, programs…) is refused with 415, a name whose extension announces another format with 422, ' +
          'a file over MEDIA_MAX_BYTES with 413, a full disk with 507.',
        consumes: ['multipart/form-data'],
        response: { 201: MediaFileSchema, ...problemResponses(...COMMON_PROBLEMS, 413, 415, 422, 503, 507) },
      },
    },
    async (request, reply) => {
      const upload = await readMediaUpload(request, deps.maxBytes);
      const media = await uploadMedia(deps, actorOf(request), upload);
      return setEtag(reply.code(201).header('location', `/api/v1/media/${media.id}`), media.version).send(media);
    },
  );

  app.get(
    '/api/v1/media',
    {
      preHandler: read,
      schema: {
        tags: TAGS,
        summary: "Your entities' media files, newest first; `q` searches the file name, title and alt text",
        querystring: mediaCollection.querystring,
        response: { 200: collectionResponse(MediaFileSchema), ...problemResponses(...COMMON_PROBLEMS) },
      },
    },
    async (request) => {
      const search = (request.query as { q?: string }).q;
      return toEnvelope(await listMedia(database, dbScopeFor(request, MEDIA_PERMISSIONS.read), mediaCollection.parse(request.query), search));
    },
  );

  app.get(
    '/api/v1/media/:id',
    {
      preHandler: read,
      schema: { tags: TAGS, summary: 'A media file with its variants', params: MediaIdParamsSchema, response: { 200: MediaFileSchema, ...problemResponses(...COMMON_PROBLEMS, 404) } },
    },
    async (request, reply) => {
      const media = await getMedia(database, dbScopeFor(request, MEDIA_PERMISSIONS.read), request.params.id);
      return setEtag(reply, media.version).send(media);
    },
  );

  app.patch(
    '/api/v1/media/:id',
    {
      preValidation: requireMergePatch,
      preHandler: write,
      schema: {
        tags: TAGS,
        summary: 'Change the alt text or the title (JSON Merge Patch; requires If-Match)',
        params: MediaIdParamsSchema,
        body: PatchMediaSchema,
        response: { 200: MediaFileSchema, ...problemResponses(...COMMON_PROBLEMS, 404, 409, 412, 415, 422, 428) },
      },
    },
    async (request, reply) => {
      const expected = requiredIfMatchVersion(request);
      const media = await patchMedia(database, dbScopeFor(request, MEDIA_PERMISSIONS.write), auditActorFrom(request), request.params.id, expected, request.body);
      return setEtag(reply, media.version).send(media);
    },
  );

  app.delete(
    '/api/v1/media/:id',
    {
      preHandler: write,
      schema: {
        tags: TAGS,
        summary: 'Delete an unused media file (409 listing the users while any content uses it; requires If-Match)',
        params: MediaIdParamsSchema,
        response: { 204: Type.Null(), ...problemResponses(...COMMON_PROBLEMS, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      const expected = requiredIfMatchVersion(request);
      await deleteMedia(deps, dbScopeFor(request, MEDIA_PERMISSIONS.write), auditActorFrom(request), request.params.id, expected);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/media/:id/usages',
    {
      preHandler: read,
      schema: {
        tags: TAGS,
        summary: 'What uses a media file (contents, documents…)',
        params: MediaIdParamsSchema,
        response: { 200: MediaUsageListSchema, ...problemResponses(...COMMON_PROBLEMS, 404) },
      },
    },
    async (request) => ({ items: await listMediaUsages(database, dbScopeFor(request, MEDIA_PERMISSIONS.read), request.params.id) }),
  );
}
