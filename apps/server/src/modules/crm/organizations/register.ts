import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../app.js';
import { registerPermissions } from '../../../platform/auth/index.js';
import { organizationRoutes } from './organizations.routes.js';
import { ORGANIZATION_PERMISSION_DEFINITIONS } from './permissions.js';

/** Companies: permissions and routes (`/api/v1/organizations`, `/api/v1/search/organizations`). */
export function registerOrganizations(app: FastifyInstance, context: Pick<AppContext, 'database' | 'entityTree'>): void {
  registerPermissions(ORGANIZATION_PERMISSION_DEFINITIONS);
  void app.register(organizationRoutes, { database: context.database, entityTree: context.entityTree });
}
