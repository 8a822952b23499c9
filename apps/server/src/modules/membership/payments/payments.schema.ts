import { Type, type Static } from 'typebox';
import { InvoiceSchema } from '../invoicing/invoices.schema.js';

const MethodSchema = Type.Union([Type.Literal('transfer'), Type.Literal('cheque'), Type.Literal('card'), Type.Literal('sepa_debit')], {
  description: 'transfer (virement), cheque, card, sepa_debit (prélèvement SEPA)',
});

export const CreatePaymentSchema = Type.Object(
  {
    method: MethodSchema,
    amountCents: Type.Integer({ minimum: 1, maximum: 100_000_000, description: 'Amount received, in cents; at most the balance' }),
    paidOn: Type.String({ format: 'date', description: 'Day the money was received' }),
    reference: Type.Optional(Type.String({ minLength: 1, maxLength: 140, description: 'Cheque number, transfer reference…' })),
  },
  { additionalProperties: false },
);
export type CreatePayment = Static<typeof CreatePaymentSchema>;

export const PaymentSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    invoiceId: Type.String({ format: 'uuid' }),
    entityId: Type.String({ format: 'uuid' }),
    method: MethodSchema,
    amountCents: Type.Integer(),
    paidOn: Type.String({ format: 'date' }),
    reference: Type.Union([Type.String(), Type.Null()]),
    reversal: Type.Union([
      Type.Object(
        { reversedOn: Type.String({ format: 'date' }), reasonCode: Type.String({ description: 'ISO 20022 reason code (AM04, AC04, MD06…)' }) },
        { description: 'The bank took the money back (rejected SEPA debit): the payment no longer counts' },
      ),
      Type.Null(),
    ]),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Payment' },
);
export type Payment = Static<typeof PaymentSchema>;

export const PaymentRecordedSchema = Type.Object({ payment: PaymentSchema, invoice: InvoiceSchema });
export const PaymentListSchema = Type.Object({ items: Type.Array(PaymentSchema) });
