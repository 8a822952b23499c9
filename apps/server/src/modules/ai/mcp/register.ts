import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../app.js';
import { mcpRoutes } from './mcp.routes.js';

/** The MCP server at `/api/v1/mcp`. */
export function registerMcp(app: FastifyInstance, context: Pick<AppContext, 'database' | 'flags'>): void {
  void app.register(mcpRoutes, { database: context.database, flags: context.flags });
}
