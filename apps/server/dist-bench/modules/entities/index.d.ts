import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app.js';
/** The network tree module: national office, régions, départements, federations. */
export declare function registerEntitiesModule(app: FastifyInstance, context: Pick<AppContext, 'database' | 'entityTree'>): void;
export { ENTITY_PERMISSIONS } from './entities/permissions.js';
export { seedNetwork, networkExists, NATIONAL_CODE, type NetworkSeedResult } from './network-seed/network-seed.js';
export type { Entity, EntityTreeNode } from './entities/entities.schema.js';
export type { EntityWriteDeps } from './entities/entities-write.service.js';
