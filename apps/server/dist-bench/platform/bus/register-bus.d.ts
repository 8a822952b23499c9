import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app.js';
import type { AppConfig } from '../config/index.js';
import type { Database } from '../db/index.js';
import { MessageBus } from './bus.js';
/**
 * The app's bus: modules register messages and handlers on it while the app is built; it starts
 * when the app is ready and stops on preClose (before the pool closes, onClose hooks run last
 * registered first), letting running jobs finish.
 */
export declare function createBus(app: FastifyInstance, config: AppConfig, database: Database): MessageBus;
/** Metrics feed, the platform's own jobs and the job administration API (national staff). */
export declare function registerBus(app: FastifyInstance, context: AppContext): void;
