import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../app.js';
import { registerPermissions } from '../../../platform/auth/index.js';
import { exportRoutes } from './exports.routes.js';
import { EXPORT_PERMISSION_DEFINITIONS } from './permissions.js';

/** Exports of companies and contacts (`/api/v1/exports/…`). */
export function registerExports(app: FastifyInstance, context: Pick<AppContext, 'database'>): void {
  registerPermissions(EXPORT_PERMISSION_DEFINITIONS);
  void app.register(exportRoutes, { database: context.database });
}
