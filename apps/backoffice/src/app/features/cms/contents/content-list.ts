import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatAnchor } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { map } from 'rxjs';
import { Api } from '../../../core/api/api';
import type { QueryOf } from '../../../core/api/api-types';
import { Session } from '../../../core/auth/session';
import { DataTable, type PageFetcher, type TableColumn, type TableFilter } from '../../../shared/data-table/data-table';
import { EmptyState } from '../../../shared/states/empty-state';
import { LoadingState } from '../../../shared/states/loading-state';
import { Toaster } from '../../../shared/toast/toaster';
import { KIND_LABELS, STATUS_LABELS, VISIBILITY_LABELS, formatDateTime, optionsOf } from '../cms-labels';
import type { CmsContentSummary } from '../cms-types';
import { CmsSites } from '../sites/cms-sites';
import { SitePicker } from '../sites/site-picker';

const CONTENTS_PATH = '/api/v1/cms/contents';

/** The contents of one site (picked in the URL, `?site=`), filtered by kind and workflow status. */
@Component({
  selector: 'mx-cms-content-list',
  imports: [DataTable, SitePicker, MatAnchor, MatIcon, RouterLink, LoadingState, EmptyState],
  template: `
    <section class="page">
      <div class="page-header">
        <h1 i18n="@@cms.contents">Contenus des sites</h1>
        @if (siteId() && canEdit()) {
          <a mat-flat-button [routerLink]="['/cms/sites', siteId(), 'new', 'article']">
            <mat-icon svgIcon="add" aria-hidden="true" />
            <ng-container i18n="@@cms.newArticle">Nouvel article</ng-container>
          </a>
          <a mat-stroked-button [routerLink]="['/cms/sites', siteId(), 'new', 'page']" i18n="@@cms.newPage">Nouvelle page</a>
          <a mat-stroked-button [routerLink]="['/cms/sites', siteId(), 'new', 'document']" i18n="@@cms.newDocument">Nouveau document</a>
        }
      </div>
      @if (sites(); as sites) {
        @if (sites.length === 0) {
          <mx-empty-state icon="web" i18n-heading="@@cms.noSite" heading="Aucun site n'est accessible avec vos droits." />
        } @else {
          <div class="list-actions">
            <mx-site-picker [sites]="sites" [selected]="siteId()" (picked)="pick($event)" />
            @if (siteId()) {
              <a mat-stroked-button [routerLink]="['/cms/inbox']" [queryParams]="{ site: siteId() }" i18n="@@cms.inbox">Syndication reçue</a>
              @if (canEdit()) {
                <a mat-stroked-button [routerLink]="['/cms/sites', siteId(), canManage() ? 'settings' : 'categories']" i18n="@@cms.siteAdminLink">Administrer le site</a>
              }
            }
            @if (canMedia()) {
              <a mat-stroked-button routerLink="/cms/media" i18n="@@media.title">Médiathèque</a>
            }
          </div>
          @if (siteId(); as siteId) {
            <mx-data-table
              i18n-caption="@@cms.contents"
              caption="Contenus des sites"
              [columns]="columns"
              [filters]="filters"
              [fetchPage]="fetchPage"
              [scopeQuery]="{ 'filter[siteId]': siteId }"
              defaultSort="-updatedAt"
              i18n-emptyText="@@cms.contentsEmpty"
              emptyText="Aucun contenu ne correspond à ces critères."
            />
          }
        }
      } @else {
        <mx-loading-state />
      }
    </section>
  `,
  styles: `.list-actions { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; margin-bottom: 12px; }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContentList {
  private readonly api = inject(Api);
  private readonly session = inject(Session);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly toaster = inject(Toaster);
  private readonly cmsSites = inject(CmsSites);

  protected readonly sites = this.cmsSites.sites;
  private readonly requestedSite = toSignal(this.route.queryParamMap.pipe(map((params) => params.get('site'))), { initialValue: null });
  protected readonly siteId = computed(() => {
    const sites = this.sites() ?? [];
    const requested = this.requestedSite();
    return sites.find((site) => site.id === requested)?.id ?? sites[0]?.id ?? null;
  });
  protected readonly canEdit = computed(() => this.session.me()?.permissions.includes('cms.content.edit') ?? false);
  protected readonly canManage = computed(() => this.session.me()?.permissions.includes('cms.sites.manage') ?? false);
  protected readonly canMedia = computed(() => this.session.me()?.permissions.includes('media.read') ?? false);
  private readonly loaded = signal(false);

  protected readonly columns: ReadonlyArray<TableColumn<CmsContentSummary>> = [
    { key: 'title', label: $localize`:@@cms.field.title:Titre`, sortable: true, cell: (c) => c.title, link: (c) => ['/cms/contents', c.id] },
    { key: 'kind', label: $localize`:@@cms.kind:Type`, cell: (c) => KIND_LABELS[c.kind] ?? c.kind },
    {
      key: 'status',
      label: $localize`:@@cms.status:Statut`,
      cell: (c) => (STATUS_LABELS[c.status] ?? c.status) + (c.live && c.status !== 'published' ? $localize`:@@cms.liveSuffix: (en ligne)` : ''),
    },
    { key: 'visibility', label: $localize`:@@cms.visibility:Visibilité`, cell: (c) => VISIBILITY_LABELS[c.visibility] ?? c.visibility },
    { key: 'path', label: $localize`:@@cms.path:Adresse`, sortable: true, cell: (c) => c.path },
    { key: 'updatedAt', label: $localize`:@@cms.updatedAt:Modifié le`, sortable: true, cell: (c) => formatDateTime(c.updatedAt) },
  ];

  protected readonly filters: readonly TableFilter[] = [
    { key: 'filter[title][contains]', label: $localize`:@@cms.filterTitle:Titre contient`, type: 'text' },
    { key: 'filter[kind]', label: $localize`:@@cms.kind:Type`, type: 'select', options: optionsOf(KIND_LABELS) },
    { key: 'filter[status]', label: $localize`:@@cms.status:Statut`, type: 'select', options: optionsOf(STATUS_LABELS) },
  ];

  protected readonly fetchPage: PageFetcher<CmsContentSummary> = async (query) => {
    const page = await this.api.unwrap(this.api.client.GET(CONTENTS_PATH, { params: { query: query as unknown as QueryOf<typeof CONTENTS_PATH> } }));
    return page as Exclude<typeof page, string>;
  };

  constructor() {
    effect(() => {
      if (this.loaded()) return;
      this.loaded.set(true);
      this.cmsSites.load(true).catch((error: unknown) => this.toaster.error(error));
    });
  }

  protected pick(siteId: string): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: { site: siteId, cursor: null } , queryParamsHandling: 'merge' });
  }
}
