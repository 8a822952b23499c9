import { Type, type Static } from 'typebox';
import { Nullable, Timestamp, Uuid } from '@maillage/contracts';

export const VisibilitySchema = Type.Union([Type.Literal('public'), Type.Literal('members'), Type.Literal('staff')], {
  description: 'public: anyone; members: members of the network; staff: staff of the owning entity and its subtree only',
});

export const CollectionSchema = Type.Object(
  {
    id: Uuid(),
    entityId: Uuid(),
    name: Type.String(),
    description: Nullable(Type.String()),
    visibility: VisibilitySchema,
    documentCount: Type.Integer({ minimum: 0 }),
    version: Type.Integer(),
    createdAt: Timestamp(),
    updatedAt: Timestamp(),
  },
  { $id: 'AiCollection' },
);
export type Collection = Static<typeof CollectionSchema>;

export const CreateCollectionSchema = Type.Object(
  {
    entityId: Uuid({ description: 'The entity that owns the collection (one you manage knowledge for)' }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    visibility: Type.Optional(VisibilitySchema),
  },
  { additionalProperties: false },
);
export type CreateCollection = Static<typeof CreateCollectionSchema>;

export const CollectionPatchSchema = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    visibility: Type.Optional(VisibilitySchema),
  },
  { additionalProperties: false, description: 'JSON Merge Patch; a new default visibility applies to the documents already in the collection too' },
);
export type CollectionPatch = Static<typeof CollectionPatchSchema>;

export const IdParamsSchema = Type.Object({ id: Uuid() });
export const CollectionListSchema = Type.Object({ items: Type.Array(CollectionSchema) });
