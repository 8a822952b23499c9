import { Type, type Static } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Id = Type.String({ format: 'uuid' });
const IsoDate = (description: string) => Type.String({ format: 'date', description });

export const BodyKindSchema = Type.Union(
  [
    Type.Literal('prudhommes'),
    Type.Literal('urssaf'),
    Type.Literal('cpam'),
    Type.Literal('caf'),
    Type.Literal('carsat'),
    Type.Literal('cci'),
    Type.Literal('cma'),
    Type.Literal('tribunal_commerce'),
    Type.Literal('ceser'),
    Type.Literal('other'),
  ],
  { description: "prudhommes (conseil de prud'hommes), urssaf, cpam, caf, carsat, cci, cma, tribunal_commerce, ceser, other" },
);
export const SeatRoleSchema = Type.Union([Type.Literal('titular'), Type.Literal('substitute')], { description: 'titular (titulaire) or substitute (suppléant)' });
export const MandateStatusSchema = Type.Union([Type.Literal('active'), Type.Literal('cancelled')], {
  description: '`cancelled`: recorded by mistake, ignored by rules and reports; an early end changes `endOn` instead',
});

export const BodySchema = Type.Object(
  {
    id: Id,
    name: Type.String(),
    kind: BodyKindSchema,
    departementCode: Nullable(Type.String()),
    commune: Nullable(Type.String()),
    entityId: Nullable(Type.String({ format: 'uuid', description: 'The owning entity, the only one that may correct the body; null: shared by the network, kept by national staff' })),
    version: Type.Integer(),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'MandateBody', description: 'A body where the network holds seats (reference data visible to the whole network).' },
);
export type Body = Static<typeof BodySchema>;

const BodyFieldsSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    kind: BodyKindSchema,
    departementCode: Type.Optional(Nullable(Type.String({ pattern: '^([0-9]{2}|2A|2B|97[1-6])$', description: 'Département code, e.g. 69 or 2A' }))),
    commune: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 100 }))),
  },
  { additionalProperties: false },
);

export const CreateBodySchema = Type.Object(
  {
    ...BodyFieldsSchema.properties,
    entityId: Type.Optional(Nullable(Type.String({ format: 'uuid', description: 'The owning entity (one of the caller’s); absent or null: shared by the network' }))),
  },
  { additionalProperties: false },
);
export type CreateBody = Static<typeof CreateBodySchema>;

export const BodyPatchSchema = Type.Partial(BodyFieldsSchema, { additionalProperties: false, description: 'JSON Merge Patch: name, kind, département, commune (the owner stays)' });
export type BodyPatch = Static<typeof BodyPatchSchema>;
export type BodyFields = Static<typeof BodyFieldsSchema>;

export const SeatSchema = Type.Object(
  {
    id: Id,
    entityId: Type.String({ format: 'uuid', description: 'The designating entity' }),
    bodyId: Id,
    bodyName: Type.String(),
    label: Type.String(),
    role: SeatRoleSchema,
    version: Type.Integer(),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'MandateSeat' },
);
export type Seat = Static<typeof SeatSchema>;

export const CreateSeatSchema = Type.Object(
  {
    entityId: Type.String({ format: 'uuid', description: 'The designating entity' }),
    bodyId: Id,
    label: Type.String({ minLength: 1, maxLength: 200, description: 'e.g. « Collège employeurs, section commerce »' }),
    role: SeatRoleSchema,
  },
  { additionalProperties: false },
);
export type CreateSeat = Static<typeof CreateSeatSchema>;

export const SeatPatchSchema = Type.Object(
  { label: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), role: Type.Optional(SeatRoleSchema) },
  { additionalProperties: false, description: 'JSON Merge Patch: label and/or role (the entity and the body stay)' },
);
export type SeatPatch = Static<typeof SeatPatchSchema>;

export const MandateSchema = Type.Object(
  {
    id: Id,
    entityId: Type.String({ format: 'uuid', description: 'The designating entity (the seat’s)' }),
    seatId: Id,
    seatLabel: Type.String(),
    seatRole: SeatRoleSchema,
    bodyId: Id,
    bodyName: Type.String(),
    personId: Id,
    personName: Type.String({ description: 'First and last name of the holder (CRM contact)' }),
    startOn: IsoDate('First day'),
    endOn: IsoDate('Last day'),
    status: MandateStatusSchema,
    version: Type.Integer(),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Mandate' },
);
export type Mandate = Static<typeof MandateSchema>;

export const CreateMandateSchema = Type.Object(
  { seatId: Id, personId: Type.String({ format: 'uuid', description: 'A CRM contact person' }), startOn: IsoDate('First day'), endOn: IsoDate('Last day (≥ startOn)') },
  { additionalProperties: false },
);
export type CreateMandate = Static<typeof CreateMandateSchema>;

export const MandatePatchSchema = Type.Object(
  { startOn: Type.Optional(IsoDate('First day')), endOn: Type.Optional(IsoDate('Last day')), status: Type.Optional(MandateStatusSchema) },
  { additionalProperties: false, description: 'JSON Merge Patch: dates (an early end) or cancellation' },
);
export type MandatePatch = Static<typeof MandatePatchSchema>;

export const MandateSummaryRowSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid', description: 'The entity or body' }),
    name: Type.String(),
    seats: Type.Integer(),
    currentMandates: Type.Integer({ description: 'Active mandates covering today' }),
    vacantSeats: Type.Integer({ description: 'Seats without a current mandate' }),
  },
  { $id: 'MandateSummaryRow' },
);
export type MandateSummaryRow = Static<typeof MandateSummaryRowSchema>;

export const MandateSummaryQuerySchema = Type.Object(
  {
    groupBy: Type.Union([Type.Literal('entity'), Type.Literal('body')], { description: 'One row per designating entity or per body' }),
    entityId: Type.Optional(Type.String({ format: 'uuid', description: 'An entity of the caller’s scope (the branch switcher): seats of it and its sub-entities. Default: everything the caller may see.' })),
  },
  { additionalProperties: false },
);
export type MandateSummaryQuery = Static<typeof MandateSummaryQuerySchema>;

export const IdParamsSchema = Type.Object({ id: Id });
