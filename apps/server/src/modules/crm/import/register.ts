import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../app.js';
import { registerPermissions } from '../../../platform/auth/index.js';
import { DryRunBudget } from './dry-run-budget.js';
import { registerImportJobs } from './import.jobs.js';
import { importRoutes } from './imports.routes.js';
import { IMPORT_PERMISSION_DEFINITIONS } from './permissions.js';

/** Imports of companies and contacts: permissions, the background run on the bus, and the routes. */
export function registerImports(app: FastifyInstance, context: Pick<AppContext, 'config' | 'database' | 'entityTree' | 'bus'>): void {
  registerPermissions(IMPORT_PERMISSION_DEFINITIONS);
  registerImportJobs(context.bus, { database: context.database, entityTree: context.entityTree });
  const { dryRunBudgetBytes, dryRunWaitSeconds } = context.config.imports;
  const dryRunBudget = new DryRunBudget(dryRunBudgetBytes, dryRunWaitSeconds * 1000);
  void app.register(importRoutes, { database: context.database, bus: context.bus, dryRunBudget });
}
