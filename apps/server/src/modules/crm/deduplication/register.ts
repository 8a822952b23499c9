import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../app.js';
import { registerPermissions } from '../../../platform/auth/index.js';
import { deduplicationRoutes } from './duplicates.routes.js';
import { MERGE_PERMISSION_DEFINITIONS } from './permissions.js';

/** Deduplication: the crm.merge permission, duplicate detection and merges. */
export function registerDeduplication(app: FastifyInstance, context: Pick<AppContext, 'database'>): void {
  registerPermissions(MERGE_PERMISSION_DEFINITIONS);
  void app.register(deduplicationRoutes, { database: context.database });
}
