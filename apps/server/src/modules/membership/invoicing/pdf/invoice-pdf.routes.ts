import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { auditActorFrom } from '../../../../platform/audit/index.js';
import { dbScopeFor, requirePermission } from '../../../../platform/auth/index.js';
import { COMMON_PROBLEMS, problemResponses } from '../../../../platform/http/responses.js';
import type { InvoicingDeps } from '../invoice-actor.js';
import { InvoiceIdParamsSchema } from '../invoices.schema.js';
import { INVOICE_PERMISSIONS } from '../permissions.js';
import { getInvoicePdf } from './invoice-pdf.service.js';

// A Buffer is sent as it is (Fastify serialises only objects); the schema documents it in OpenAPI.
const PDF_BYTES = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' });

/** `GET /api/v1/invoices/{id}/pdf`: the stored PDF of an issued invoice or credit note. */
export async function invoicePdfRoutes(instance: FastifyInstance, deps: InvoicingDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/v1/invoices/:id/pdf',
    {
      preHandler: requirePermission(INVOICE_PERMISSIONS.read),
      schema: {
        tags: ['membership'],
        summary: 'Download the PDF of an issued invoice or credit note',
        description:
          'Rendered at the first download and stored: every later download answers the same bytes (`ETag` is their SHA-256). ' +
          'A draft answers 409 `invoice_draft_without_pdf`.',
        params: InvoiceIdParamsSchema,
        response: {
          200: { description: 'The PDF, named `<number>.pdf`', content: { 'application/pdf': { schema: PDF_BYTES } } },
          ...problemResponses(...COMMON_PROBLEMS, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const pdf = await getInvoicePdf(deps.database, dbScopeFor(request, INVOICE_PERMISSIONS.read), auditActorFrom(request), request.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${pdf.fileName}"`)
        .header('etag', `"${pdf.sha256}"`)
        .header('cache-control', 'private, no-cache')
        .send(pdf.content);
    },
  );
}
