import { ChangeDetectionStrategy, Component, computed, effect, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatAnchor } from '@angular/material/button';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { map } from 'rxjs';
import { SectionTabs, type Section } from '../../../shared/section-tabs/section-tabs';
import { LoadingState } from '../../../shared/states/loading-state';
import { Toaster } from '../../../shared/toast/toaster';
import { SiteAdminState } from './site-admin-state';

/** `/cms/sites/:siteId/…`: a site's settings, menus, categories and page tree, as tabs. */
@Component({
  selector: 'mx-cms-site-admin',
  imports: [SectionTabs, LoadingState, MatAnchor, RouterLink],
  providers: [SiteAdminState],
  template: `
    <section class="page">
      <div class="page-header">
        <h1 i18n="@@cms.siteAdmin">Administration du site {{ state.site()?.name ?? '' }}</h1>
        @if (state.site(); as site) {
          <a mat-stroked-button [href]="'/sites/' + site.slug" target="_blank" rel="noopener" i18n="@@cms.viewPublicSite">Voir le site public</a>
        }
        <a mat-button routerLink="/cms" [queryParams]="{ site: siteId() }" i18n="@@cms.backToContents">Retour aux contenus</a>
      </div>
      @if (state.site()) {
        <mx-section-tabs [sections]="sections()" [label]="label" />
      } @else {
        <mx-loading-state />
      }
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SiteAdmin {
  protected readonly state = inject(SiteAdminState);
  private readonly toaster = inject(Toaster);
  protected readonly siteId = toSignal(inject(ActivatedRoute).paramMap.pipe(map((params) => params.get('siteId'))), { initialValue: null });
  protected readonly label = $localize`:@@cms.siteSections:Sections de l'administration du site`;
  protected readonly sections = computed<readonly Section[]>(() => {
    const base = `/cms/sites/${this.siteId()}`;
    return [
      { path: `${base}/settings`, label: $localize`:@@cms.siteSettings:Réglages`, permission: 'cms.sites.manage' },
      { path: `${base}/menus`, label: $localize`:@@cms.menus:Menus`, permission: 'cms.sites.manage' },
      { path: `${base}/categories`, label: $localize`:@@cms.categories:Catégories`, permission: 'cms.content.edit' },
      { path: `${base}/pages`, label: $localize`:@@cms.pageTree:Arborescence`, permission: 'cms.content.edit' },
    ];
  });

  constructor() {
    effect(() => {
      const siteId = this.siteId();
      if (siteId) this.state.load(siteId).catch((error: unknown) => this.toaster.error(error));
    });
  }
}
