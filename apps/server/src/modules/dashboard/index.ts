import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app.js';
import { registerPermissions } from '../../platform/auth/index.js';
import { dashboardRoutes } from './overview/dashboard.routes.js';
import { DASHBOARD_PERMISSION_DEFINITIONS } from './overview/permissions.js';

/**
 * Dashboard (issue 5, docs/dashboard.md): key figures of an entity and its subtree, read through
 * the membership, events and mandates modules' public aggregate functions.
 */
export function registerDashboard(app: FastifyInstance, context: Pick<AppContext, 'database' | 'entityTree'>): void {
  registerPermissions(DASHBOARD_PERMISSION_DEFINITIONS);
  void app.register(dashboardRoutes, { database: context.database, entityTree: context.entityTree });
}

export { DASHBOARD_PERMISSIONS } from './overview/permissions.js';
export type { Dashboard } from './overview/dashboard.schema.js';
