import { inject, signal } from '@angular/core';
import { FormControl } from '@angular/forms';
import { Api } from '../../core/api/api';
import type { ResponseOf } from '../../core/api/api-types';
import { Toaster } from '../../shared/toast/toaster';

export type CompanyHit = ResponseOf<'/api/v1/search/organizations'>['items'][number];

/**
 * Search-as-you-type for the company a form is about (an autocomplete over the organisation
 * search). Create it in a component's field initialiser: it injects the API.
 */
export class CompanySearch {
  private readonly api = inject(Api);
  private readonly toaster = inject(Toaster);
  private timer: ReturnType<typeof setTimeout> | undefined;
  readonly text = new FormControl<string | CompanyHit>('', { nonNullable: true });
  readonly hits = signal<CompanyHit[]>([]);
  readonly label = (hit: CompanyHit | string | null): string => (typeof hit === 'string' ? hit : hit ? hit.name : '');

  /** On each keystroke: searches after a short pause, from two characters on. */
  typed(): void {
    clearTimeout(this.timer);
    const text = typeof this.text.value === 'string' ? this.text.value.trim() : '';
    if (text.length < 2) {
      this.hits.set([]);
      return;
    }
    this.timer = setTimeout(() => {
      this.api
        .unwrap(this.api.client.GET('/api/v1/search/organizations', { params: { query: { q: text, limit: 10 } } }))
        .then((result) => this.hits.set(result.items))
        .catch((error: unknown) => this.toaster.error(error));
    }, 250);
  }
}
