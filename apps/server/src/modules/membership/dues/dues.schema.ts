import { Type, type Static } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Uuid = (description?: string) => Type.String({ format: 'uuid', ...(description ? { description } : {}) });

/** INSEE « tranche d'effectif salarié » codes. */
export const HEADCOUNT_BAND_CODES = ['NN', '00', '01', '02', '03', '11', '12', '21', '22', '31', '32', '41', '42', '51', '52', '53'] as const;

const RateInputSchema = Type.Object(
  {
    headcountBand: Type.Optional(Nullable(Type.String({ pattern: '^[0-9N]{2}$', description: "INSEE headcount band code (00, 01, 02, 03, 11 … 53); null or absent: any band" }))),
    typeId: Type.Optional(Nullable(Uuid('A member type of the entity; null or absent: any type'))),
    amountCents: Type.Integer({ maximum: 100_000_000, description: 'Yearly dues in cents (≥ 0)' }),
  },
  { additionalProperties: false },
);

const RatesInput = Type.Array(RateInputSchema, { minItems: 1, maxItems: 200, description: 'The most specific rate applies (band and type, type, band, default)' });

export const CreateDuesScheduleSchema = Type.Object(
  {
    entityId: Uuid('The entity asking for the dues'),
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    proRata: Type.Optional(Type.Boolean({ default: false, description: 'Joins during the year pay the remaining months, the month of joining included' })),
    currency: Type.Optional(Type.Literal('EUR')),
    rates: RatesInput,
  },
  { additionalProperties: false },
);
export type CreateDuesSchedule = Static<typeof CreateDuesScheduleSchema>;

export const ReplaceDuesScheduleSchema = Type.Object({ proRata: Type.Boolean(), rates: RatesInput }, { additionalProperties: false });
export type ReplaceDuesSchedule = Static<typeof ReplaceDuesScheduleSchema>;
export type RateInput = Static<typeof RateInputSchema>;

export const DuesScheduleSchema = Type.Object(
  {
    id: Uuid(),
    entityId: Uuid(),
    year: Type.Integer(),
    proRata: Type.Boolean(),
    currency: Type.Literal('EUR'),
    rates: Type.Array(Type.Object({ id: Uuid(), headcountBand: Nullable(Type.String()), typeId: Nullable(Uuid()), amountCents: Type.Integer() })),
    version: Type.Integer(),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'DuesSchedule' },
);
export type DuesSchedule = Static<typeof DuesScheduleSchema>;
export const DuesScheduleListSchema = Type.Object({ items: Type.Array(DuesScheduleSchema) });
export const DuesScheduleListQuerySchema = Type.Object(
  { entityId: Type.Optional(Uuid()), year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) },
  { additionalProperties: false },
);
export type DuesScheduleListQuery = Static<typeof DuesScheduleListQuerySchema>;
