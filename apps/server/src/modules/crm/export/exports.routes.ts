import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { auditActorFrom, recordAudit } from '../../../platform/audit/index.js';
import { dbScopeFor, requirePermission } from '../../../platform/auth/index.js';
import { withTransaction, type Database, type DbScope } from '../../../platform/db/index.js';
import type { Collection, CollectionQuery } from '../../../platform/http/collection.js';
import { BadRequestError, ValidationError } from '../../../platform/http/errors.js';
import { COMMON_PROBLEMS, problemResponses } from '../../../platform/http/responses.js';
import { organizationCollection } from '../organizations/organizations.collection.js';
import { personCollection } from '../persons/persons.collection.js';
import { SEGMENT_PERMISSIONS } from '../segments/permissions.js';
import { segmentCollectionQuery } from '../segments/segment-members.service.js';
import { getSegment } from '../segments/segments.service.js';
import type { SegmentTarget } from '../segments/segments.tables.js';
import { ORGANIZATION_EXPORT_COLUMNS, organizationExportBatches } from './organizations-export.js';
import { EXPORT_PURPOSES, PERSON_EXPORT_COLUMNS, personExportBatches, type ExportPurpose } from './persons-export.js';
import { EXPORT_PERMISSIONS } from './permissions.js';
import { EXPORT_CONTENT_TYPES, EXPORT_FORMATS, streamTable, type ExportFormat } from './table-stream.js';

const TAGS = ['crm'];
const fileResponse = (format: ExportFormat) => ({
  description: format === 'csv' ? 'CSV for French Excel: UTF-8 with BOM, `;` separator, CRLF' : 'XLSX workbook, one sheet',
  content: { [EXPORT_CONTENT_TYPES[format].split(';')[0]!]: { schema: Type.String() } },
});

const SegmentParameter = Type.Optional(
  Type.String({ format: 'uuid', description: "Export a saved segment's members (its saved filter) instead of filter parameters" }),
);

const OrganizationExportQuerySchema = Type.Object(
  { ...organizationCollection.querystring.properties, segment: SegmentParameter },
  { additionalProperties: false },
);

const PersonExportQuerySchema = Type.Object(
  {
    ...personCollection.querystring.properties,
    segment: SegmentParameter,
    purpose: Type.Union(
      [Type.Literal(EXPORT_PURPOSES[0]), Type.Literal(EXPORT_PURPOSES[1])],
      { description: '`marketing` keeps only contacts whose current newsletter consent is granted; `internal` keeps every contact' },
    ),
  },
  { additionalProperties: false },
);

/**
 * The list query of an export: the request's own filters and sort, or a segment's saved filter
 * (read under the caller's segment scope: a segment of another branch is 404) with the request's sort.
 */
async function exportQuery(
  database: Database,
  request: FastifyRequest,
  target: SegmentTarget,
  collection: Collection,
  parameters: Record<string, unknown>,
): Promise<{ query: CollectionQuery; segmentId?: string }> {
  const { segment: segmentId, ...listParameters } = parameters;
  if (typeof segmentId !== 'string') return { query: collection.parse(listParameters) };
  if (Object.keys(listParameters).some((name) => name.startsWith('filter['))) {
    throw new BadRequestError('Choose either a segment or filter parameters.', [
      { pointer: '/segment', message: 'Exportez soit un segment, soit une liste filtrée, pas les deux à la fois.' },
    ]);
  }
  const segment = await getSegment(database, dbScopeFor(request, SEGMENT_PERMISSIONS.read), segmentId);
  if (segment.target !== target) {
    throw new ValidationError([
      { pointer: '/segment', message: target === 'persons' ? 'Ce segment sélectionne des entreprises, pas des contacts.' : 'Ce segment sélectionne des contacts, pas des entreprises.' },
    ]);
  }
  const sort = typeof listParameters.sort === 'string' ? { sort: listParameters.sort } : {};
  return { query: segmentCollectionQuery(segment, sort), segmentId };
}

interface ExportAudit {
  database: Database;
  scope: DbScope;
  request: FastifyRequest;
  action: string;
  resourceType: string;
  format: ExportFormat;
  query: CollectionQuery;
  segmentId?: string | undefined;
  purpose?: ExportPurpose;
}

