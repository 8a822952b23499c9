import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { auditActorFrom } from '../../../platform/audit/index.js';
import { dbScopeFor, requirePermission, requirePrincipal } from '../../../platform/auth/index.js';
import { COMMON_PROBLEMS, problemResponses } from '../../../platform/http/responses.js';
import type { InvoicingActor, InvoicingDeps } from '../invoicing/invoice-actor.js';
import { InvoiceIdParamsSchema } from '../invoicing/invoices.schema.js';
import { INVOICE_PERMISSIONS } from '../invoicing/permissions.js';
import { CreatePaymentSchema, PaymentListSchema, PaymentRecordedSchema } from './payments.schema.js';
import { listPayments, recordPayment } from './payments.service.js';

const TAGS = ['membership'];

/** `/api/v1/invoices/{id}/payments`: money received against an issued invoice. */
export async function paymentRoutes(instance: FastifyInstance, deps: InvoicingDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const actorOf = (request: FastifyRequest): InvoicingActor => ({ principal: requirePrincipal(request), audit: auditActorFrom(request) });

  app.get(
    '/api/v1/invoices/:id/payments',
    {
      preHandler: requirePermission(INVOICE_PERMISSIONS.read),
      schema: {
        tags: TAGS,
        summary: 'List the payments of an invoice, oldest first',
        params: InvoiceIdParamsSchema,
        response: { 200: PaymentListSchema, ...problemResponses(...COMMON_PROBLEMS, 404) },
      },
    },
    async (request) => ({ items: await listPayments(deps.database, dbScopeFor(request, INVOICE_PERMISSIONS.read), request.params.id) }),
  );

  app.post(
    '/api/v1/invoices/:id/payments',
    {
      preHandler: requirePermission(INVOICE_PERMISSIONS.write),
      schema: {
        tags: TAGS,
        summary: 'Record a payment (partial payments allowed); answers the payment and the invoice with its new balance',
        description: '422 when the amount exceeds the balance; 409 when the invoice is a draft or already settled. Send `Idempotency-Key` to retry safely.',
        params: InvoiceIdParamsSchema,
        body: CreatePaymentSchema,
        response: { 201: PaymentRecordedSchema, ...problemResponses(...COMMON_PROBLEMS, 404, 409, 422) },
      },
    },
    async (request, reply) => reply.code(201).send(await recordPayment(deps, actorOf(request), request.params.id, request.body)),
  );
}
