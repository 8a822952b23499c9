import { Type } from 'typebox';
import { defineCollection } from '../../../platform/http/collection.js';
import { MEDIA_KINDS, mediaFiles } from './media.tables.js';

/** Filters, sort and paging of `GET /api/v1/media`. */
export const mediaCollection = defineCollection({
  name: 'media',
  id: mediaFiles.id,
  fields: {
    kind: { column: mediaFiles.kind, type: 'enum', values: MEDIA_KINDS, filter: ['eq'], description: 'image or file' },
    entityId: { column: mediaFiles.entityId, type: 'uuid', filter: ['eq', 'in'], description: 'Owning entity' },
    mimeType: { column: mediaFiles.mimeType, type: 'string', filter: ['eq', 'in'], description: 'Sniffed MIME type' },
    createdAt: { column: mediaFiles.createdAt, type: 'date-time', filter: ['gte', 'lte'], sort: true, description: 'Upload time' },
    byteSize: { column: mediaFiles.byteSize, type: 'integer', filter: ['gte', 'lte'], sort: true, description: 'Size in bytes' },
  },
  defaultSort: '-createdAt',
  defaultLimit: 50,
  extraParameters: {
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Words found in the file name, the title or the alt text (case-insensitive)' })),
  },
});
