import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../app.js';
import { cachedPageDoor } from './cached-page-door.js';
import { registerDeliveryRoutes } from './delivery.routes.js';
import { registerHeadlessRoutes } from './headless.routes.js';
import { LIBRARY_MEDIA, type MediaLoader } from './media-loader.js';
import { PageCache } from './page-cache.js';
import { SiteDirectory } from './site-directory.js';
import { SiteResponder } from './site-responder.js';

export interface DeliveryOptions {
  /** Byte bound of the rendered-page cache (0 disables it: every request renders). */
  pageCacheBytes: number;
  /** How long a site's publication generation is trusted before it is read again. */
  siteTtlMs: number;
  loadMedia: MediaLoader;
}

export function deliveryOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): Omit<DeliveryOptions, 'loadMedia'> {
  const bytes = Number(env.CMS_PAGE_CACHE_BYTES ?? 64 * 1024 * 1024);
  const ttl = Number(env.CMS_SITE_TTL_MS ?? 1000);
  return { pageCacheBytes: Number.isFinite(bytes) && bytes >= 0 ? bytes : 64 * 1024 * 1024, siteTtlMs: Number.isFinite(ttl) && ttl >= 0 ? ttl : 1000 };
}

export interface CmsDelivery {
  cache: PageCache;
  directory: SiteDirectory;
}

/**
 * Public delivery of CMS sites (issue 6): server-rendered, cached HTML at `/sites/<slug>/…` and on
 * mapped host names, feeds, sitemap, robots.txt, and the headless JSON API
 * `/api/v1/public/sites/{slug}/contents`. See docs/cms-delivery.md and ADR 0016.
 */
export function registerCmsDelivery(app: FastifyInstance, context: Pick<AppContext, 'database' | 'config'>, overrides: Partial<DeliveryOptions> = {}): CmsDelivery {
  const options: DeliveryOptions = { ...deliveryOptionsFromEnv(), loadMedia: LIBRARY_MEDIA, ...overrides };
  const cache = new PageCache(options.pageCacheBytes);
  const directory = new SiteDirectory(context.database, options.siteTtlMs);
  const responder = new SiteResponder({
    database: context.database,
    publicUrl: context.config.publicUrl,
    previewSecret: context.config.sessionSecret,
    loadMedia: options.loadMedia,
    cache,
  });
  registerDeliveryRoutes(app, directory, responder);
  if (options.pageCacheBytes > 0) app.frontDoor.add(cachedPageDoor({ directory, responder, log: app.log, metrics: app.metrics }));
  registerHeadlessRoutes(app, { database: context.database, directory, publicUrl: context.config.publicUrl });
  return { cache, directory };
}
