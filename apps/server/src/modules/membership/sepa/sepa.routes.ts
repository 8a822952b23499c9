import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { auditActorFrom } from '../../../platform/audit/index.js';
import { dbScopeFor, requirePermission, requirePrincipal } from '../../../platform/auth/index.js';
import { COMMON_PROBLEMS, problemResponses } from '../../../platform/http/responses.js';
import { createBatch, getBatch, searchBatches } from './sepa-batches.service.js';
import { recordRejection, settleBatch } from './sepa-settlement.service.js';
import { getCreditor, putCreditor } from './sepa-creditors.service.js';
import { SEPA_PERMISSIONS, type SepaActor, type SepaDeps } from './sepa-deps.js';
import { createMandate, getMandate, revoke, searchMandates } from './sepa-mandates.service.js';
import {
  BatchListQuerySchema,
  BatchListSchema,
  BatchSchema,
  CreateBatchSchema,
  CreateMandateSchema,
  CreditorSchema,
  IdParamsSchema,
  MandateListQuerySchema,
  MandateListSchema,
  MandateSchema,
  PutCreditorSchema,
  RecordRejectionSchema,
  SettleBatchSchema,
} from './sepa.schema.js';

const TAGS = ['membership'];
const { read, write } = SEPA_PERMISSIONS;

