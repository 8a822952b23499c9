import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../app.js';
import { registerPermissions } from '../../../platform/auth/index.js';
import { registerImportJobs } from './import.jobs.js';
import { importRoutes } from './imports.routes.js';
import { IMPORT_PERMISSION_DEFINITIONS } from './permissions.js';

/** Imports of companies and contacts: permissions, the background run on the bus, and the routes. */
export function registerImports(app: FastifyInstance, context: Pick<AppContext, 'database' | 'entityTree' | 'bus'>): void {
  registerPermissions(IMPORT_PERMISSION_DEFINITIONS);
  registerImportJobs(context.bus, { database: context.database, entityTree: context.entityTree });
  void app.register(importRoutes, { database: context.database, bus: context.bus });
}
