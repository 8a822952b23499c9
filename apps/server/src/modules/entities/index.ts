import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app.js';
import { registerPermissions } from '../../platform/auth/index.js';
import type { EntityWriteDeps } from './entities/entities-write.service.js';
import { entityRoutes } from './entities/entities.routes.js';
import { ENTITY_PERMISSION_DEFINITIONS } from './entities/permissions.js';

/** The network tree module: national office, régions, départements, federations. */
export function registerEntitiesModule(app: FastifyInstance, context: Pick<AppContext, 'database' | 'entityTree'>): void {
  registerPermissions(ENTITY_PERMISSION_DEFINITIONS);
  const deps: EntityWriteDeps = { database: context.database, entityTree: context.entityTree };
  void app.register(entityRoutes, deps);
}

export { ENTITY_PERMISSIONS } from './entities/permissions.js';
export { seedNetwork, networkExists, NATIONAL_CODE, type NetworkSeedResult } from './network-seed/network-seed.js';
export type { Entity, EntityTreeNode } from './entities/entities.schema.js';
export type { EntityWriteDeps } from './entities/entities-write.service.js';
