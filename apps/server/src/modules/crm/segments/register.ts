import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../app.js';
import { registerPermissions } from '../../../platform/auth/index.js';
import { SEGMENT_PERMISSION_DEFINITIONS } from './permissions.js';
import { segmentRoutes } from './segments.routes.js';

/** Segments: permissions and routes (`/api/v1/segments`). */
export function registerSegments(app: FastifyInstance, context: Pick<AppContext, 'database' | 'cipher'>): void {
  registerPermissions(SEGMENT_PERMISSION_DEFINITIONS);
  void app.register(segmentRoutes, { database: context.database, cipher: context.cipher });
}
