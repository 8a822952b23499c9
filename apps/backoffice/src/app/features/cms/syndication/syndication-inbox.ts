import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { map } from 'rxjs';
import { Api } from '../../../core/api/api';
import { Session } from '../../../core/auth/session';
import { EmptyState } from '../../../shared/states/empty-state';
import { LoadingState } from '../../../shared/states/loading-state';
import { Toaster } from '../../../shared/toast/toaster';
import { SYNDICATION_LABELS, formatDateTime, optionsOf } from '../cms-labels';
import type { CmsSyndication } from '../cms-types';
import { CmsSites } from '../sites/cms-sites';
import { SitePicker } from '../sites/site-picker';

type InboxStatus = 'offered' | 'accepted' | 'declined' | 'withdrawn';

/** Articles offered to a site by its parent entities: its publishers accept or decline them. */
@Component({
  selector: 'mx-cms-syndication-inbox',
  imports: [SitePicker, MatButton, MatAnchor, MatFormField, MatLabel, MatSelect, MatOption, RouterLink, EmptyState, LoadingState],
  template: `
    <section class="page">
      <div class="page-header">
        <h1 i18n="@@cms.inboxTitle">Articles proposés par le réseau</h1>
        <a mat-button routerLink="/cms" [queryParams]="{ site: siteId() }" i18n="@@cms.backToList">Retour à la liste</a>
      </div>
      @if (sites(); as sites) {
        <div class="filters">
          <mx-site-picker [sites]="sites" [selected]="siteId()" (picked)="pick($event)" />
          <mat-form-field>
            <mat-label i18n="@@cms.status">Statut</mat-label>
            <mat-select [value]="status()" (selectionChange)="status.set($event.value)">
              <mat-option value="" i18n="@@cms.all">Tous</mat-option>
              @for (option of statusOptions; track option.value) {
                <mat-option [value]="option.value">{{ option.label }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
        </div>
        @if (items(); as items) {
          @if (items.length === 0) {
            <mx-empty-state icon="web" i18n-heading="@@cms.inboxEmpty" heading="Aucun article proposé à ce site." />
          } @else {
            <ul class="inbox">
              @for (item of items; track item.id) {
                <li>
                  <article [attr.aria-labelledby]="'synd-' + item.id">
                    <h2 [id]="'synd-' + item.id">{{ item.content.title }}</h2>
                    <p class="meta">
                      <span i18n="@@cms.syndFrom">Proposé par {{ item.content.originSiteName }}</span> ·
                      <span>{{ statusLabel(item.status) }}</span> ·
                      @if (item.content.live) {
                        <a [href]="item.content.canonicalUrl" target="_blank" rel="noopener" i18n="@@cms.syndOriginal">Voir l'original</a>
                      } @else {
                        <span i18n="@@cms.syndNotLive">Pas encore en ligne à l'origine</span>
                      }
                    </p>
                    @if (item.content.summary) {
                      <p>{{ item.content.summary }}</p>
                    }
                    @if (canPublish()) {
                      <div class="buttons">
                        @if (item.status !== 'accepted' && item.status !== 'withdrawn') {
                          <button mat-flat-button type="button" (click)="decide(item, 'accept')" i18n="@@cms.syndAccept">Accepter</button>
                        }
                        @if (item.status !== 'declined' && item.status !== 'withdrawn') {
                          <button mat-stroked-button type="button" (click)="decide(item, 'decline')" i18n="@@cms.syndDecline">Refuser</button>
                        }
                      </div>
                    }
                  </article>
                </li>
              }
            </ul>
          }
        } @else {
          <mx-loading-state />
        }
      } @else {
        <mx-loading-state />
      }
    </section>
  `,
  styles: `
    .filters { display: flex; flex-wrap: wrap; gap: 16px; }
    .inbox { list-style: none; padding: 0; display: grid; gap: 12px; }
    article { padding: 16px; border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; }
    h2 { font: var(--mat-sys-title-medium); margin: 0 0 4px; }
    .meta { color: var(--mat-sys-on-surface-variant); }
    .buttons { display: flex; gap: 8px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SyndicationInbox {
  private readonly api = inject(Api);
  private readonly toaster = inject(Toaster);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly session = inject(Session);
  private readonly cmsSites = inject(CmsSites);

  protected readonly sites = this.cmsSites.sites;
  private readonly requestedSite = toSignal(this.route.queryParamMap.pipe(map((params) => params.get('site'))), { initialValue: null });
  protected readonly siteId = computed(() => {
    const sites = this.sites() ?? [];
    return sites.find((site) => site.id === this.requestedSite())?.id ?? sites[0]?.id ?? null;
  });
  protected readonly status = signal<InboxStatus | ''>('');
  protected readonly items = signal<CmsSyndication[] | null>(null);
  protected readonly canPublish = computed(() => this.session.me()?.permissions.includes('cms.content.publish') ?? false);
  protected readonly statusOptions = optionsOf(SYNDICATION_LABELS);
  protected readonly formatDateTime = formatDateTime;

  constructor() {
    this.cmsSites.load().catch((error: unknown) => this.toaster.error(error));
    effect(() => {
      const siteId = this.siteId();
      const status = this.status();
      if (siteId) void this.load(siteId, status);
    });
  }

  protected statusLabel(status: string): string {
    return SYNDICATION_LABELS[status] ?? status;
  }

  protected pick(siteId: string): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: { site: siteId } });
  }

  private async load(siteId: string, status: InboxStatus | ''): Promise<void> {
    try {
      const query = status ? { 'filter[status]': status } : {};
      const list = await this.api.unwrap(this.api.client.GET('/api/v1/cms/sites/{siteId}/syndication-inbox', { params: { path: { siteId }, query }, cache: 'no-store' }));
      this.items.set(list.items);
    } catch (error) {
      this.items.set([]);
      this.toaster.error(error);
    }
  }

  protected async decide(item: CmsSyndication, decision: 'accept' | 'decline'): Promise<void> {
    try {
      const params = { params: { path: { id: item.id } } };
      if (decision === 'accept') await this.api.unwrap(this.api.client.POST('/api/v1/cms/syndications/{id}/accept', params));
      else await this.api.unwrap(this.api.client.POST('/api/v1/cms/syndications/{id}/decline', params));
      this.toaster.success(decision === 'accept' ? $localize`:@@cms.syndAccepted:Article accepté : il est affiché sur ce site.` : $localize`:@@cms.syndDeclined:Article refusé : il n'est plus affiché sur ce site.`);
      await this.load(this.siteId()!, this.status());
    } catch (error) {
      this.toaster.error(error);
    }
  }
}
