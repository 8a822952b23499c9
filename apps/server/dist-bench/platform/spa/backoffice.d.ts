import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../config/index.js';
/** The Angular build, from apps/server/{src,dist}/platform/spa: same depth in both trees. */
export declare const DEFAULT_BACKOFFICE_DIR: string;
/**
 * Serves the built back-office at `/`: static files, then index.html for any other GET that is not
 * an API or public-site path (client-side routes such as /admin/users survive a reload).
 * Without a build (fresh clone before `npm run build -w apps/backoffice`) the API runs alone.
 */
export declare function registerBackoffice(app: FastifyInstance, config: Pick<AppConfig, 'backofficeDir'>): Promise<void>;
export declare function cacheControlFor(path: string): string;
