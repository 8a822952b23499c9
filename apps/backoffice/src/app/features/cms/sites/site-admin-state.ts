import { Injectable, inject, signal } from '@angular/core';
import { Api } from '../../../core/api/api';
import type { BodyOf } from '../../../core/api/api-types';
import type { CmsSite } from '../cms-types';

export type SitePatch = BodyOf<'/api/v1/cms/sites/{siteId}', 'patch'>;

/**
 * The site being administered and its ETag, shared by the settings and menus tabs (both change the
 * site with a JSON Merge Patch guarded by If-Match). Provided by `SiteAdmin`.
 */
@Injectable()
export class SiteAdminState {
  private readonly api = inject(Api);
  readonly site = signal<CmsSite | null>(null);
  private etag: string | null = null;

  async load(siteId: string): Promise<CmsSite> {
    const { data, etag } = await this.api.unwrapWithEtag(this.api.client.GET('/api/v1/cms/sites/{siteId}', { params: { path: { siteId } }, cache: 'no-store' }));
    return this.show(data as CmsSite, etag);
  }

  /** Throws the ApiProblem of a refusal (422 pointers under the patch, 412 when stale). */
  async save(patch: SitePatch): Promise<CmsSite> {
    const site = this.site();
    if (!site) throw new Error('No site loaded');
    const { data, etag } = await this.api.unwrapWithEtag(
      this.api.client.PATCH('/api/v1/cms/sites/{siteId}', {
        params: { path: { siteId: site.id }, header: { 'if-match': this.etag ?? `"${site.version}"` } },
        body: patch as never,
        headers: { 'content-type': 'application/merge-patch+json' },
      }),
    );
    return this.show(data as CmsSite, etag);
  }

  private show(site: CmsSite, etag: string | null): CmsSite {
    this.site.set(site);
    this.etag = etag ?? `"${site.version}"`;
    return site;
  }
}
