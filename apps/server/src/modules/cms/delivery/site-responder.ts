import type { FastifyReply, FastifyRequest } from 'fastify';
import { withTransaction, type Database } from '../../../platform/db/index.js';
import { DEFAULT_PEERTUBE_HOSTS } from '../rich-text/index.js';
import type { SiteRow } from './delivery.repository.js';
import { httpDate, isFresh, strongEtag } from './http-caching.js';
import type { MediaLoader } from './media-loader.js';
import { PageCache, type CachedPage } from './page-cache.js';
import { renderSitePath } from './render-site.js';

export interface SiteResponderOptions {
  database: Database;
  publicUrl: string;
  previewSecret: string;
  loadMedia: MediaLoader;
  cache: PageCache;
}

/**
 * Public pages: no script at all, embeds only from the allowlisted players, images from anywhere
 * over https (S3-compatible storage), a referrer for the players that require one.
 */
export const SITE_CSP = [
  "default-src 'self'",
  "img-src 'self' data: https:",
  "style-src 'self' 'unsafe-inline'",
  "script-src 'none'",
  `frame-src https://www.youtube-nocookie.com https://player.vimeo.com https://www.dailymotion.com ${DEFAULT_PEERTUBE_HOSTS.map((host) => `https://${host}`).join(' ')}`,
  "frame-ancestors 'self'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

const MAX_PATH_LENGTH = 512;

interface PublicQuery {
  page?: string;
  q?: string;
  token?: string;
}

/**
 * Answers one request for a site path: from the rendered-page cache when the site's publication
 * generation has not moved, else rendered (concurrent misses of one key share one rendering), with
 * a strong ETag and Last-Modified, and 304 for a matching conditional request.
 */
export class SiteResponder {
  private readonly inflight = new Map<string, Promise<CachedPage>>();

  constructor(private readonly options: SiteResponderOptions) {}

  async respond(request: FastifyRequest, reply: FastifyReply, site: SiteRow | null, basePath: string, rawPath: string): Promise<FastifyReply> {
    // No such site: the application's own 404 (problem+json), as for any unknown path.
    if (!site) {
      reply.callNotFound();
      return reply;
    }
    const path = normalisePath(rawPath);
    const query = (request.query ?? {}) as PublicQuery;
    const pageNumber = typeof query.page === 'string' && /^\d{1,4}$/.test(query.page) ? Math.max(1, Number(query.page)) : 1;
    const q = typeof query.q === 'string' ? query.q.trim().slice(0, 200) : '';
    if (path === null) return this.send(request, reply, await this.render(site, basePath, '/__introuvable', {}));
    if (path === '/_preview') {
      const token = typeof query.token === 'string' ? query.token.slice(0, 400) : '';
      return this.send(request, reply, await this.render(site, basePath, path, { token }));
    }
    const key = pageKey(site, basePath, path, pageNumber, q);
    let page = this.options.cache.get(key);
    if (!page) {
      let pending = this.inflight.get(key);
      if (!pending) {
        pending = this.render(site, basePath, path, { page: pageNumber, q }).finally(() => this.inflight.delete(key));
        this.inflight.set(key, pending);
      }
      page = await pending;
      if (page.cacheable !== false) this.options.cache.set(key, page);
    }
    return this.send(request, reply, page);
  }

  /** The first page of `path` if it is in the cache now (the front door's question). */
  cached(site: SiteRow, basePath: string, rawPath: string): CachedPage | undefined {
    const path = normalisePath(rawPath);
    return path === null || path === '/_preview' ? undefined : this.options.cache.get(pageKey(site, basePath, path, 1, ''));
  }

  private async render(site: SiteRow, basePath: string, path: string, query: { page?: number; q?: string; token?: string }): Promise<CachedPage & { cacheable?: boolean }> {
    const rendered = await withTransaction(
      this.options.database,
      { kind: 'system' },
      (tx) => renderSitePath({ tx, site, basePath, path, query, publicUrl: this.options.publicUrl, previewSecret: this.options.previewSecret, loadMedia: this.options.loadMedia }),
      { readOnly: true },
    );
    const renderedAt = Date.now();
    return {
      status: rendered.status,
      contentType: rendered.contentType,
      body: rendered.body,
      etag: strongEtag(rendered.body),
      // Pages with events change without the site changing: their date is the rendering's.
      lastModified: httpDate(rendered.freshForMs !== undefined ? new Date(renderedAt) : new Date(site.changed_at)),
      cacheControl: rendered.cacheControl,
      cacheable: rendered.cacheable,
      ...(rendered.freshForMs !== undefined ? { freshUntil: renderedAt + rendered.freshForMs } : {}),
    };
  }

  private send(request: FastifyRequest, reply: FastifyReply, page: CachedPage): FastifyReply {
    void reply
      .header('cache-control', page.cacheControl)
      .header('etag', page.etag)
      .header('last-modified', page.lastModified)
      .header('content-security-policy', SITE_CSP)
      .header('referrer-policy', 'strict-origin-when-cross-origin');
    // Taken from a request without cookie or Origin: nothing in them depends on who asks.
    if (page.cacheable !== false && page.sharedHeaders === undefined && request.headers.cookie === undefined && request.headers.origin === undefined) {
      page.sharedHeaders = sharedHeadersOf(reply.getHeaders());
    }
    if (page.status === 200 && isFresh(request, page.etag, page.lastModified)) return reply.status(304).send();
    return reply.status(page.status).type(page.contentType).send(page.body);
  }
}

/** A rendered page's cache key: the site's generation makes every publication a new key (ADR 0016). */
function pageKey(site: SiteRow, basePath: string, path: string, pageNumber: number, q: string): string {
  return `${site.id}|${site.generation}|${basePath}|${path}|${pageNumber}|${path === '/recherche' ? q : ''}`;
}

/** Headers that belong to one response only, or to the page itself (set from the cache entry). */
const OWN_HEADERS = new Set(['content-type', 'content-length', 'x-request-id', 'date', 'connection', 'keep-alive', 'transfer-encoding', 'set-cookie']);

function sharedHeadersOf(headers: Record<string, number | string | string[] | undefined>): Record<string, string> {
  const shared: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !OWN_HEADERS.has(name)) shared[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return shared;
}

/** `/a/b/` → `/a/b`; null for paths no content can have (too long, dot segments, bad escapes). */
export function normalisePath(raw: string): string | null {
  const path = `/${raw.replace(/^\/+/, '')}`.replace(/\/+$/, '') || '/';
  if (path.length > MAX_PATH_LENGTH || /\/\.\.?(\/|$)/.test(path)) return null;
  return path;
}
