import { defineCollection } from '../../../platform/http/collection.js';
import { aiInteractions, INTERACTION_STATUSES } from './ai-audit.tables.js';

/** Filters, sort and paging of `GET /api/v1/ai/interactions`. */
export const interactionCollection = defineCollection({
  name: 'aiInteractions',
  id: aiInteractions.id,
  fields: {
    status: { column: aiInteractions.status, type: 'enum', values: INTERACTION_STATUSES, filter: ['eq', 'in'], description: 'answered, partial, refused or error' },
    entityId: { column: aiInteractions.entityId, type: 'uuid', filter: ['eq', 'in'], description: 'Entity the asker acted for' },
    userId: { column: aiInteractions.userId, type: 'uuid', filter: ['eq'], description: 'Asker' },
    provider: { column: aiInteractions.provider, type: 'string', filter: ['eq'], description: 'extractive or openai-compatible' },
    conversationId: { column: aiInteractions.conversationId, type: 'uuid', filter: ['eq'], description: 'Conversation' },
    createdAt: { column: aiInteractions.createdAt, type: 'date-time', filter: ['gte', 'lte'], sort: true, description: 'When the question was asked' },
  },
  defaultSort: '-createdAt',
  defaultLimit: 50,
});
