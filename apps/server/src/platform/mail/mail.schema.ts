import { Type, type Static } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const OutboxMailSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    entityId: Type.String({ format: 'uuid' }),
    template: Type.String(),
    to: Type.String(),
    subject: Type.String(),
    status: Type.Union([Type.Literal('queued'), Type.Literal('sending'), Type.Literal('sent'), Type.Literal('failed'), Type.Literal('kept'), Type.Literal('suppressed')], {
      description: 'queued → sending → sent or failed (after retries); kept in embedded mode; suppressed when the person had left the list',
    }),
    unsubscribeList: Nullable(Type.Union([Type.Literal('newsletter'), Type.Literal('events')])),
    attempts: Type.Integer(),
    lastError: Nullable(Type.String()),
    sentAt: Nullable(Type.String({ format: 'date-time' })),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'OutboxMail', description: 'An outgoing mail and its delivery state.' },
);
export type OutboxMail = Static<typeof OutboxMailSchema>;

export const OutboxMailDetailSchema = Type.Object(
  {
    ...OutboxMailSchema.properties,
    html: Type.String({ description: 'The rendered HTML part, exactly as sent (or kept).' }),
    text: Type.String({ description: 'The rendered plain-text part.' }),
    messageId: Nullable(Type.String()),
  },
  { $id: 'OutboxMailDetail' },
);
export type OutboxMailDetail = Static<typeof OutboxMailDetailSchema>;

export const OutboxIdParamsSchema = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const UnsubscribeParamsSchema = Type.Object({ token: Type.String({ minLength: 1, maxLength: 100 }) });
