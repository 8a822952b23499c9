import { Type, type Static } from 'typebox';
import { Nullable, Uuid } from '@maillage/contracts';

const SourceTypeSchema = Type.Union([Type.Literal('document'), Type.Literal('cms-content')]);

export const RetrievalFiltersSchema = Type.Object(
  {
    siteIds: Type.Optional(Type.Array(Uuid(), { maxItems: 50, description: 'Only content of these CMS sites' })),
    collectionIds: Type.Optional(Type.Array(Uuid(), { maxItems: 50, description: 'Only documents of these knowledge collections' })),
    sourceTypes: Type.Optional(Type.Array(SourceTypeSchema, { maxItems: 2, uniqueItems: true })),
  },
  { additionalProperties: false, $id: 'AiRetrievalFilters' },
);

export const SearchRequestSchema = Type.Object(
  {
    question: Type.String({ minLength: 2, maxLength: 2000 }),
    filters: Type.Optional(RetrievalFiltersSchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 8 })),
  },
  { additionalProperties: false },
);
export type SearchRequest = Static<typeof SearchRequestSchema>;

export const RetrievedChunkSchema = Type.Object(
  {
    chunkId: Uuid(),
    sourceType: SourceTypeSchema,
    sourceId: Uuid({ description: 'The document id, or the CMS content id' }),
    collectionId: Nullable(Uuid()),
    entityId: Uuid(),
    title: Type.String(),
    url: Nullable(Type.String()),
    version: Type.String({ description: 'sha256 of the chunk text: a citation names the version it quoted' }),
    heading: Nullable(Type.String()),
    text: Type.String(),
    start: Type.Integer({ minimum: 0, description: "Offset of `text` in the source's full extracted text" }),
    end: Type.Integer({ minimum: 0 }),
    visibility: Type.Union([Type.Literal('public'), Type.Literal('members'), Type.Literal('staff')]),
    score: Type.Number({
      description:
        'Reciprocal rank fusion score (k = 60), higher is better, comparable within one response only: 1/(60 + full-text rank) + 1/(60 + trigram rank); ' +
        'with embeddings configured, 1/(60 + rank in that lexical ranking) + 1/(60 + rank by cosine similarity). At most 2/61 either way.',
    }),
  },
  { $id: 'AiRetrievedChunk' },
);

export const SearchResultSchema = Type.Object(
  { items: Type.Array(RetrievedChunkSchema, { description: 'Best first' }), tookMs: Type.Integer({ minimum: 0 }) },
  { $id: 'AiSearchResult' },
);