/** SEPA direct debit: creditor identity per entity, debtor mandates, pain.008 batches. */
export async function sepaRoutes(instance: FastifyInstance, deps: SepaDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const actorOf = (request: FastifyRequest): SepaActor => ({ principal: requirePrincipal(request), audit: auditActorFrom(request) });

  app.get(
    '/api/v1/entities/:id/sepa-creditor',
    {
      preHandler: requirePermission(read),
      schema: { tags: TAGS, summary: "The entity's SEPA creditor identifier (ICS) and account", params: IdParamsSchema, response: { 200: CreditorSchema, ...problemResponses(...COMMON_PROBLEMS, 404) } },
    },
    async (request) => getCreditor(deps, dbScopeFor(request, read), request.params.id),
  );

  app.put(
    '/api/v1/entities/:id/sepa-creditor',
    {
      preHandler: requirePermission(write),
      schema: {
        tags: TAGS,
        summary: "Set the entity's SEPA creditor identifier (ICS, checked with its mod 97-10 key) and the account collections are credited to",
        params: IdParamsSchema,
        body: PutCreditorSchema,
        response: { 200: CreditorSchema, ...problemResponses(...COMMON_PROBLEMS, 404, 422) },
      },
    },
    async (request) => putCreditor(deps, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/sepa-mandates',
    {
      preHandler: requirePermission(read),
      schema: { tags: TAGS, summary: "The SEPA mandates of one's entities, newest first (IBAN masked)", querystring: MandateListQuerySchema, response: { 200: MandateListSchema, ...problemResponses(...COMMON_PROBLEMS) } },
    },
    async (request) => ({ items: await searchMandates(deps, dbScopeFor(request, read), request.query) }),
  );

  app.post(
    '/api/v1/sepa-mandates',
    {
      preHandler: requirePermission(write),
      schema: {
        tags: TAGS,
        summary: 'Record a SEPA direct-debit mandate signed by a debtor company',
        description: '422 when the IBAN or BIC is invalid; 409 when the RUM is taken or the company already has an active mandate with this entity. The IBAN is stored encrypted.',
        body: CreateMandateSchema,
        response: { 201: MandateSchema, ...problemResponses(...COMMON_PROBLEMS, 409, 422) },
      },
    },
    async (request, reply) => reply.code(201).send(await createMandate(deps, actorOf(request), request.body)),
  );

  app.get(
    '/api/v1/sepa-mandates/:id',
    { preHandler: requirePermission(read), schema: { tags: TAGS, summary: 'One SEPA mandate (IBAN masked)', params: IdParamsSchema, response: { 200: MandateSchema, ...problemResponses(...COMMON_PROBLEMS, 404) } } },
    async (request) => getMandate(deps, dbScopeFor(request, read), request.params.id),
  );

  app.post(
    '/api/v1/sepa-mandates/:id/revoke',
    {
      preHandler: requirePermission(write),
      schema: { tags: TAGS, summary: 'Revoke a mandate (final; repeating it is harmless)', params: IdParamsSchema, response: { 200: MandateSchema, ...problemResponses(...COMMON_PROBLEMS, 404) } },
    },
    async (request) => revoke(deps, actorOf(request), request.params.id),
  );

  app.post(
    '/api/v1/sepa-batches',
    {
      preHandler: requirePermission(write),
      schema: {
        tags: TAGS,
        summary: "Build a pain.008 batch of the entity's issued, unpaid invoices whose customer has an active mandate",
        description:
          'Each invoice is collected for its balance and at most once across batches. 409 `sepa_nothing_to_collect` when every matching invoice is already in a batch; ' +
          '422 when the entity has no creditor identifier or a listed invoice cannot be collected. Send `Idempotency-Key` to retry safely.',
        body: CreateBatchSchema,
        response: { 201: BatchSchema, ...problemResponses(...COMMON_PROBLEMS, 409, 422) },
      },
    },
    async (request, reply) => reply.code(201).send(await createBatch(deps, actorOf(request), request.body)),
  );

  app.get(
    '/api/v1/sepa-batches',
    {
      preHandler: requirePermission(read),
      schema: { tags: TAGS, summary: "The SEPA batches of one's entities, newest first (at most 200)", querystring: BatchListQuerySchema, response: { 200: BatchListSchema, ...problemResponses(...COMMON_PROBLEMS) } },
    },
    async (request) => ({ items: await searchBatches(deps, dbScopeFor(request, read), request.query) }),
  );

  app.post(
    '/api/v1/sepa-batches/:id/settle',
    {
      preHandler: requirePermission(write),
      schema: {
        tags: TAGS,
        summary: 'Mark a batch settled by the bank: records a SEPA payment on each collected invoice',
        description: 'Repeating it changes nothing (the batch is answered as settled). Debits already recorded as rejected are left out. 422 when the date precedes the batch.',
        params: IdParamsSchema,
        body: SettleBatchSchema,
        response: { 200: BatchSchema, ...problemResponses(...COMMON_PROBLEMS, 404, 422) },
      },
    },
    async (request) => settleBatch(deps, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/sepa-batches/:id/rejections',
    {
      preHandler: requirePermission(write),
      schema: {
        tags: TAGS,
        summary: 'Record a debit of the batch rejected or returned by the bank (R-transaction), with its ISO 20022 reason code',
        description:
          'A settled debit has its payment reversed: the invoice is open again (overdue once due) and may be collected in a later batch. Repeating it changes nothing. 422 `/invoiceId` when the invoice is not in the batch.',
        params: IdParamsSchema,
        body: RecordRejectionSchema,
        response: { 200: BatchSchema, ...problemResponses(...COMMON_PROBLEMS, 404, 422) },
      },
    },
    async (request) => recordRejection(deps, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/sepa-batches/:id',
    { preHandler: requirePermission(read), schema: { tags: TAGS, summary: 'One SEPA batch and its collected invoices', params: IdParamsSchema, response: { 200: BatchSchema, ...problemResponses(...COMMON_PROBLEMS, 404) } } },
    async (request) => (await getBatch(deps, dbScopeFor(request, read), request.params.id)).batch,
  );

  app.get(
    '/api/v1/sepa-batches/:id/pain.008.xml',
    {
      preHandler: requirePermission(read),
      schema: {
        tags: TAGS,
        summary: 'Download the pain.008.001.02 file of a batch, to upload to the bank',
        params: IdParamsSchema,
        response: { 200: { description: 'The pain.008 XML', content: { 'application/xml': { schema: Type.String() } } }, ...problemResponses(...COMMON_PROBLEMS, 404) },
      },
    },
    async (request, reply) => {
      const { batch, xml } = await getBatch(deps, dbScopeFor(request, read), request.params.id);
      return reply.type('application/xml; charset=utf-8').header('content-disposition', `attachment; filename="pain008-${batch.messageId}.xml"`).send(xml);
    },
  );
}
