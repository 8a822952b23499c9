import { Type, type Static } from 'typebox';

const Uuid = Type.String({ format: 'uuid' });
const Slug = Type.String({ minLength: 1, maxLength: 80, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' });

export const CategorySchema = Type.Object(
  {
    id: Uuid,
    siteId: Uuid,
    entityId: Uuid,
    slug: Type.String(),
    name: Type.String(),
    description: Type.Union([Type.String(), Type.Null()]),
    version: Type.Integer({ minimum: 1 }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'CmsCategory' },
);
export type Category = Static<typeof CategorySchema>;

export const CategoryListSchema = Type.Object({ items: Type.Array(CategorySchema) }, { $id: 'CmsCategoryList' });

export const CreateCategorySchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120 }),
    slug: Type.Optional(Slug),
    description: Type.Optional(Type.Union([Type.String({ maxLength: 1000 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type CreateCategory = Static<typeof CreateCategorySchema>;

export const CategoryPatchSchema = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
    slug: Type.Optional(Slug),
    description: Type.Optional(Type.Union([Type.String({ maxLength: 1000 }), Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1, description: 'JSON Merge Patch' },
);
export type CategoryPatch = Static<typeof CategoryPatchSchema>;

export const CategoryIdParamsSchema = Type.Object({ categoryId: Uuid });
