import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../app.js';
import { registerPermissions } from '../../auth/index.js';
import { registerEntityExportJobs } from './entity-export.job.js';
import { entityExportRoutes } from './entity-exports.routes.js';
import { ENTITY_EXPORT_PERMISSION_DEFINITIONS } from './permissions.js';

/** Reversibility through the API: the permission, the background export on the bus, the routes. */
export function registerEntityExports(app: FastifyInstance, context: Pick<AppContext, 'config' | 'database' | 'bus' | 'cipher'>): void {
  registerPermissions(ENTITY_EXPORT_PERMISSION_DEFINITIONS);
  const dataDir = context.config.dataDir;
  registerEntityExportJobs(context.bus, { database: context.database, dataDir, cipher: context.cipher });
  void app.register(entityExportRoutes, { database: context.database, bus: context.bus, dataDir });
}
