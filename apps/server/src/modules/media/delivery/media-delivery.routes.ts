import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { withTransaction, type Database } from '../../../platform/db/index.js';
import { NotFoundError } from '../../../platform/http/errors.js';
import { isNotModified } from '../../../platform/http/preconditions.js';
import { problemResponses } from '../../../platform/http/responses.js';
import { DeliveryParamsSchema } from '../library/media.schema.js';
import { findMedia, findVariant } from '../library/media.repository.js';
import type { MediaStorage } from '../storage/media-storage.js';

/** Objects never change under a key (a new upload is a new id), so caches may keep them a year. */
const CACHE_CONTROL = 'public, max-age=31536000, immutable';
const INLINE_TYPES = /^(image\/|application\/pdf$)/;

interface Deliverable {
  key: string;
  mimeType: string;
  byteSize: number;
  etag: string;
  fileName: string;
  lastModified: Date;
}

/**
 * `GET /media/{id}` and `GET /media/{id}/{width}`: public files, served without sign-in to the
 * public sites (an id is an unguessable UUIDv7). Images and PDFs inline, other files as downloads.
 */
export function registerMediaDelivery(parent: FastifyInstance, deps: { database: Database; storage: MediaStorage }): void {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/media/:id/:variant?',
    {
      config: { sloClass: 'read_by_id' },
      schema: {
        tags: ['media'],
        summary: 'Public media file: the original (metadata stripped for images) or a WebP variant of the given width',
        params: DeliveryParamsSchema,
        response: {
          200: { description: 'The bytes, with ETag and a one-year immutable Cache-Control', content: { 'application/octet-stream': { schema: Type.String({ format: 'binary' }) } } },
          304: { description: 'Not modified (If-None-Match)', type: 'null' },
          ...problemResponses(400, 404, 503),
        },
      },
    },
    async (request, reply) => {
      const file = await deliverable(deps.database, request.params.id, request.params.variant);
      reply.header('etag', file.etag).header('cache-control', CACHE_CONTROL).header('cross-origin-resource-policy', 'cross-origin');
      if (isNotModified(request, file.etag.slice(1, -1))) return reply.code(304).send(null);
      const body = await deps.storage.get(file.key);
      if (!body) {
        request.log.warn({ mediaKey: file.key }, 'media object missing from storage');
        throw new NotFoundError('Media file');
      }
      return sendObject(reply, file, body);
    },
  );
}

async function deliverable(database: Database, id: string, variant: string | undefined): Promise<Deliverable> {
  return withTransaction(
    database,
    { kind: 'system' },
    async (tx) => {
      const media = await findMedia(tx, id);
      if (!media) throw new NotFoundError('Media file');
      if (variant === undefined) {
        return { key: media.storageKey, mimeType: media.mimeType, byteSize: media.byteSize, etag: `"${media.sha256}"`, fileName: media.originalFilename, lastModified: media.createdAt };
      }
      const rendition = await findVariant(tx, id, Number(variant));
      if (!rendition) throw new NotFoundError('Media variant');
      return {
        key: rendition.storageKey,
        mimeType: 'image/webp',
        byteSize: rendition.byteSize,
        etag: `"${media.sha256.slice(0, 40)}-w${rendition.width}"`,
        fileName: `${media.originalFilename.replace(/\.[^.]*$/, '')}-${rendition.width}.webp`,
        lastModified: rendition.createdAt,
      };
    },
    { readOnly: true },
  );
}

function sendObject(reply: FastifyReply, file: Deliverable, body: Readable): FastifyReply {
  return reply
    .type(file.mimeType.startsWith('text/') ? `${file.mimeType}; charset=utf-8` : file.mimeType)
    .header('content-length', String(file.byteSize))
    .header('last-modified', file.lastModified.toUTCString())
    .header('content-disposition', contentDisposition(INLINE_TYPES.test(file.mimeType) ? 'inline' : 'attachment', file.fileName))
    .send(body);
}

/** RFC 6266: an ASCII fallback name plus the UTF-8 one. */
function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '_') || 'fichier';
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
