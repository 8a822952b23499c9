import type { PermissionDefinition } from '../../../platform/auth/index.js';

/** Permissions of the AI Hub. ai-answers registers the catalogue in `ai/index.ts` from these definitions. */
export const AI_PERMISSIONS = {
  /** Ask the assistant, search the knowledge base (API and MCP `search_content`). */
  ask: 'ai.ask',
  /** List knowledge collections and their documents with their indexing status. */
  knowledgeRead: 'ai.knowledge.read',
  /** Create collections, upload, re-index and delete documents. */
  knowledgeManage: 'ai.knowledge.manage',
} as const;

// `ai.ask` is a reading permission: viewers get it with the other `read` ones.
export const AI_PERMISSION_DEFINITIONS: PermissionDefinition[] = [
  { name: AI_PERMISSIONS.ask, description: "Interroger l'assistant et rechercher dans la base de connaissances", category: 'business', access: 'read' },
  { name: AI_PERMISSIONS.knowledgeRead, description: 'Consulter les collections de connaissances et leurs documents', category: 'business' },
  { name: AI_PERMISSIONS.knowledgeManage, description: 'Gérer les collections de connaissances : dépôt, réindexation, suppression', category: 'business' },
];
