import { Injectable, inject, signal } from '@angular/core';
import { Api } from '../../../core/api/api';

const MAX = 100;
const PARALLEL = 6;

/**
 * Company names for membership rows (the memberships API answers ids only). Reads at most the
 * first 100 companies, a few at a time; the others show a generic label with their link.
 */
@Injectable()
export class CompanyNames {
  private readonly api = inject(Api);
  private readonly names = signal<ReadonlyMap<string, string>>(new Map());

  of(id: string): string {
    return this.names().get(id) ?? $localize`:@@ms.companyFallback:Entreprise`;
  }

  async load(ids: readonly string[]): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.names().has(id)).slice(0, MAX);
    for (let start = 0; start < missing.length; start += PARALLEL) {
      const batch = missing.slice(start, start + PARALLEL);
      const found = await Promise.all(
        batch.map((id) =>
          this.api
            .unwrap(this.api.client.GET('/api/v1/organizations/{id}', { params: { path: { id } } }))
            .then((company) => [id, company.name] as const)
            .catch(() => null),
        ),
      );
      this.names.update((map) => new Map([...map, ...found.filter((entry) => entry !== null)]));
    }
  }
}
