import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requirePermission } from '../../../../platform/auth/index.js';
import { UnsupportedMediaTypeError, ValidationError, type FieldError } from '../../../../platform/http/errors.js';
import { COMMON_PROBLEMS, problemResponses } from '../../../../platform/http/responses.js';
import type { SourceVisibility } from '../knowledge.tables.js';
import { KNOWLEDGE_TAGS, knowledgeActorOf } from '../collections/collections.routes.js';
import { IdParamsSchema } from '../collections/collections.schema.js';
import type { KnowledgeDeps } from '../knowledge-actor.js';
import { AI_PERMISSIONS } from '../permissions.js';
import { DocumentDetailSchema, DocumentListQuerySchema, DocumentListSchema, DocumentSchema, UploadResultSchema } from './documents.schema.js';
import { deleteDocument, getDocument, listDocuments, reindexDocument, uploadDocuments } from './documents.service.js';
import type { UploadedFile } from './extract-upload.js';

/** 25 MB: a long PDF guide, or JSON Lines of a few thousand articles. */
export const MAX_DOCUMENT_BYTES = 25 * 1024 * 1024;
const VISIBILITIES = new Set(['public', 'members', 'staff']);

/** `/api/v1/ai/collections/{id}/documents` and `/api/v1/ai/documents/{id}`: upload, list, re-index, delete. */
export async function documentRoutes(instance: FastifyInstance, deps: KnowledgeDeps): Promise<void> {
  await instance.register(multipart, { limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 5, fieldSize: 4 * 1024 } });
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/api/v1/ai/collections/:id/documents',
    {
      config: { sloClass: 'export' },
      preHandler: requirePermission(AI_PERMISSIONS.knowledgeManage),
      schema: {
        tags: KNOWLEDGE_TAGS,
        summary: 'Upload a document (PDF, DOCX, Markdown, text) or JSON Lines of documents; indexing runs in the background',
        description:
          'multipart/form-data with `file`, optional `title` (single documents; default: first heading or file name) and optional ' +
          '`visibility` (default: the collection\'s). JSON Lines: one object per line `{ id, num | title, text, url, version }`; ' +
          '`num` makes the title "Article <num>" and `title` then becomes the heading path. Re-uploading a record with the same `id` ' +
          'updates it (re-indexed only if its text changed). Poll the documents list for `status`.',
        consumes: ['multipart/form-data'],
        params: IdParamsSchema,
        response: { 202: UploadResultSchema, ...problemResponses(...COMMON_PROBLEMS, 404, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const { file, title, visibility } = await readUpload(request);
      return reply.code(202).send(await uploadDocuments(deps, knowledgeActorOf(request), request.params.id, file, { title, visibility }));
    },
  );

  app.get(
    '/api/v1/ai/collections/:id/documents',
    {
      preHandler: requirePermission(AI_PERMISSIONS.knowledgeRead),
      schema: {
        tags: KNOWLEDGE_TAGS,
        summary: 'List the documents of a collection with their indexing status',
        params: IdParamsSchema,
        querystring: DocumentListQuerySchema,
        response: { 200: DocumentListSchema, ...problemResponses(...COMMON_PROBLEMS, 404, 422) },
      },
    },
    async (request) => listDocuments(deps, knowledgeActorOf(request), request.params.id, request.query),
  );

  app.get(
    '/api/v1/ai/documents/:id',
    {
      preHandler: requirePermission(AI_PERMISSIONS.knowledgeRead),
      schema: {
        tags: KNOWLEDGE_TAGS,
        summary: 'Read a document with its full extracted text (citation offsets point into it)',
        params: IdParamsSchema,
        response: { 200: DocumentDetailSchema, ...problemResponses(...COMMON_PROBLEMS, 404) },
      },
    },
    async (request) => getDocument(deps, knowledgeActorOf(request), request.params.id),
  );

  app.post(
    '/api/v1/ai/documents/:id/reindex',
    {
      preHandler: requirePermission(AI_PERMISSIONS.knowledgeManage),
      schema: {
        tags: KNOWLEDGE_TAGS,
        summary: 'Re-index a document (background job)',
        params: IdParamsSchema,
        response: { 202: DocumentSchema, ...problemResponses(...COMMON_PROBLEMS, 404) },
      },
    },
    async (request, reply) => reply.code(202).send(await reindexDocument(deps, knowledgeActorOf(request), request.params.id)),
  );

  app.delete(
    '/api/v1/ai/documents/:id',
    {
      preHandler: requirePermission(AI_PERMISSIONS.knowledgeManage),
      schema: {
        tags: KNOWLEDGE_TAGS,
        summary: 'Delete a document and its chunks: it is no longer retrieved',
        params: IdParamsSchema,
        response: { 204: Type.Null(), ...problemResponses(...COMMON_PROBLEMS, 404) },
      },
    },
    async (request, reply) => {
      await deleteDocument(deps, knowledgeActorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}

async function readUpload(request: FastifyRequest): Promise<{ file: UploadedFile; title: string | null; visibility: SourceVisibility | null }> {
  if (!request.isMultipart()) throw new UnsupportedMediaTypeError('Envoyez le fichier en multipart/form-data (champ « file »).');
  let file: UploadedFile | undefined;
  const fields: Record<string, string> = {};
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file') {
        part.file.resume();
        continue;
      }
      file = { fileName: part.filename || 'document', mimeType: part.mimetype, bytes: await part.toBuffer() };
    } else if (typeof part.value === 'string') {
      fields[part.fieldname] = part.value;
    }
  }
  const errors: FieldError[] = [];
  if (!file || file.bytes.length === 0) errors.push({ pointer: '/file', message: 'Joignez un fichier non vide.' });
  const title = fields['title']?.trim() || null;
  if (title && title.length > 300) errors.push({ pointer: '/title', message: 'Le titre dépasse 300 caractères.' });
  const visibility = fields['visibility']?.trim() || null;
  if (visibility && !VISIBILITIES.has(visibility)) errors.push({ pointer: '/visibility', message: 'La visibilité doit être public, members ou staff.' });
  if (errors.length > 0) throw new ValidationError(errors);
  return { file: file!, title, visibility: visibility as SourceVisibility | null };
}
