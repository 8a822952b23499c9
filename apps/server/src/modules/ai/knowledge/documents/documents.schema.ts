import { Type, type Static } from 'typebox';
import { Nullable, Timestamp, Uuid } from '@maillage/contracts';
import { VisibilitySchema } from '../collections/collections.schema.js';

export const SourceStatusSchema = Type.Union([Type.Literal('pending'), Type.Literal('indexed'), Type.Literal('failed')], {
  description: 'pending: waiting for the indexing job; indexed: searchable; failed: see `error`',
});

export const DocumentSchema = Type.Object(
  {
    id: Uuid(),
    collectionId: Uuid(),
    entityId: Uuid(),
    title: Type.String(),
    url: Nullable(Type.String()),
    externalRef: Nullable(Type.String({ description: 'Identifier in its own system, e.g. a Légifrance article id' })),
    externalVersion: Nullable(Type.String({ description: 'Version label of the source, e.g. "VIGUEUR depuis 2008-05-01"' })),
    fileName: Nullable(Type.String()),
    mimeType: Nullable(Type.String()),
    visibility: VisibilitySchema,
    status: SourceStatusSchema,
    error: Nullable(Type.String()),
    characterCount: Type.Integer({ minimum: 0 }),
    chunkCount: Type.Integer({ minimum: 0 }),
    contentHash: Type.String({ description: 'sha256 of the extracted text' }),
    indexedAt: Nullable(Timestamp()),
    createdAt: Timestamp(),
    updatedAt: Timestamp(),
  },
  { $id: 'AiDocument' },
);
export type KnowledgeDocument = Static<typeof DocumentSchema>;

export const DocumentDetailSchema = Type.Object(
  { document: DocumentSchema, text: Type.String({ description: 'The full extracted text; chunk and citation offsets point into it' }) },
  { $id: 'AiDocumentDetail' },
);

export const DocumentListQuerySchema = Type.Object({
  status: Type.Optional(SourceStatusSchema),
  after: Type.Optional(Uuid({ description: 'Cursor: the id of the last document of the previous page' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
});

export const DocumentListSchema = Type.Object({
  items: Type.Array(DocumentSchema),
  nextCursor: Nullable(Type.String({ description: 'Pass as `after` for the next page; null on the last one' })),
  counts: Type.Object({ pending: Type.Integer(), indexed: Type.Integer(), failed: Type.Integer() }, { description: 'Documents of the collection by status' }),
});

export const UploadResultSchema = Type.Object(
  {
    items: Type.Array(DocumentSchema, { description: 'The documents created or updated (at most 100 listed)' }),
    created: Type.Integer(),
    updated: Type.Integer(),
    unchanged: Type.Integer(),
  },
  { $id: 'AiDocumentUpload' },
);
export type UploadResult = Static<typeof UploadResultSchema>;
