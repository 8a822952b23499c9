import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { auditActorFrom } from '../../../platform/audit/index.js';
import { requirePermission } from '../../../platform/auth/index.js';
import type { Database } from '../../../platform/db/index.js';
import type { FeatureFlags } from '../../../platform/flags/index.js';
import { COMMON_PROBLEMS, problemResponses } from '../../../platform/http/responses.js';
import { resolveAsker } from '../answers/asker.js';
import { AI_PERMISSIONS } from '../knowledge/permissions.js';
import { SearchRequestSchema, SearchResultSchema } from './search.schema.js';
import type { Retriever } from './retrieve-chunks.js';
import { searchKnowledge } from './search.service.js';

/** `POST /api/v1/ai/search`: the retrieval step of the assistant, for integrators. */
export async function searchRoutes(instance: FastifyInstance, deps: { database: Database; flags: FeatureFlags; retrieve: Retriever }): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/api/v1/ai/search',
    {
      preHandler: requirePermission(AI_PERMISSIONS.ask),
      schema: {
        tags: ['ai'],
        summary: 'Search the knowledge base: ranked passages you may read, with their offsets and version',
        description:
          'French full text (accents folded, everyday wording expanded to legal terms) and trigram similarity, fused by reciprocal ' +
          'rank fusion (k = 60); when the server has an embedding provider, that lexical ranking is fused in turn (RRF, k = 60) with ' +
          'the passages nearest to the question by cosine similarity. Staff-only passages come only from your entities and their subtrees; public and members\' ' +
          'passages from the whole network. Read-only, so safe to retry; each call is audited. 403 ' +
          '`ai_assistant_disabled` when the assistant (feature flag ai.assistant) is off for every entity where you hold ai.ask.',
        body: SearchRequestSchema,
        response: { 200: SearchResultSchema, ...problemResponses(...COMMON_PROBLEMS, 422) },
      },
    },
    async (request) => searchKnowledge(deps.retrieve, deps.database, await resolveAsker(request, deps.flags), auditActorFrom(request), request.body, 'api'),
  );
}
