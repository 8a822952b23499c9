import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { auditActorFrom } from '../../../platform/audit/index.js';
import { dbScopeFor, requirePermission, requirePrincipal } from '../../../platform/auth/index.js';
import { requireMergePatch } from '../../../platform/http/merge-patch.js';
import { requiredIfMatchVersion, setEtag } from '../../../platform/http/preconditions.js';
import { collectionResponse, COMMON_PROBLEMS, problemResponses, toEnvelope } from '../../../platform/http/responses.js';
import { INVOICE_PERMISSIONS } from './permissions.js';
import { createCreditNote } from './credit-notes.service.js';
import type { InvoicingActor, InvoicingDeps } from './invoice-actor.js';
import { createDraft, patchDraft } from './invoice-drafts.service.js';
import { issueInvoice } from './invoice-issuance.service.js';
import { invoiceCollection } from './invoices.collection.js';
import { getInvoice, listInvoices, listOverdueInvoices } from './invoices-read.service.js';
import { CreateCreditNoteSchema, CreateInvoiceSchema, InvoiceIdParamsSchema, InvoicePatchSchema, InvoiceSchema } from './invoices.schema.js';

const TAGS = ['membership'];
const IF_MATCH = Type.Object({ 'if-match': Type.Optional(Type.String({ description: 'ETag read with GET (428 when missing, 412 when stale)' })) });

/** `/api/v1/invoices`: drafts, issuance (numbering, ADR 0013), credit notes, lists. */
export async function invoiceRoutes(instance: FastifyInstance, deps: InvoicingDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { database } = deps;
  const actorOf = (request: FastifyRequest): InvoicingActor => ({ principal: requirePrincipal(request), audit: auditActorFrom(request) });

  app.get(
    '/api/v1/invoices',
    {
      preHandler: requirePermission(INVOICE_PERMISSIONS.read),
      schema: {
        tags: TAGS,
        summary: 'List the invoices and credit notes of your entities',
        querystring: invoiceCollection.querystring,
        response: { 200: collectionResponse(InvoiceSchema), ...problemResponses(...COMMON_PROBLEMS) },
      },
    },
    async (request) => toEnvelope(await listInvoices(database, dbScopeFor(request, INVOICE_PERMISSIONS.read), invoiceCollection.parse(request.query))),
  );

  app.get(
    '/api/v1/invoices/overdue',
    {
      preHandler: requirePermission(INVOICE_PERMISSIONS.read),
      schema: {
        tags: TAGS,
        summary: 'List issued invoices past their due date with a balance left to collect',
        querystring: invoiceCollection.querystring,
        response: { 200: collectionResponse(InvoiceSchema), ...problemResponses(...COMMON_PROBLEMS) },
      },
    },
    async (request) => toEnvelope(await listOverdueInvoices(database, dbScopeFor(request, INVOICE_PERMISSIONS.read), invoiceCollection.parse(request.query))),
  );

  app.get(
    '/api/v1/invoices/:id',
    {
      preHandler: requirePermission(INVOICE_PERMISSIONS.read),
      schema: {
        tags: TAGS,
        summary: 'Read an invoice or credit note, with its lines and balance',
        params: InvoiceIdParamsSchema,
        response: { 200: InvoiceSchema, ...problemResponses(...COMMON_PROBLEMS, 404) },
      },
    },
    async (request, reply) => {
      const invoice = await getInvoice(database, dbScopeFor(request, INVOICE_PERMISSIONS.read), request.params.id);
      setEtag(reply, invoice.version);
      return invoice;
    },
  );

  app.post(
    '/api/v1/invoices',
    {
      preHandler: requirePermission(INVOICE_PERMISSIONS.write),
      schema: {
        tags: TAGS,
        summary: 'Create a draft invoice (no number until issued)',
        body: CreateInvoiceSchema,
        response: { 201: InvoiceSchema, ...problemResponses(...COMMON_PROBLEMS, 422) },
      },
    },
    async (request, reply) => {
      const invoice = await createDraft(deps, actorOf(request), request.body);
      setEtag(reply, invoice.version);
      return reply.code(201).header('location', `/api/v1/invoices/${invoice.id}`).send(invoice);
    },
  );

  app.patch(
    '/api/v1/invoices/:id',
    {
      preHandler: requirePermission(INVOICE_PERMISSIONS.write),
      preValidation: requireMergePatch,
      schema: {
        tags: TAGS,
        summary: 'Change a draft (JSON Merge Patch, If-Match required); an issued invoice answers 409 `invoice_not_draft`',
        params: InvoiceIdParamsSchema,
        headers: IF_MATCH,
        body: InvoicePatchSchema,
        response: { 200: InvoiceSchema, ...problemResponses(...COMMON_PROBLEMS, 404, 409, 412, 415, 422, 428) },
      },
    },
    async (request, reply) => {
      const expected = requiredIfMatchVersion(request) ?? '*';
      const invoice = await patchDraft(deps, actorOf(request), request.params.id, expected, request.body);
      setEtag(reply, invoice.version);
      return invoice;
    },
  );

  app.post(
    '/api/v1/invoices/:id/issue',
    {
      preHandler: requirePermission(INVOICE_PERMISSIONS.write),
      schema: {
        tags: TAGS,
        summary: 'Issue a draft: gives it the next number of its series and freezes it',
        description: '422 when the due date, the VAT mention or the issuer\'s legal identity (SIREN, address) is missing; 409 when already issued.',
        params: InvoiceIdParamsSchema,
        response: { 200: InvoiceSchema, ...problemResponses(...COMMON_PROBLEMS, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const invoice = await issueInvoice(deps, actorOf(request), request.params.id);
      setEtag(reply, invoice.version);
      return invoice;
    },
  );

  app.post(
    '/api/v1/invoices/:id/credit-notes',
    {
      preHandler: requirePermission(INVOICE_PERMISSIONS.write),
      schema: {
        tags: TAGS,
        summary: 'Issue a credit note against an issued invoice (series AV); without lines it cancels the whole invoice',
        description: 'Answers the credit note; the invoice (GET) then shows its lower balance, or `cancelled` when wholly credited.',
        params: InvoiceIdParamsSchema,
        body: CreateCreditNoteSchema,
        response: { 201: InvoiceSchema, ...problemResponses(...COMMON_PROBLEMS, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const creditNote = await createCreditNote(deps, actorOf(request), request.params.id, request.body ?? {});
      setEtag(reply, creditNote.version);
      return reply.code(201).header('location', `/api/v1/invoices/${creditNote.id}`).send(creditNote);
    },
  );
}
