import { Injectable, inject, signal } from '@angular/core';
import { Api } from '../../../core/api/api';
import type { CmsSite } from '../cms-types';

/** The sites the user may read, loaded once per visit of the CMS screens. */
@Injectable({ providedIn: 'root' })
export class CmsSites {
  private readonly api = inject(Api);
  readonly sites = signal<CmsSite[] | null>(null);
  private pending: Promise<CmsSite[]> | null = null;

  load(force = false): Promise<CmsSite[]> {
    if (!this.pending || force) {
      this.pending = this.api
        .unwrap(this.api.client.GET('/api/v1/cms/sites', { params: { query: { limit: 100 } as never } }))
        .then((page) => {
          const items = (page as { items: CmsSite[] }).items;
          this.sites.set(items);
          return items;
        })
        .catch((error: unknown) => {
          this.pending = null;
          throw error;
        });
    }
    return this.pending;
  }

  byId(id: string | null | undefined): CmsSite | undefined {
    return this.sites()?.find((site) => site.id === id);
  }
}
