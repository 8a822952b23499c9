import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { auditActorFrom } from '../../../platform/audit/index.js';
import { dbScopeFor, requirePermission } from '../../../platform/auth/index.js';
import { sendCsv, wantsCsv } from '../../../platform/http/collection-csv.js';
import { requireMergePatch } from '../../../platform/http/merge-patch.js';
import { requiredIfMatchVersion, setEtag } from '../../../platform/http/preconditions.js';
import { COMMON_PROBLEMS, collectionResponse, problemResponses, toEnvelope } from '../../../platform/http/responses.js';
import { mandateActorFrom, type MandateDeps } from './mandate-actor.js';
import { listExpiringMandates, listVacantSeats, summarizeMandates } from './mandate-reports.service.js';
import { expiringMandateCollection, mandateCollection, vacantSeatCollection } from './mandates.collections.js';
import { CreateMandateSchema, IdParamsSchema, MandatePatchSchema, MandateSchema, MandateSummaryQuerySchema, MandateSummaryRowSchema, SeatSchema } from './mandates.schema.js';
import { createMandate, getMandate, listMandatesFor, patchMandate } from './mandates.service.js';
import { MANDATE_PERMISSIONS } from './permissions.js';

const TAGS = ['mandates'];
const { read, write } = MANDATE_PERMISSIONS;
const CSV = 'Send `Accept: text/csv` for the whole filtered list as a CSV file.';
const MANDATE_COLUMNS = ['id', 'entityId', 'bodyName', 'seatLabel', 'seatRole', 'personName', 'startOn', 'endOn', 'status'].map((name) => ({ name }));
const SEAT_COLUMNS = ['id', 'entityId', 'bodyName', 'label', 'role'].map((name) => ({ name }));

