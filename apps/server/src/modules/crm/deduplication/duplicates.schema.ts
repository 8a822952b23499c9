import { Type, type Static } from 'typebox';

const Uuid = Type.String({ format: 'uuid' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const PERSON_DUPLICATE_REASONS = ['same_email', 'similar_name_same_company', 'similar_name_same_postal_code'] as const;
export type PersonDuplicateReason = (typeof PERSON_DUPLICATE_REASONS)[number];

const PersonSummarySchema = Type.Object({
  id: Uuid,
  entityId: Uuid,
  firstName: Nullable(Type.String()),
  lastName: Type.String(),
  jobTitle: Nullable(Type.String()),
  emails: Type.Array(Type.String()),
});

export const PersonDuplicateSchema = Type.Object(
  {
    first: PersonSummarySchema,
    second: PersonSummarySchema,
    reasons: Type.Array(Type.Union([Type.Literal(PERSON_DUPLICATE_REASONS[0]), Type.Literal(PERSON_DUPLICATE_REASONS[1]), Type.Literal(PERSON_DUPLICATE_REASONS[2])]), {
      description: 'same_email; similar_name_same_company (both affiliated to one company); similar_name_same_postal_code (their companies share a postal code)',
    }),
    nameSimilarity: Type.Number({ minimum: 0, maximum: 1, description: 'Trigram similarity of the folded full names' }),
  },
  { $id: 'PersonDuplicate' },
);
export type PersonDuplicate = Static<typeof PersonDuplicateSchema>;

const OrganizationSummarySchema = Type.Object({
  id: Uuid,
  siren: Type.String(),
  name: Type.String(),
  postalCode: Nullable(Type.String()),
  communeName: Nullable(Type.String()),
});

export const OrganizationDuplicateSchema = Type.Object(
  {
    first: OrganizationSummarySchema,
    second: OrganizationSummarySchema,
    reasons: Type.Array(Type.Literal('similar_name_same_postal_code')),
    nameSimilarity: Type.Number({ minimum: 0, maximum: 1 }),
  },
  { $id: 'OrganizationDuplicate' },
);
export type OrganizationDuplicate = Static<typeof OrganizationDuplicateSchema>;

export const DuplicatesQuerySchema = Type.Object(
  { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50, description: 'Most likely pairs first' })) },
  { additionalProperties: false },
);

export const MergeBodySchema = Type.Object(
  {
    duplicateIds: Type.Array(Uuid, { minItems: 1, maxItems: 20, uniqueItems: true, description: 'Records merged into the survivor (the path id), then deleted' }),
  },
  { additionalProperties: false },
);
export type MergeBody = Static<typeof MergeBodySchema>;

export const MergeParamsSchema = Type.Object({ id: Uuid });

export const MergeResultSchema = Type.Object(
  {
    survivorId: Uuid,
    mergedIds: Type.Array(Uuid),
    moved: Type.Record(Type.String(), Type.Integer({ minimum: 0 }), { description: 'Rows moved to the survivor, per facet' }),
  },
  { $id: 'MergeResult' },
);
export type MergeResult = Static<typeof MergeResultSchema>;
