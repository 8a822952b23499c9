import type { FastifyInstance } from 'fastify';
import { CollectionEnvelope } from '@maillage/contracts';
import type { AppContext } from '../../app.js';
import { dbScopeFor, requirePermission } from '../auth/index.js';
import { COMMON_PROBLEMS, problemResponses, toEnvelope } from '../http/responses.js';
import { auditEventCollection } from './audit-events.collection.js';
import { AuditEventSchema } from './audit-events.schema.js';
import { listAuditEvents } from './audit-events.service.js';

const AUDIT_READ = 'audit.read';

export function registerAuditRoutes(app: FastifyInstance, context: AppContext): void {
  app.get(
    '/api/v1/audit-events',
    {
      schema: {
        tags: ['audit'],
        summary: 'List audit events',
        description:
          'Newest first. Events of the entities where the caller holds audit.read; network-wide events (logins…) only with audit.read on the national office.',
        querystring: auditEventCollection.querystring,
        response: { 200: CollectionEnvelope(AuditEventSchema), ...problemResponses(...COMMON_PROBLEMS) },
      },
      preHandler: requirePermission(AUDIT_READ),
    },
    async (request) => {
      const query = auditEventCollection.parse(request.query);
      return toEnvelope(await listAuditEvents(context.database, dbScopeFor(request, AUDIT_READ), query));
    },
  );
}
