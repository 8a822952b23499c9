import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { auditActorFrom } from '../../../platform/audit/index.js';
import { requirePermission, requirePrincipal } from '../../../platform/auth/index.js';
import { COMMON_PROBLEMS, problemResponses } from '../../../platform/http/responses.js';
import type { InvoicingDeps } from '../invoicing/invoice-actor.js';
import { INVOICE_PERMISSIONS } from '../invoicing/permissions.js';
import { exportFec } from './fec-export.service.js';

/** `GET /api/v1/entities/{id}/fec?year=YYYY`: the accounting export an auditor asks for. */
export async function fecRoutes(instance: FastifyInstance, deps: InvoicingDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/v1/entities/:id/fec',
    {
      preHandler: requirePermission(INVOICE_PERMISSIONS.read),
      schema: {
        tags: ['membership'],
        summary: "Download the entity's FEC (fichier des écritures comptables) for a fiscal year",
        description:
          'The 18 regulatory fields, tab-separated, UTF-8, CRLF, named `<SIREN>FEC<YYYYMMDD>.txt` (closing date). Sales journal (VE) then bank journal (BQ). ' +
          "422 `entity_without_siren` when the entity has no SIREN.",
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        querystring: Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100, description: 'Fiscal (calendar) year' }) }, { additionalProperties: false }),
        response: {
          200: { description: 'The FEC file', content: { 'text/plain': { schema: Type.String() } } },
          ...problemResponses(...COMMON_PROBLEMS, 404, 422),
        },
      },
    },
    async (request, reply) => {
      const { fileName, content } = await exportFec(deps.database, { principal: requirePrincipal(request), audit: auditActorFrom(request) }, request.params.id, request.query.year);
      return reply.type('text/plain; charset=utf-8').header('content-disposition', `attachment; filename="${fileName}"`).send(content);
    },
  );
}
