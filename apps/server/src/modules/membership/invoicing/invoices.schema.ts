import { Type, type Static } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Cents = (description: string) => Type.Integer({ description });
const IsoDate = (description: string) => Type.String({ format: 'date', description });

export const DEFAULT_VAT_MENTION = 'TVA non applicable, art. 261 du CGI';
export const CREDIT_NOTE_SERIES = 'AV';

export const InvoiceStatusSchema = Type.Union(
  [Type.Literal('draft'), Type.Literal('issued'), Type.Literal('partially_paid'), Type.Literal('paid'), Type.Literal('cancelled')],
  { description: 'draft (no number, editable) → issued (numbered, immutable) → partially_paid / paid, or cancelled by credit notes' },
);
const VatRegimeSchema = Type.Union([Type.Literal('outside_scope'), Type.Literal('standard')], {
  description: '`outside_scope`: no VAT (dues), the legal mention is printed instead; `standard`: VAT per line',
});

export const InvoiceLineInputSchema = Type.Object(
  {
    label: Type.String({ minLength: 1, maxLength: 300 }),
    quantity: Type.Integer({ minimum: 1, maximum: 100_000 }),
    unitAmountCents: Type.Integer({ minimum: 0, maximum: 100_000_000, description: 'Unit price excluding VAT, in cents' }),
    vatRateBasisPoints: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000, description: 'VAT rate in basis points (2000 = 20 %); 0 by default' })),
  },
  { additionalProperties: false },
);

const Lines = Type.Array(InvoiceLineInputSchema, { minItems: 1, maxItems: 200 });
const Series = Type.String({ pattern: '^[A-Z]{2,5}$', description: 'Numbering series (COT for dues by default; AV is reserved for credit notes)' });

export const CreateInvoiceSchema = Type.Object(
  {
    entityId: Type.String({ format: 'uuid', description: 'The issuing entity (it needs a SIREN and an address to issue)' }),
    organizationId: Type.String({ format: 'uuid', description: 'The customer company' }),
    series: Type.Optional(Series),
    dueDate: Type.Optional(Nullable(IsoDate('Payment due date (required to issue)'))),
    vatRegime: Type.Optional(VatRegimeSchema),
    vatMention: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 300, description: `Legal VAT mention; "${DEFAULT_VAT_MENTION}" by default outside the scope of VAT` }))),
    lines: Lines,
  },
  { additionalProperties: false },
);
export type CreateInvoice = Static<typeof CreateInvoiceSchema>;

export const InvoicePatchSchema = Type.Object(
  {
    organizationId: Type.Optional(Type.String({ format: 'uuid' })),
    series: Type.Optional(Series),
    dueDate: Type.Optional(Nullable(IsoDate('Payment due date'))),
    vatRegime: Type.Optional(VatRegimeSchema),
    vatMention: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 300 }))),
    lines: Type.Optional(Lines),
  },
  { additionalProperties: false, description: 'JSON Merge Patch of a draft; `lines` replaces every line' },
);
export type InvoicePatch = Static<typeof InvoicePatchSchema>;

export const CreateCreditNoteSchema = Type.Object(
  {
    lines: Type.Optional(Type.Array(InvoiceLineInputSchema, { minItems: 1, maxItems: 200, description: 'Partial credit; without lines the whole balance is credited' })),
  },
  { additionalProperties: false },
);
export type CreateCreditNote = Static<typeof CreateCreditNoteSchema>;

const AddressSchema = Type.Object({ street: Nullable(Type.String()), postalCode: Nullable(Type.String()), city: Nullable(Type.String()) });

export const InvoiceLineSchema = Type.Object(
  {
    position: Type.Integer({ minimum: 1 }),
    label: Type.String(),
    quantity: Type.Integer(),
    unitAmountCents: Cents('Unit price excluding VAT'),
    vatRateBasisPoints: Type.Integer(),
    totalExclTaxCents: Cents('quantity × unit price'),
    vatCents: Cents('VAT of the line'),
  },
  { $id: 'InvoiceLine' },
);

export const InvoiceSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    entityId: Type.String({ format: 'uuid' }),
    kind: Type.Union([Type.Literal('invoice'), Type.Literal('credit_note')]),
    series: Type.String(),
    number: Nullable(Type.String({ description: 'SERIES-YEAR-NNNNNN, given when issued; null for a draft' })),
    status: InvoiceStatusSchema,
    organizationId: Type.String({ format: 'uuid' }),
    creditedInvoiceId: Nullable(Type.String({ format: 'uuid', description: 'The invoice a credit note cancels' })),
    issueDate: Nullable(IsoDate('Set when issued')),
    dueDate: Nullable(IsoDate('Payment due date')),
    vatRegime: VatRegimeSchema,
    vatMention: Nullable(Type.String()),
    currency: Type.Literal('EUR'),
    totalExclTaxCents: Cents('Total excluding VAT'),
    totalVatCents: Cents('Total VAT'),
    totalInclTaxCents: Cents('Total including VAT'),
    paidCents: Cents('Sum of the payments received'),
    creditedCents: Cents('Sum of the credit notes issued against it'),
    balanceCents: Cents('What remains to be collected (0 for drafts and credit notes)'),
    issuer: Nullable(Type.Object({ name: Type.String(), siren: Type.String(), address: AddressSchema }, { description: 'Frozen at issue time' })),
    customer: Nullable(Type.Object({ name: Type.String(), siren: Type.String(), address: AddressSchema }, { description: 'Frozen at issue time' })),
    lines: Type.Array(InvoiceLineSchema),
    issuedAt: Nullable(Type.String({ format: 'date-time' })),
    version: Type.Integer({ minimum: 1 }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Invoice' },
);
export type Invoice = Static<typeof InvoiceSchema>;
export type InvoiceLine = Static<typeof InvoiceLineSchema>;

export const InvoiceIdParamsSchema = Type.Object({ id: Type.String({ format: 'uuid' }) });