/** One audit event per export, with the filters and the number of rows that left the system. */
function auditExport(audit: ExportAudit): (rowCount: number, completed: boolean) => Promise<void> {
  const actor = auditActorFrom(audit.request);
  return (rowCount, completed) =>
    withTransaction(audit.database, audit.scope, (tx) =>
      recordAudit(tx, {
        action: audit.action,
        resourceType: audit.resourceType,
        resourceId: null,
        entityId: null,
        after: {
          format: audit.format,
          filters: audit.query.filters,
          sort: audit.query.sort,
          ...(audit.segmentId ? { segmentId: audit.segmentId } : {}),
          ...(audit.purpose ? { purpose: audit.purpose } : {}),
          rowCount,
          completed,
        },
        actor,
      }),
    );
}

function sendFile(reply: FastifyReply, format: ExportFormat, name: string, body: NodeJS.ReadableStream): FastifyReply {
  const stamp = new Date().toISOString().slice(0, 10);
  return reply
    .type(EXPORT_CONTENT_TYPES[format])
    .header('content-disposition', `attachment; filename="${name}-${stamp}.${format}"`)
    .header('cache-control', 'no-store')
    .send(body);
}

/** `/api/v1/exports/…`: filtered lists as files, streamed batch by batch, scoped and audited. */
export async function exportRoutes(instance: FastifyInstance, deps: { database: Database }): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { database } = deps;

  for (const format of EXPORT_FORMATS) {
    app.get(
      `/api/v1/exports/organizations.${format}`,
      {
        preHandler: requirePermission(EXPORT_PERMISSIONS.run),
        schema: {
          tags: TAGS,
          summary: `Export companies as ${format.toUpperCase()} with the filters and sort of GET /api/v1/organizations`,
          description:
            'Status and tags are those of your own entities. `segment` exports a saved segment instead of filter parameters. ' +
            'Streamed; the export is recorded in the audit trail with its filters and row count.',
          querystring: OrganizationExportQuerySchema,
          response: { 200: fileResponse(format), ...problemResponses(...COMMON_PROBLEMS) },
        },
      },
      async (request, reply) => {
        const scope = dbScopeFor(request, EXPORT_PERMISSIONS.run);
        const { query, segmentId } = await exportQuery(database, request, 'organizations', organizationCollection, request.query as Record<string, unknown>);
        const onEnd = auditExport({ database, scope, request, action: 'crm.organization.exported', resourceType: 'organization', format, query, segmentId });
        const headers = ORGANIZATION_EXPORT_COLUMNS.map(([header]) => header);
        return sendFile(reply, format, 'entreprises', streamTable({ format, headers, batches: organizationExportBatches(database, scope, query), onEnd }));
      },
    );

    app.get(
      `/api/v1/exports/persons.${format}`,
      {
        preHandler: requirePermission(EXPORT_PERMISSIONS.run),
        schema: {
          tags: TAGS,
          summary: `Export your entities' contacts as ${format.toUpperCase()} with the filters and sort of GET /api/v1/persons`,
          description:
            '`purpose=marketing` excludes every contact whose latest newsletter consent is not `granted` (withdrawn or never given). ' +
            '`segment` exports a saved segment of contacts instead of filter parameters. ' +
            'Anonymised contacts are never exported. Streamed and audited (filters, purpose, row count).',
          querystring: PersonExportQuerySchema,
          response: { 200: fileResponse(format), ...problemResponses(...COMMON_PROBLEMS) },
        },
      },
      async (request, reply) => {
        const scope = dbScopeFor(request, EXPORT_PERMISSIONS.run);
        const { purpose, ...listParameters } = request.query as Record<string, unknown> & { purpose: ExportPurpose };
        const { query, segmentId } = await exportQuery(database, request, 'persons', personCollection, listParameters);
        const onEnd = auditExport({ database, scope, request, action: 'crm.person_list.exported', resourceType: 'person', format, query, segmentId, purpose });
        const headers = PERSON_EXPORT_COLUMNS.map(([header]) => header);
        const name = purpose === 'marketing' ? 'contacts-marketing' : 'contacts';
        return sendFile(reply, format, name, streamTable({ format, headers, batches: personExportBatches(database, scope, query, purpose), onEnd }));
      },
    );
  }
}
