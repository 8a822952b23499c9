import type { FastifyInstance } from 'fastify';
import type { FeatureFlagsService } from './feature-flags.service.js';
export declare function registerFeatureFlagRoutes(fastify: FastifyInstance, service: FeatureFlagsService): void;
