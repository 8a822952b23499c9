import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app.js';
/** Loads the flags when the app is ready, refreshes them in the background, serves the admin API. */
export declare function registerFeatureFlags(app: FastifyInstance, context: AppContext): void;
