import { Type, type Static } from 'typebox';
import { SYNDICATION_STATUSES, type SyndicationStatus } from './syndication.tables.js';

const Uuid = Type.String({ format: 'uuid' });
const NullableDateTime = Type.Union([Type.String({ format: 'date-time' }), Type.Null()]);

export const SyndicationStatusSchema = Type.Unsafe<SyndicationStatus>(
  Type.Union(
    SYNDICATION_STATUSES.map((status) => Type.Literal(status)),
    { description: '`offered` and `accepted` are shown on the target site; `declined` and `withdrawn` are not' },
  ),
);

export const OfferSyndicationSchema = Type.Object(
  {
    targets: Type.Union([Type.Literal('all'), Type.Array(Uuid, { minItems: 1, maxItems: 200, uniqueItems: true })], {
      description: '`all` (every site of a descendant entity) or the ids of the target sites',
    }),
  },
  { additionalProperties: false },
);
export type OfferSyndication = Static<typeof OfferSyndicationSchema>;

export const SyndicatedContentSchema = Type.Object({
  title: Type.String({ description: 'Title of the published revision (of the working copy while not live)' }),
  summary: Type.Union([Type.String(), Type.Null()]),
  originSiteName: Type.String(),
  live: Type.Boolean(),
  visibility: Type.Union([Type.Literal('public'), Type.Literal('members')]),
  publishedAt: NullableDateTime,
  canonicalUrl: Type.String({ description: "The origin's URL" }),
});

export const SyndicationSchema = Type.Object(
  {
    id: Uuid,
    contentId: Uuid,
    originSiteId: Uuid,
    targetSiteId: Uuid,
    entityId: Uuid,
    status: SyndicationStatusSchema,
    offeredBy: Type.Union([Uuid, Type.Null()]),
    offeredAt: Type.String({ format: 'date-time' }),
    decidedBy: Type.Union([Uuid, Type.Null()]),
    decidedAt: NullableDateTime,
    version: Type.Integer({ minimum: 1 }),
    content: SyndicatedContentSchema,
  },
  { $id: 'CmsSyndication' },
);
export type Syndication = Static<typeof SyndicationSchema>;

export const SyndicationListSchema = Type.Object({ items: Type.Array(SyndicationSchema) }, { $id: 'CmsSyndicationList' });

export const InboxQuerySchema = Type.Object(
  { 'filter[status]': Type.Optional(SyndicationStatusSchema) },
  { additionalProperties: false },
);

export const SyndicationIdParamsSchema = Type.Object({ id: Uuid });
