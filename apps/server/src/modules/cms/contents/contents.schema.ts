import { Type, type Static } from 'typebox';
import { RichTextDocumentSchema } from '../rich-text/index.js';
import { CONTENT_KINDS, CONTENT_STATUSES, CONTENT_VISIBILITIES } from './contents.tables.js';

const Uuid = Type.String({ format: 'uuid' });
const NullableUuid = Type.Union([Uuid, Type.Null()]);
const DateTime = Type.String({ format: 'date-time' });
const NullableDateTime = Type.Union([DateTime, Type.Null()]);
const literals = <T extends string>(values: readonly T[], description: string) =>
  Type.Unsafe<T>(Type.Union(values.map((value) => Type.Literal(value)), { description }));

export const ContentKindSchema = literals(CONTENT_KINDS, 'page, article or document');
export const ContentStatusSchema = literals(CONTENT_STATUSES, 'Workflow state of the working copy');
export const ContentVisibilitySchema = literals(CONTENT_VISIBILITIES, '`members`: never served publicly');

export const Slug = Type.String({ minLength: 1, maxLength: 100, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', description: 'Lower case letters, digits and dashes' });
/** Plain text; control characters are refused by the service (with a pointer). */
export const Title = Type.String({ minLength: 1, maxLength: 300 });
const Summary = Type.String({ maxLength: 2000 });

export const ContentFieldsSchema = Type.Object(
  {
    coverMediaId: Type.Optional(NullableUuid),
    categoryIds: Type.Optional(Type.Array(Uuid, { maxItems: 20, uniqueItems: true })),
    tags: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 30, uniqueItems: true })),
    author: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
    documentMediaId: Type.Optional(NullableUuid),
  },
  { additionalProperties: false, description: 'Articles: coverMediaId, categoryIds, tags, author. Documents: documentMediaId (required to publish).' },
);
export type ContentFieldsInput = Static<typeof ContentFieldsSchema>;

export const ContentSchema = Type.Object(
  {
    id: Uuid,
    siteId: Uuid,
    entityId: Uuid,
    kind: ContentKindSchema,
    parentId: NullableUuid,
    position: Type.Integer(),
    slug: Type.String(),
    path: Type.String({ description: 'Site-relative path' }),
    status: ContentStatusSchema,
    visibility: ContentVisibilitySchema,
    live: Type.Boolean({ description: 'A revision is published (the public sees `publishedRevisionId`)' }),
    hasUnpublishedChanges: Type.Boolean({ description: 'Live, and the working copy differs from the published revision' }),
    title: Type.String({ description: 'Of the working copy' }),
    summary: Type.Union([Type.String(), Type.Null()]),
    body: RichTextDocumentSchema,
    fields: ContentFieldsSchema,
    featured: Type.Boolean(),
    publishAt: NullableDateTime,
    unpublishAt: NullableDateTime,
    publishedAt: NullableDateTime,
    lastPublishedAt: NullableDateTime,
    publishedRevisionId: NullableUuid,
    currentRevisionId: NullableUuid,
    version: Type.Integer({ minimum: 1 }),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { $id: 'CmsContent' },
);
export type Content = Static<typeof ContentSchema>;

/** List items: the content without its body. */
export const ContentSummarySchema = Type.Omit(ContentSchema, ['body'], { $id: 'CmsContentSummary' });
export type ContentSummary = Static<typeof ContentSummarySchema>;

export const CreateContentSchema = Type.Object(
  {
    kind: ContentKindSchema,
    title: Title,
    slug: Type.Optional(Slug),
    summary: Type.Optional(Type.Union([Summary, Type.Null()])),
    body: Type.Optional(RichTextDocumentSchema),
    fields: Type.Optional(ContentFieldsSchema),
    parentId: Type.Optional(NullableUuid),
    visibility: Type.Optional(ContentVisibilitySchema),
    featured: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, description: 'The slug defaults to one made from the title' },
);
export type CreateContent = Static<typeof CreateContentSchema>;

export const ContentPatchSchema = Type.Object(
  {
    title: Type.Optional(Title),
    slug: Type.Optional(Slug),
    summary: Type.Optional(Type.Union([Summary, Type.Null()])),
    body: Type.Optional(RichTextDocumentSchema),
    fields: Type.Optional(ContentFieldsSchema),
    visibility: Type.Optional(ContentVisibilitySchema),
    featured: Type.Optional(Type.Boolean()),
    publishAt: Type.Optional(NullableDateTime),
    unpublishAt: Type.Optional(NullableDateTime),
  },
  {
    additionalProperties: false,
    minProperties: 1,
    description:
      'JSON Merge Patch. A change of title, summary, body or fields saves a new revision and puts a scheduled or in-review item back to draft ' +
      '(the public keeps the published revision). publishAt/unpublishAt need the publish permission.',
  },
);
export type ContentPatch = Static<typeof ContentPatchSchema>;

export const MoveContentSchema = Type.Object(
  {
    parentId: Type.Union([Uuid, Type.Null()], { description: 'New parent page (null: top level)' }),
    position: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 10_000, description: 'Rank among the pages of the new parent (0: first); they are renumbered 0…n-1. Absent: the page keeps its position.' }),
    ),
  },
  { additionalProperties: false },
);
export type MoveContent = Static<typeof MoveContentSchema>;

export const ContentIdParamsSchema = Type.Object({ id: Uuid });

export interface PageTreeNode {
  id: string;
  title: string;
  slug: string;
  path: string;
  status: string;
  live: boolean;
  position: number;
  /** The ETag of the page (If-Match of a move). */
  version: number;
  children: PageTreeNode[];
}

export const PageTreeNodeSchema = Type.Unsafe<PageTreeNode>(Type.Object(
  {
    id: Uuid,
    title: Type.String(),
    slug: Type.String(),
    path: Type.String(),
    status: ContentStatusSchema,
    live: Type.Boolean(),
    position: Type.Integer(),
    version: Type.Integer({ minimum: 1 }),
    children: Type.Array(Type.Unknown({ description: 'Child nodes (same shape)' })),
  },
  { $id: 'CmsPageTreeNode' },
));
export const PageTreeSchema = Type.Object({ items: Type.Array(PageTreeNodeSchema) }, { $id: 'CmsPageTree' });
