import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app.js';
/** The audit trail's HTTP API and its sealing job. */
export declare function registerAudit(app: FastifyInstance, context: AppContext): void;
