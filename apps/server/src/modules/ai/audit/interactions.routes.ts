import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CollectionEnvelope } from '@maillage/contracts';
import { auditActorFrom, recordAudit, type AuditEventInput } from '../../../platform/audit/index.js';
import { dbScopeFor, requirePermission, requirePrincipal } from '../../../platform/auth/index.js';
import { withTransaction, type Database } from '../../../platform/db/index.js';
import { sendCsv, wantsCsv, type CsvColumn } from '../../../platform/http/collection-csv.js';
import type { CollectionQuery } from '../../../platform/http/collection.js';
import { COMMON_PROBLEMS, problemResponses, toEnvelope } from '../../../platform/http/responses.js';
import { AI_PERMISSIONS } from '../knowledge/permissions.js';
import { interactionCollection } from './interactions.collection.js';
import { CreateFeedbackSchema, FeedbackSchema, InteractionIdParamsSchema, InteractionSchema, type Interaction } from './interactions.schema.js';
import { giveFeedback, listInteractions } from './interactions.service.js';
import { AI_AUDIT_PERMISSIONS } from './permissions.js';

const TAGS = ['ai'];
const JSONL = 'application/jsonl';

const CSV_COLUMNS: ReadonlyArray<CsvColumn<Interaction>> = [
  ...['id', 'createdAt', 'entityId', 'userId'].map((name) => ({ name })),
  { name: 'userName', value: (interaction: Interaction) => interaction.user?.displayName ?? null },
  { name: 'userEmail', value: (interaction: Interaction) => interaction.user?.email ?? null },
  ...[
    'conversationId', 'status', 'provider', 'model', 'promptVersion', 'question', 'message', 'latencyMs', 'promptTokens', 'completionTokens',
    'rawOutputSha256', 'channel', 'error', 'retrieved', 'answer', 'dropped', 'redactions', 'feedback', 'retrieval',
  ].map((name) => ({ name })),
];

export async function interactionRoutes(instance: FastifyInstance, deps: { database: Database }): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/ai/interactions',
    {
      preHandler: requirePermission(AI_AUDIT_PERMISSIONS.auditRead),
      schema: {
        tags: TAGS,
        summary: 'Browse the AI interactions journal (questions, sources, answers, feedback)',
        description:
          'Newest first, interactions filed under the entities where the caller holds ai.audit.read. `Accept: text/csv` or `Accept: application/jsonl` exports the whole filtered list (the export is itself audited).',
        querystring: interactionCollection.querystring,
        response: {
          200: {
            description: 'A page of interactions, or the filtered list as CSV or JSON Lines.',
            content: {
              'application/json': { schema: CollectionEnvelope(InteractionSchema) },
              'text/csv': { schema: Type.String() },
              [JSONL]: { schema: Type.String() },
            },
          },
          ...problemResponses(...COMMON_PROBLEMS),
        },
      },
    },
    async (request, reply) => {
      const scope = dbScopeFor(request, AI_AUDIT_PERMISSIONS.auditRead);
      const query = interactionCollection.parse(request.query);
      const fetch = (batch: CollectionQuery) => listInteractions(deps.database, scope, batch);
      const roots = requirePrincipal(request).rootsFor(AI_AUDIT_PERMISSIONS.auditRead);
      const event = (format: string): AuditEventInput => ({
        action: 'ai.interactions.exported',
        resourceType: 'ai_interaction',
        resourceId: null,
        entityId: roots.length === 1 ? roots[0]! : null,
        actor: auditActorFrom(request),
        after: { format },
      });
      if (wantsCsv(request)) {
        return sendCsv(reply, { query, fetch, columns: CSV_COLUMNS, filename: 'journal-assistant', audit: { database: deps.database, scope, event: event('csv') } });
      }
      if (wantsJsonLines(request)) {
        await withTransaction(deps.database, scope, (tx) => recordAudit(tx, { ...event('jsonl'), after: { format: 'jsonl', filters: query.filters } }));
        return sendJsonLines(reply, jsonLines(query, fetch));
      }
      return toEnvelope(await listInteractions(deps.database, scope, query));
    },
  );

  app.post(
    '/api/v1/ai/interactions/:id/feedback',
    {
      preHandler: requirePermission(AI_PERMISSIONS.ask),
      schema: {
        tags: TAGS,
        summary: 'Give feedback on an answer (only the asker); the latest feedback counts',
        params: InteractionIdParamsSchema,
        body: CreateFeedbackSchema,
        response: { 201: FeedbackSchema, ...problemResponses(...COMMON_PROBLEMS, 404) },
      },
    },
    async (request, reply) => {
      const scope = dbScopeFor(request, AI_PERMISSIONS.ask);
      const feedback = await giveFeedback(deps.database, scope, requirePrincipal(request).userId, request.params.id, request.body);
      return reply.code(201).send(feedback);
    },
  );
}

function sendJsonLines(reply: FastifyReply, lines: AsyncGenerator<string>): FastifyReply {
  const stamp = new Date().toISOString().slice(0, 10);
  return reply
    .type(`${JSONL}; charset=utf-8`)
    .header('content-disposition', `attachment; filename="journal-assistant-${stamp}.jsonl"`)
    .header('cache-control', 'no-store')
    .send(Readable.from(lines, { objectMode: false }));
}

function wantsJsonLines(request: FastifyRequest): boolean {
  const accept = (request.headers.accept ?? '').toLowerCase();
  return accept.includes(JSONL) || accept.includes('application/x-ndjson');
}

async function* jsonLines(query: CollectionQuery, fetch: (query: CollectionQuery) => Promise<{ items: Interaction[]; nextAfter: unknown[] | null }>): AsyncGenerator<string> {
  let batch: CollectionQuery = { ...query, limit: 500, count: 'none' };
  for (;;) {
    const page = await fetch(batch);
    if (page.items.length > 0) yield page.items.map((item) => JSON.stringify(item)).join('\n') + '\n';
    if (!page.nextAfter) return;
    batch = { ...batch, after: page.nextAfter };
  }
}
