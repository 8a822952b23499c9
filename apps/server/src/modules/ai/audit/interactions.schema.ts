import { Type, type Static } from 'typebox';
import { CitationSchema } from '../answers/answers.schema.js';

export const InteractionSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    entityId: Type.String({ format: 'uuid' }),
    userId: Type.String({ format: 'uuid' }),
    user: Type.Union(
      [Type.Object({ id: Type.String({ format: 'uuid' }), displayName: Type.String(), email: Type.String() }), Type.Null()],
      { description: 'The asker (null if the account no longer exists)' },
    ),
    conversationId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
    question: Type.String(),
    filters: Type.Unknown(),
    retrieved: Type.Array(
      Type.Object({
        chunkId: Type.String(),
        sourceType: Type.String(),
        sourceId: Type.String(),
        version: Type.String(),
        score: Type.Number(),
        visibility: Type.String(),
        sent: Type.Boolean({ description: 'Relevant and allowed for the provider by the classification rule' }),
      }),
    ),
    retrieval: Type.Union(
      [
        Type.Object({
          embeddings: Type.Union([Type.Literal('off'), Type.Literal('used'), Type.Literal('failed')], {
            description: 'off: lexical ranking only (no embedding provider); used: fused with the vector ranking; failed: the question could not be embedded, lexical only',
          }),
          model: Type.Optional(Type.String({ description: 'The embedding model' })),
          error: Type.Optional(Type.String({ description: 'Why embedding the question failed' })),
        }),
        Type.Null(),
      ],
      { description: 'How the passages were ranked (null when retrieval itself failed, or before it was recorded)' },
    ),
    provider: Type.String(),
    model: Type.String(),
    promptVersion: Type.Union([Type.String(), Type.Null()]),
    rawOutputSha256: Type.Union([Type.String(), Type.Null()]),
    status: Type.Union([Type.Literal('answered'), Type.Literal('partial'), Type.Literal('refused'), Type.Literal('error')]),
    message: Type.Union([Type.String(), Type.Null()]),
    answer: Type.Array(Type.Object({ text: Type.String(), citations: Type.Array(CitationSchema) })),
    dropped: Type.Array(Type.Object({ text: Type.String(), reason: Type.String() })),
    redactions: Type.Union([Type.Record(Type.String(), Type.Integer()), Type.Null()]),
    latencyMs: Type.Integer(),
    promptTokens: Type.Union([Type.Integer(), Type.Null()]),
    completionTokens: Type.Union([Type.Integer(), Type.Null()]),
    error: Type.Union([Type.String(), Type.Null()]),
    channel: Type.String({ description: 'json or sse' }),
    feedback: Type.Union([
      Type.Object({ rating: Type.Union([Type.Literal('useful'), Type.Literal('wrong')]), comment: Type.Union([Type.String(), Type.Null()]), createdAt: Type.String({ format: 'date-time' }) }),
      Type.Null(),
    ]),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'AiInteraction' },
);
export type Interaction = Static<typeof InteractionSchema>;

export const InteractionIdParamsSchema = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const CreateFeedbackSchema = Type.Object(
  {
    rating: Type.Union([Type.Literal('useful'), Type.Literal('wrong')], { description: 'useful (utile) or wrong (erronée)' }),
    comment: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type CreateFeedback = Static<typeof CreateFeedbackSchema>;

export const FeedbackSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    interactionId: Type.String({ format: 'uuid' }),
    rating: Type.Union([Type.Literal('useful'), Type.Literal('wrong')]),
    comment: Type.Union([Type.String(), Type.Null()]),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'AiFeedback' },
);
export type Feedback = Static<typeof FeedbackSchema>;
