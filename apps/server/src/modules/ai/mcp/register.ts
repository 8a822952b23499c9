import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../app.js';
import type { Retriever } from '../retrieval/retrieve-chunks.js';
import { mcpRoutes } from './mcp.routes.js';

/** The MCP server at `/api/v1/mcp`. */
export function registerMcp(app: FastifyInstance, context: Pick<AppContext, 'database' | 'flags'>, retrieve: Retriever): void {
  void app.register(mcpRoutes, { database: context.database, flags: context.flags, retrieve });
}
