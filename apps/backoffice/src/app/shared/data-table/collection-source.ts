import { computed, inject, type Signal } from '@angular/core';
import { Api } from '../../core/api/api';
import type { ItemOf } from '../../core/api/api-types';
import type { paths } from '../../core/api/schema';
import { BranchScope } from '../../core/scope/branch-scope';
import type { Page, PageFetcher } from './data-table';

/** The untyped view of the client's GET: the table builds the query, the route's item type comes from `path`. */
interface LooseClient {
  GET(path: string, init: { params: { query: Record<string, string> } }): Promise<{ data?: unknown; error?: unknown; response: Response }>;
}

export interface CollectionSource<T> {
  /** For `[fetchPage]`: one page of the collection as JSON, with the table's query. */
  readonly fetchPage: PageFetcher<T>;
  /** For `[scopeQuery]`: the branch chosen in the switcher as `filter[entityId]`; empty for the whole scope. */
  readonly scopeQuery: Signal<Record<string, string>>;
}

/**
 * What a list page hands to `mx-data-table` for a collection route: its pages and, when
 * `branchScoped`, the branch of the switcher. The page then declares only its columns and filters.
 * Call it in an injection context (a field initialiser).
 */
export function collectionSource<P extends keyof paths>(path: P, options: { branchScoped?: boolean } = {}): CollectionSource<ItemOf<P>> {
  const api = inject(Api);
  const scope = options.branchScoped ? inject(BranchScope) : null;
  const client = api.client as unknown as LooseClient;
  return {
    // The collections also answer text/csv (exports); the table asks for JSON.
    fetchPage: async (query) => (await api.unwrap(client.GET(path, { params: { query } }))) as Page<ItemOf<P>>,
    scopeQuery: computed((): Record<string, string> => {
      const entityId = scope?.entityId();
      return entityId ? { 'filter[entityId]': entityId } : {};
    }),
  };
}
