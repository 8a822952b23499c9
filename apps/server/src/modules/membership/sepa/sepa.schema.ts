import { Type, type Static } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const IsoDate = (description: string) => Type.String({ format: 'date', description });
const Uuid = (description?: string) => Type.String({ format: 'uuid', ...(description ? { description } : {}) });

export const SequenceTypeSchema = Type.Union([Type.Literal('FRST'), Type.Literal('RCUR'), Type.Literal('OOFF'), Type.Literal('FNAL')], {
  description: 'FRST first collection of a recurrent mandate (becomes RCUR once collected), RCUR recurrent, OOFF one-off, FNAL last',
});
const MandateStatusSchema = Type.Union([Type.Literal('active'), Type.Literal('revoked')]);
const IbanInput = Type.String({ minLength: 1, maxLength: 50, description: 'IBAN, spaces allowed; checked with its key' });
const BicInput = Type.String({ minLength: 1, maxLength: 15, description: 'BIC (8 or 11 characters)' });

export const IdParamsSchema = Type.Object({ id: Uuid() });

export const CreateMandateSchema = Type.Object(
  {
    entityId: Uuid('The creditor entity the mandate is given to'),
    organizationId: Uuid('The debtor company'),
    reference: Type.String({ pattern: "^[A-Za-z0-9+?/:().,' -]{1,35}$", description: 'Unique mandate reference (RUM), up to 35 SEPA characters' }),
    signatureDate: IsoDate('Date the debtor signed the mandate'),
    debtorName: Type.String({ minLength: 1, maxLength: 70 }),
    iban: IbanInput,
    bic: Type.Optional(Nullable(BicInput)),
    sequenceType: Type.Optional(SequenceTypeSchema),
  },
  { additionalProperties: false },
);
export type CreateMandate = Static<typeof CreateMandateSchema>;

export const MandateSchema = Type.Object(
  {
    id: Uuid(),
    entityId: Uuid(),
    organizationId: Uuid(),
    reference: Type.String(),
    signatureDate: Type.String({ format: 'date' }),
    debtorName: Type.String(),
    ibanMasked: Type.String({ description: 'Only the last 4 characters of the IBAN; the full IBAN never leaves the server except in pain.008 files' }),
    bic: Nullable(Type.String()),
    sequenceType: SequenceTypeSchema,
    status: MandateStatusSchema,
    revokedAt: Nullable(Type.String({ format: 'date-time' })),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'SepaMandate' },
);
export type Mandate = Static<typeof MandateSchema>;

export const MandateListQuerySchema = Type.Object(
  {
    organizationId: Type.Optional(Uuid('Only the mandates of this debtor company')),
    status: Type.Optional(MandateStatusSchema),
  },
  { additionalProperties: false },
);
export type MandateListQuery = Static<typeof MandateListQuerySchema>;
export const MandateListSchema = Type.Object({ items: Type.Array(MandateSchema) });

export const PutCreditorSchema = Type.Object(
  {
    creditorIdentifier: Type.String({ minLength: 1, maxLength: 40, description: 'SEPA creditor identifier (ICS), e.g. FR72ZZZ123456' }),
    iban: IbanInput,
    bic: Type.Optional(Nullable(BicInput)),
  },
  { additionalProperties: false, description: 'The account collections are credited to' },
);
export type PutCreditor = Static<typeof PutCreditorSchema>;

export const CreditorSchema = Type.Object(
  {
    entityId: Uuid(),
    creditorIdentifier: Type.String(),
    iban: Type.String(),
    bic: Nullable(Type.String()),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'SepaCreditor' },
);
export type Creditor = Static<typeof CreditorSchema>;

export const CreateBatchSchema = Type.Object(
  {
    entityId: Uuid('The creditor entity'),
    collectionDate: IsoDate('Requested collection date'),
    invoiceIds: Type.Optional(Type.Array(Uuid(), { minItems: 1, maxItems: 1000, uniqueItems: true, description: 'Restrict to these invoices; all collectable ones otherwise' })),
  },
  { additionalProperties: false },
);
export type CreateBatch = Static<typeof CreateBatchSchema>;

const BatchItemSchema = Type.Object({
  invoiceId: Uuid(),
  invoiceNumber: Type.String(),
  mandateId: Uuid(),
  mandateReference: Type.String({ description: 'RUM of the mandate collected under' }),
  amountCents: Type.Integer(),
  sequenceType: SequenceTypeSchema,
  status: Type.Union([Type.Literal('pending'), Type.Literal('settled'), Type.Literal('rejected')], {
    description: 'pending (sent to the bank), settled (payment recorded on the invoice), rejected (R-transaction: any payment reversed)',
  }),
  rejectionReasonCode: Nullable(Type.String()),
  rejectedOn: Nullable(Type.String({ format: 'date' })),
});

export const BatchSchema = Type.Object(
  {
    id: Uuid(),
    entityId: Uuid(),
    messageId: Type.String(),
    collectionDate: Type.String({ format: 'date' }),
    numberOfTransactions: Type.Integer(),
    controlSumCents: Type.Integer(),
    status: Type.Union([Type.Literal('exported'), Type.Literal('settled')], { description: 'exported (file produced), settled (the bank credited the collection)' }),
    settledOn: Nullable(Type.String({ format: 'date' })),
    createdAt: Type.String({ format: 'date-time' }),
    items: Type.Array(BatchItemSchema),
  },
  { $id: 'SepaBatch' },
);
export type Batch = Static<typeof BatchSchema>;

export const BatchListQuerySchema = Type.Object({ entityId: Type.Optional(Uuid('Only the batches of this creditor entity')) }, { additionalProperties: false });
export type BatchListQuery = Static<typeof BatchListQuerySchema>;
export const BatchSummarySchema = Type.Omit(BatchSchema, ['items'], { $id: 'SepaBatchSummary' });
export type BatchSummary = Static<typeof BatchSummarySchema>;
export const BatchListSchema = Type.Object({ items: Type.Array(BatchSummarySchema) });

export const SettleBatchSchema = Type.Object(
  { settledOn: IsoDate('Day the bank credited the collection; the payments are recorded on that day') },
  { additionalProperties: false },
);
export type SettleBatch = Static<typeof SettleBatchSchema>;

export const RecordRejectionSchema = Type.Object(
  {
    invoiceId: Uuid('The invoice whose debit the bank rejected or returned'),
    reasonCode: Type.String({ pattern: '^[A-Z]{2}[0-9]{2}$', description: 'ISO 20022 reason code from the bank (AC04 closed account, AM04 insufficient funds, MD01 no mandate, MD06 refund request…). AC01, AC04, AC06, AG01, MD01 and MD07 also revoke the mandate (it can no longer be used)' }),
    rejectedOn: IsoDate('Day of the rejection'),
  },
  { additionalProperties: false },
);
export type RecordRejection = Static<typeof RecordRejectionSchema>;
