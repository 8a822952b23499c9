import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { CollectionEnvelope } from '@maillage/contracts';
import type { AppContext } from '../../app.js';
import { dbScopeFor, requirePermission } from '../auth/index.js';
import { sendCsv, wantsCsv, type CsvColumn } from '../http/collection-csv.js';
import { COMMON_PROBLEMS, problemResponses, toEnvelope } from '../http/responses.js';
import { auditEventCollection } from './audit-events.collection.js';
import { AuditEventSchema, type AuditEvent } from './audit-events.schema.js';
import { listAuditEvents } from './audit-events.service.js';
import { auditActorFrom } from './record-audit.js';

const AUDIT_READ = 'audit.read';

const CSV_COLUMNS: ReadonlyArray<CsvColumn<AuditEvent>> = [
  'id',
  'occurredAt',
  'action',
  'resourceType',
  'resourceId',
  'entityId',
  'actorUserId',
  'actorName',
  'requestId',
  'ip',
  'changes',
  'chainPosition',
].map((name) => ({ name }));

export function registerAuditRoutes(app: FastifyInstance, context: AppContext): void {
  app.get(
    '/api/v1/audit-events',
    {
      schema: {
        tags: ['audit'],
        summary: 'List audit events',
        description:
          'Newest first. Events of the entities where the caller holds audit.read; network-wide events (logins…) only with audit.read on the national office. `Accept: text/csv` exports the filtered list (the export is itself audited).',
        querystring: auditEventCollection.querystring,
        response: {
          200: {
            description: 'A page of audit events, or the whole filtered list as CSV.',
            content: { 'application/json': { schema: CollectionEnvelope(AuditEventSchema) }, 'text/csv': { schema: Type.String() } },
          },
          ...problemResponses(...COMMON_PROBLEMS),
        },
      },
      preHandler: requirePermission(AUDIT_READ),
    },
    async (request, reply) => {
      const scope = dbScopeFor(request, AUDIT_READ);
      const query = auditEventCollection.parse(request.query);
      if (wantsCsv(request)) {
        const roots = request.principal!.rootsFor(AUDIT_READ);
        return sendCsv(reply, {
          query,
          fetch: (batch) => listAuditEvents(context.database, scope, batch),
          columns: CSV_COLUMNS,
          filename: 'journal-audit',
          audit: {
            database: context.database,
            scope,
            // Filed under the caller's subtree when it is one, so that its own auditors see it.
            event: { action: 'audit.events.exported', resourceType: 'audit_event', resourceId: null, entityId: roots.length === 1 ? roots[0]! : null, actor: auditActorFrom(request) },
          },
        });
      }
      return toEnvelope(await listAuditEvents(context.database, scope, query));
    },
  );
}
