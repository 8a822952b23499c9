import { Type, type Static } from 'typebox';

const SourceTypeSchema = Type.Union([Type.Literal('document'), Type.Literal('cms-content')]);

export const AskQuestionSchema = Type.Object(
  {
    question: Type.String({ minLength: 3, maxLength: 1000, description: 'The question, in French' }),
    filters: Type.Optional(
      Type.Object(
        {
          siteIds: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 50, description: 'Only content of these CMS sites' })),
          collectionIds: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 50, description: 'Only documents of these knowledge collections' })),
          sourceTypes: Type.Optional(Type.Array(SourceTypeSchema, { maxItems: 2, description: 'document and/or cms-content' })),
        },
        { additionalProperties: false },
      ),
    ),
    conversationId: Type.Optional(Type.String({ format: 'uuid', description: 'Groups the questions of one conversation (audit); no memory of earlier answers' })),
  },
  { additionalProperties: false },
);
export type AskQuestion = Static<typeof AskQuestionSchema>;

export const CitationSchema = Type.Object(
  {
    sourceType: SourceTypeSchema,
    sourceId: Type.String({ format: 'uuid' }),
    title: Type.String(),
    url: Type.Union([Type.String(), Type.Null()]),
    heading: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: 'Heading path of the cited passage in its source (absent from interactions recorded before it was added)' })),
    chunkId: Type.String({ format: 'uuid' }),
    version: Type.String({ description: 'Hash of the chunk text the quote was checked against' }),
    quote: Type.String({ description: 'Verbatim passage of the source supporting the sentence' }),
    start: Type.Integer({ minimum: 0, description: "Offset of the quote's first character in the source's extracted text" }),
    end: Type.Integer({ minimum: 0, description: 'Offset just after its last character' }),
  },
  { $id: 'AiCitation' },
);

export const SegmentSchema = Type.Object(
  { text: Type.String(), citations: Type.Array(CitationSchema, { minItems: 1 }) },
  { $id: 'AiAnswerSegment' },
);

export const AnswerStatusSchema = Type.Union([Type.Literal('answered'), Type.Literal('partial'), Type.Literal('refused')], {
  description: 'answered: every sentence verified; partial: sentences that broke a citation rule were dropped; refused: nothing verifiable to say',
});

export const AnswerSchema = Type.Object(
  {
    status: AnswerStatusSchema,
    segments: Type.Array(SegmentSchema),
    interactionId: Type.String({ format: 'uuid' }),
    provider: Type.String(),
    model: Type.String(),
    latencyMs: Type.Integer({ minimum: 0 }),
    message: Type.Optional(Type.String({ description: 'Why the answer is refused or partial, in French' })),
  },
  { $id: 'AiAnswer' },
);
export type Answer = Static<typeof AnswerSchema>;
