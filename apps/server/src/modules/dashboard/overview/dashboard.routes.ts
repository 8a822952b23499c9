import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { requirePermission, requirePrincipal } from '../../../platform/auth/index.js';
import { COMMON_PROBLEMS, problemResponses } from '../../../platform/http/responses.js';
import { DashboardQuerySchema, DashboardSchema } from './dashboard.schema.js';
import { readDashboard, type DashboardDeps } from './dashboard.service.js';
import { DASHBOARD_PERMISSIONS } from './permissions.js';

/** `/api/v1/dashboard`: key figures of the caller's scope, or of one entity of it (branch switcher). */
export async function dashboardRoutes(instance: FastifyInstance, deps: DashboardDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/v1/dashboard',
    {
      preHandler: requirePermission(DASHBOARD_PERMISSIONS.read),
      schema: {
        tags: ['dashboard'],
        summary: 'Key figures: members by status, renewal rate, dues invoiced and collected, overdue amount, upcoming events, mandates ending',
        description: 'Figures of `entityId` and its sub-entities, or of everything the caller may see. An entity out of the caller’s scope answers 404.',
        querystring: DashboardQuerySchema,
        response: { 200: DashboardSchema, ...problemResponses(...COMMON_PROBLEMS, 404) },
      },
    },
    async (request) => readDashboard(deps, requirePrincipal(request), request.query),
  );
}
