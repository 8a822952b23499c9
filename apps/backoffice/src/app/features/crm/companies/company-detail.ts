import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { Api } from '../../../core/api/api';
import { Session } from '../../../core/auth/session';
import { BranchScope } from '../../../core/scope/branch-scope';
import { LoadingState } from '../../../shared/states/loading-state';
import { Toaster } from '../../../shared/toast/toaster';
import { HEADCOUNT_BAND_LABELS } from '../shared/crm-labels';
import { Timeline } from '../interactions/timeline';
import { CompanyContacts } from './company-contacts';
import { CompanyLinks } from './company-links';
import type { Company } from './company-types';

/** One company: public identity, its links with the caller's entities, contacts and timeline. */
@Component({
  selector: 'mx-company-detail',
  imports: [MatAnchor, RouterLink, LoadingState, CompanyLinks, CompanyContacts, Timeline],
  templateUrl: './company-detail.html',
  styles: `
    .facts { display: grid; grid-template-columns: max-content 1fr; gap: 6px 24px; margin: 0 0 24px; }
    dt { color: var(--mat-sys-on-surface-variant); }
    dd { margin: 0; }
    .block { margin: 0 0 32px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CompanyDetail {
  private readonly api = inject(Api);
  private readonly toaster = inject(Toaster);
  private readonly session = inject(Session);
  private readonly scope = inject(BranchScope);

  /** Route param. */
  readonly id = input.required<string>();
  protected readonly company = signal<Company | null>(null);
  private readonly permissions = computed(() => this.session.me()?.permissions ?? []);
  protected readonly canWrite = computed(() => this.permissions().includes('crm.organizations.write'));
  protected readonly canReadContacts = computed(() => this.permissions().includes('crm.persons.read'));
  protected readonly canReadTimeline = computed(() => this.permissions().includes('crm.interactions.read'));
  protected readonly timelineSubject = computed(() => ({ kind: 'organization' as const, id: this.id() }));
  /** New notes belong to the entity the user works on when it is linked, else to a linked one. */
  protected readonly noteEntityId = computed(() => {
    const linked = this.company()?.links.map((link) => link.entityId) ?? [];
    const chosen = this.scope.entityId();
    if (chosen && linked.includes(chosen)) return chosen;
    return linked[0] ?? chosen;
  });
  /** The identity is edited by staff of a linked entity only (the server answers 403 otherwise). */
  protected readonly canEdit = computed(() => this.canWrite() && (this.company()?.links.length ?? 0) > 0);
  protected readonly headcountLabels = HEADCOUNT_BAND_LABELS;
  protected readonly addressLines = computed(() => {
    const address = this.company()?.address;
    if (!address) return [];
    return [address.street, [address.postalCode, address.communeName].filter(Boolean).join(' ')].filter((line): line is string => !!line);
  });

  constructor() {
    effect(() => void this.load(this.id()));
  }

  protected async load(id: string = this.id()): Promise<void> {
    try {
      this.company.set(await this.api.unwrap(this.api.client.GET('/api/v1/organizations/{id}', { params: { path: { id } }, cache: 'no-store' })));
    } catch (error) {
      this.toaster.error(error);
    }
  }
}
