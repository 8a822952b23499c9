import { withTransaction, type Database } from '../../../platform/db/index.js';
import { findSiteByHost, findSiteBySlug, listHostNames, type SiteRow } from './delivery.repository.js';

interface Entry {
  site: SiteRow | null;
  expiresAt: number;
}

const SYSTEM = { kind: 'system' } as const;

/**
 * Sites by slug and by host name, with their publication generation, kept for `ttlMs` (1 s by
 * default). The generation is the cache key's freshness: a publication through any instance is
 * visible here within the TTL (ADR 0016). Host names are also kept as a set for the host-mapping
 * route constraint, refreshed at most every `ttlMs` too.
 */
export class SiteDirectory {
  private readonly bySlug = new Map<string, Entry>();
  private readonly byHost = new Map<string, Entry>();
  private hosts: { names: Set<string>; expiresAt: number; loading: Promise<Set<string>> | null } = { names: new Set(), expiresAt: 0, loading: null };

  constructor(
    private readonly database: Database,
    private readonly ttlMs: number,
  ) {}

  async bySiteSlug(slug: string): Promise<SiteRow | null> {
    return this.lookup(this.bySlug, slug, (tx) => findSiteBySlug(tx, slug));
  }

  async bySiteHost(host: string): Promise<SiteRow | null> {
    return this.lookup(this.byHost, host, (tx) => findSiteByHost(tx, host));
  }

  /**
   * Whether a Host header (lower-case, without port) names a public site. Every request of the app
   * asks (route constraint): after the first load the answer comes from memory, and an expired set
   * is refreshed in the background while the current one keeps answering.
   */
  async isSiteHost(host: string): Promise<boolean> {
    return this.isSiteHostNow(host) ?? (await this.refreshHosts()).has(host);
  }

  /** isSiteHost without waiting, or undefined when the host names must be read first. */
  isSiteHostNow(host: string): boolean | undefined {
    // TTL 0 (tests): always read, so a host name added a moment ago answers at once.
    if (this.hosts.expiresAt === 0 || this.ttlMs === 0) return undefined;
    if (this.hosts.expiresAt <= Date.now()) this.refreshHosts().catch(() => undefined);
    return this.hosts.names.has(host);
  }

  private refreshHosts(): Promise<Set<string>> {
    this.hosts.loading ??= withTransaction(this.database, SYSTEM, (tx) => listHostNames(tx), { readOnly: true })
      .then((rows) => {
        this.hosts = { names: new Set(rows.map((row) => row.host.toLowerCase())), expiresAt: Date.now() + Math.max(this.ttlMs, 1000), loading: null };
        return this.hosts.names;
      })
      .catch((error: unknown) => {
        this.hosts.loading = null;
        throw error;
      });
    return this.hosts.loading;
  }

  /**
   * What is already known, without waiting: the site (or null: no such site) of an embedded slug
   * or of a mapped host name, or undefined when that is not known right now (the caller then
   * takes the path that reads the database).
   */
  known(mode: 'slug' | 'host', key: string): SiteRow | null | undefined {
    const now = Date.now();
    if (mode === 'host' && (this.hosts.expiresAt <= now || !this.hosts.names.has(key))) return undefined;
    const cached = (mode === 'slug' ? this.bySlug : this.byHost).get(key);
    return cached && cached.expiresAt > now ? cached.site : undefined;
  }

  /** Forget everything (tests, and after this instance changed a site). */
  clear(): void {
    this.bySlug.clear();
    this.byHost.clear();
    this.hosts = { names: new Set(), expiresAt: 0, loading: null };
  }

  private async lookup(map: Map<string, Entry>, key: string, load: Parameters<typeof withTransaction<SiteRow | null>>[2]): Promise<SiteRow | null> {
    const now = Date.now();
    const cached = map.get(key);
    if (cached && cached.expiresAt > now) return cached.site;
    const site = await withTransaction(this.database, SYSTEM, load, { readOnly: true });
    if (this.ttlMs > 0) {
      if (map.size > 10_000) map.clear();
      map.set(key, { site, expiresAt: now + this.ttlMs });
    }
    return site;
  }
}
