import { Type, type Static } from 'typebox';
import { RichTextDocumentSchema } from '../rich-text/index.js';
import { ContentFieldsSchema } from '../contents/contents.schema.js';

const Uuid = Type.String({ format: 'uuid' });

export const RevisionSummarySchema = Type.Object(
  {
    id: Uuid,
    contentId: Uuid,
    number: Type.Integer({ minimum: 1 }),
    title: Type.String(),
    authorId: Type.Union([Uuid, Type.Null()]),
    restoredFromId: Type.Union([Uuid, Type.Null()]),
    current: Type.Boolean({ description: 'The working copy' }),
    published: Type.Boolean({ description: 'The revision the public sees' }),
    createdAt: Type.String({ format: 'date-time' }),
  },
  // No $id: the diff holds it twice, and Fastify refuses two schemas with one $id in a response.
  { description: 'A revision without its body' },
);
export type RevisionSummary = Static<typeof RevisionSummarySchema>;

export const RevisionSchema = Type.Object(
  {
    ...RevisionSummarySchema.properties,
    summary: Type.Union([Type.String(), Type.Null()]),
    body: RichTextDocumentSchema,
    fields: ContentFieldsSchema,
    plainText: Type.String(),
  },
  { $id: 'CmsRevision' },
);
export type Revision = Static<typeof RevisionSchema>;

export const RevisionListSchema = Type.Object({ items: Type.Array(RevisionSummarySchema) }, { $id: 'CmsRevisionList' });

export const RevisionParamsSchema = Type.Object({ id: Uuid, revisionId: Uuid });

export const CompareQuerySchema = Type.Object(
  {
    from: Type.String({ format: 'uuid', description: 'The older revision' }),
    to: Type.String({ format: 'uuid', description: 'The newer revision' }),
  },
  { additionalProperties: false },
);

export const RevisionDiffSchema = Type.Object(
  {
    from: RevisionSummarySchema,
    to: RevisionSummarySchema,
    fields: Type.Array(Type.Object({ field: Type.String(), before: Type.Unknown(), after: Type.Unknown() }), {
      description: 'Changed fields: title, summary, fields.categoryIds, fields.tags…',
    }),
    body: Type.Array(
      Type.Object({ op: Type.Union([Type.Literal('equal'), Type.Literal('insert'), Type.Literal('delete')]), text: Type.String() }),
      { description: 'Word diff of the plain text of the body' },
    ),
    bodyChanged: Type.Boolean(),
  },
  { $id: 'CmsRevisionDiff' },
);
