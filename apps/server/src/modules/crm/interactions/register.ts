import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../app.js';
import { registerPermissions } from '../../../platform/auth/index.js';
import { interactionRoutes } from './interactions.routes.js';
import { INTERACTION_PERMISSION_DEFINITIONS } from './permissions.js';

/** Interactions: permissions and routes (`/api/v1/interactions`, `/api/v1/{organizations,persons}/{id}/timeline`). */
export function registerInteractions(app: FastifyInstance, context: Pick<AppContext, 'database'>): void {
  registerPermissions(INTERACTION_PERMISSION_DEFINITIONS);
  void app.register(interactionRoutes, { database: context.database });
}
