/**
 * In-process cache of rendered public responses, bounded in bytes (least recently used out first).
 * Keys carry the site's publication generation (ADR 0016): a publication anywhere bumps the
 * generation in the database, so stale entries are simply never asked for again and age out.
 */
export interface CachedPage {
  status: number;
  contentType: string;
  body: string;
  etag: string;
  lastModified: string;
  cacheControl: string;
  /** False for responses that must never be shared (previews). */
  cacheable?: boolean;
  /** Epoch ms after which the entry is rendered again whatever the generation (pages with events). */
  freshUntil?: number;
  /**
   * The other headers every visitor gets with this page (the platform's security headers), as
   * Fastify sent them the first time: the front door replays them (cached-page-door.ts).
   */
  sharedHeaders?: Record<string, string>;
}

export class PageCache {
  private readonly entries = new Map<string, { page: CachedPage; bytes: number }>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string): CachedPage | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.page.freshUntil !== undefined && entry.page.freshUntil <= Date.now()) this.delete(key);
    else if (entry) {
      // Map keeps insertion order: re-inserting marks the entry as the most recently used.
      this.entries.delete(key);
      this.entries.set(key, entry);
      return entry.page;
    }
    return undefined;
  }

  set(key: string, page: CachedPage): void {
    const bytes = Buffer.byteLength(page.body) + key.length * 2 + 256;
    if (bytes > this.maxBytes / 4) return;
    this.delete(key);
    this.entries.set(key, { page, bytes });
    this.bytes += bytes;
    while (this.bytes > this.maxBytes) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.delete(oldest);
    }
  }

  /** Drops every entry of a site (used when a site is deleted or in tests). */
  invalidateSite(siteId: string): void {
    for (const key of [...this.entries.keys()]) if (key.startsWith(`${siteId}|`)) this.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }

  get usedBytes(): number {
    return this.bytes;
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}
