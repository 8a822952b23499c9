import type { FastifyInstance } from 'fastify';
import { type EntityWriteDeps } from './entities-write.service.js';
/** `/api/v1/entities`: the network tree. Reading is open to every holder of `entities.read`, network-wide. */
export declare function entityRoutes(instance: FastifyInstance, deps: EntityWriteDeps): Promise<void>;
