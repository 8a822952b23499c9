import { Type, type Static } from 'typebox';
import { INTERACTION_KINDS } from './interactions.tables.js';

const Uuid = Type.String({ format: 'uuid' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const InteractionKindSchema = Type.Union(
  [
    Type.Literal(INTERACTION_KINDS[0]),
    Type.Literal(INTERACTION_KINDS[1]),
    Type.Literal(INTERACTION_KINDS[2]),
    Type.Literal(INTERACTION_KINDS[3]),
    Type.Literal(INTERACTION_KINDS[4]),
    Type.Literal(INTERACTION_KINDS[5]),
  ],
  { description: 'call, meeting, email, note, event_attendance, membership_change' },
);

export const InteractionSchema = Type.Object(
  {
    id: Uuid,
    entityId: Uuid,
    kind: InteractionKindSchema,
    occurredAt: Type.String({ format: 'date-time' }),
    subject: Type.String(),
    bodyHtml: Nullable(Type.String({ description: 'Sanitised HTML: p, br, strong, em, u, s, ul, ol, li, a (http, https, mailto), blockquote, h3, h4' })),
    organizationId: Nullable(Uuid),
    personId: Nullable(Uuid),
    authorUserId: Nullable(Uuid),
    version: Type.Integer({ minimum: 1 }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Interaction' },
);
export type Interaction = Static<typeof InteractionSchema>;

const Subject = Type.String({ minLength: 1, maxLength: 300 });
const Body = Type.String({ maxLength: 100_000, description: 'Rich text (HTML); anything outside the allowed formatting is removed' });

export const CreateInteractionSchema = Type.Object(
  {
    entityId: Type.Optional(Type.String({ format: 'uuid', description: "The owning entity: the contact's when a person is given; required when you act on several" })),
    kind: InteractionKindSchema,
    occurredAt: Type.String({ format: 'date-time' }),
    subject: Subject,
    bodyHtml: Type.Optional(Nullable(Body)),
    organizationId: Type.Optional(Uuid),
    personId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type CreateInteraction = Static<typeof CreateInteractionSchema>;

export const InteractionPatchSchema = Type.Object(
  {
    kind: Type.Optional(InteractionKindSchema),
    occurredAt: Type.Optional(Type.String({ format: 'date-time' })),
    subject: Type.Optional(Subject),
    bodyHtml: Type.Optional(Nullable(Body)),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type InteractionPatch = Static<typeof InteractionPatchSchema>;

export const InteractionIdParamsSchema = Type.Object({ id: Uuid });
