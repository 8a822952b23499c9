import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app.js';
import { registerPermissions } from '../../platform/auth/index.js';
import { registerEncryptedColumn } from '../../platform/crypto/index.js';
import { answerRoutes } from './answers/answers.routes.js';
import { UserRateLimiter } from './answers/rate-limiter.js';
import { PURGE_AI_INTERACTIONS } from './audit/interactions.jobs.js';
import { interactionRoutes } from './audit/interactions.routes.js';
import { purgeInteractions } from './audit/interactions.service.js';
import { AI_AUDIT_PERMISSION_DEFINITIONS } from './audit/permissions.js';
import { AI_PERMISSION_DEFINITIONS, registerKnowledge } from './knowledge/index.js';
import { registerMcp } from './mcp/index.js';
import { providerSettingsRoutes } from './providers/provider-settings.routes.js';
import { registerEmbeddings } from './embeddings/register.js';
import { registerRetrieval, retrieverWith } from './retrieval/index.js';

/**
 * AI Hub (issue 7): knowledge collections and indexing, retrieval and MCP (ADR 0019), answers with
 * verified citations, generation providers, the interactions journal and the evaluation (ADR 0018).
 */
// API keys of openai-compatible providers: re-encrypted by `keys:rotate`.
registerEncryptedColumn({ table: 'ai_provider_settings', idColumn: 'id', column: 'api_key_encrypted' });

export function registerAi(app: FastifyInstance, context: AppContext): void {
  registerPermissions(AI_PERMISSION_DEFINITIONS);
  registerPermissions(AI_AUDIT_PERMISSION_DEFINITIONS);
  // Optional embeddings (ADR 0025): null unless AI_EMBEDDINGS_* are set.
  const embeddings = registerEmbeddings(context);
  const retrieve = retrieverWith(embeddings?.client ?? null);
  registerKnowledge(app, context, embeddings?.afterIndexing);
  registerRetrieval(app, context, retrieve, embeddings?.client.model ?? null);
  registerMcp(app, context, retrieve);
  const rateLimiter = new UserRateLimiter(context.config.ai.rateLimitPerMinute);
  void app.register(answerRoutes, {
    database: context.database,
    cipher: context.cipher,
    ai: context.config.ai,
    retrieve,
    flags: context.flags,
    rateLimiter,
  });
  void app.register(interactionRoutes, { database: context.database });
  void app.register(providerSettingsRoutes, { database: context.database, cipher: context.cipher, ai: context.config.ai });
  context.bus.handle(PURGE_AI_INTERACTIONS, async () => {
    await purgeInteractions(context.database, context.config.ai.auditRetentionDays);
  });
  context.bus.schedule(PURGE_AI_INTERACTIONS, '41 3 * * *', {});
}

export { answerQuestion, type AnswerDeps, type Asker, type Retriever } from './answers/answers.service.js';
export { AI_ASSISTANT_FLAG } from './answers/asker.js';
export { seedAiDemo } from './eval/seed-ai-demo.js';
export { AI_AUDIT_PERMISSIONS } from './audit/permissions.js';
export { AI_PERMISSIONS } from './knowledge/index.js';
