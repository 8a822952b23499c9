import type { FastifyInstance } from 'fastify';
import type { JobsAdminService } from './jobs.service.js';
export declare function registerJobRoutes(fastify: FastifyInstance, service: JobsAdminService): void;