/** `/api/v1/mandates` and the reports `/api/v1/mandate-reports/*` (JSON or CSV). */
export async function mandateRoutes(instance: FastifyInstance, deps: MandateDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const exportAudit = (request: Parameters<typeof auditActorFrom>[0], action: string) => ({
    database: deps.database,
    scope: dbScopeFor(request, read),
    event: { action, resourceType: 'mandate', resourceId: null, entityId: null, actor: auditActorFrom(request) },
  });

  app.get(
    '/api/v1/mandates',
    {
      preHandler: requirePermission(read),
      schema: {
        tags: TAGS,
        summary: "List the mandates of the caller's entities (by entity: filter[entityId]; by body: filter[bodyId])",
        description: CSV,
        querystring: mandateCollection.querystring,
        response: { 200: collectionResponse(MandateSchema), ...problemResponses(...COMMON_PROBLEMS) },
      },
    },
    async (request, reply) => {
      const actor = mandateActorFrom(request);
      const query = mandateCollection.parse(request.query);
      const fetch = (q: typeof query) => listMandatesFor(deps, actor, q);
      if (wantsCsv(request)) return sendCsv(reply, { query, fetch, filename: 'mandats', columns: MANDATE_COLUMNS, audit: exportAudit(request, 'mandates.mandate.exported') });
      return toEnvelope(await fetch(query));
    },
  );
  app.get(
    '/api/v1/mandates/:id',
    { preHandler: requirePermission(read), schema: { tags: TAGS, summary: 'Read a mandate', params: IdParamsSchema, response: { 200: MandateSchema, ...problemResponses(...COMMON_PROBLEMS, 404) } } },
    async (request, reply) => {
      const mandate = await getMandate(deps, mandateActorFrom(request), request.params.id);
      setEtag(reply, mandate.version);
      return mandate;
    },
  );
  app.post(
    '/api/v1/mandates',
    {
      preHandler: requirePermission(write),
      schema: {
        tags: TAGS,
        summary: 'Designate a person to a seat for a period',
        description: '422 when the end precedes the start (`/endOn`) or another active mandate of the seat meets the period (`/startOn`).',
        body: CreateMandateSchema,
        response: { 201: MandateSchema, ...problemResponses(...COMMON_PROBLEMS, 422) },
      },
    },
    async (request, reply) => {
      const mandate = await createMandate(deps, mandateActorFrom(request), request.body);
      setEtag(reply, mandate.version);
      return reply.code(201).send(mandate);
    },
  );
  app.patch(
    '/api/v1/mandates/:id',
    {
      preHandler: requirePermission(write),
      preValidation: requireMergePatch,
      schema: {
        tags: TAGS,
        summary: 'Change the dates (early end) or cancel a mandate (JSON Merge Patch, If-Match required)',
        params: IdParamsSchema,
        body: MandatePatchSchema,
        response: { 200: MandateSchema, ...problemResponses(...COMMON_PROBLEMS, 404, 412, 415, 422, 428) },
      },
    },
    async (request, reply) => {
      const expected = requiredIfMatchVersion(request) ?? '*';
      const mandate = await patchMandate(deps, mandateActorFrom(request), request.params.id, expected, request.body);
      setEtag(reply, mandate.version);
      return mandate;
    },
  );

  app.get(
    '/api/v1/mandate-reports/vacant-seats',
    {
      preHandler: requirePermission(read),
      schema: {
        tags: TAGS,
        summary: "Seats of the caller's entities that no active mandate covers today",
        description: CSV,
        querystring: vacantSeatCollection.querystring,
        response: { 200: collectionResponse(SeatSchema), ...problemResponses(...COMMON_PROBLEMS) },
      },
    },
    async (request, reply) => {
      const actor = mandateActorFrom(request);
      const query = vacantSeatCollection.parse(request.query);
      const fetch = (q: typeof query) => listVacantSeats(deps, actor, q);
      // No personal data in a list of seats: no export audit.
      if (wantsCsv(request)) return sendCsv(reply, { query, fetch, filename: 'sieges-vacants', columns: SEAT_COLUMNS, audit: false });
      return toEnvelope(await fetch(query));
    },
  );
  app.get(
    '/api/v1/mandate-reports/expiring',
    {
      preHandler: requirePermission(read),
      schema: {
        tags: TAGS,
        summary: 'Active mandates ending within `withinDays` days (default 90), soonest first',
        description: CSV,
        querystring: expiringMandateCollection.querystring,
        response: { 200: collectionResponse(MandateSchema), ...problemResponses(...COMMON_PROBLEMS) },
      },
    },
    async (request, reply) => {
      const actor = mandateActorFrom(request);
      const query = expiringMandateCollection.parse(request.query);
      const withinDays = (request.query as { withinDays?: number }).withinDays ?? 90;
      const fetch = (q: typeof query) => listExpiringMandates(deps, actor, q, withinDays);
      if (wantsCsv(request)) return sendCsv(reply, { query, fetch, filename: 'mandats-a-echeance', columns: MANDATE_COLUMNS, audit: exportAudit(request, 'mandates.expiring.exported') });
      return toEnvelope(await fetch(query));
    },
  );
  app.get(
    '/api/v1/mandate-reports/summary',
    {
      preHandler: requirePermission(read),
      schema: {
        tags: TAGS,
        summary: 'Seats, current mandates and vacant seats per designating entity or per body (one page, by name)',
        description: `${CSV} With \`entityId\`: that entity and its sub-entities (the branch switcher); an entity out of the caller’s scope answers 404.`,
        querystring: MandateSummaryQuerySchema,
        response: { 200: Type.Object({ items: Type.Array(MandateSummaryRowSchema), nextCursor: Type.Null() }), ...problemResponses(...COMMON_PROBLEMS, 404) },
      },
    },
    async (request, reply) => {
      const items = await summarizeMandates(deps, mandateActorFrom(request), request.query);
      if (wantsCsv(request)) {
        const query = { filters: [], sort: [], limit: items.length, after: null, count: 'none' as const, fingerprint: () => '' };
        const columns = ['id', 'name', 'seats', 'currentMandates', 'vacantSeats'].map((name) => ({ name }));
        return sendCsv(reply, { query, fetch: async () => ({ items, nextCursor: null, nextAfter: null }), filename: `mandats-par-${request.query.groupBy === 'entity' ? 'structure' : 'instance'}`, columns, audit: false });
      }
      return { items, nextCursor: null };
    },
  );
}
