import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import { Api } from '../../../core/api/api';
import { Toaster } from '../../../shared/toast/toaster';
import { SYNDICATION_LABELS, formatDateTime } from '../cms-labels';
import type { CmsContent, CmsSyndication } from '../cms-types';
import { CmsSites } from '../sites/cms-sites';

/** Offers an article to descendant sites (all, or some) and lists the answers; origin publishers may withdraw. */
@Component({
  selector: 'mx-cms-syndication-panel',
  imports: [FormsModule, MatButton, MatFormField, MatLabel, MatHint, MatSelect, MatOption],
  template: `
    <section class="syndication" aria-labelledby="cms-synd-title">
      <h2 id="cms-synd-title" i18n="@@cms.syndication">Syndication vers les sites du réseau</h2>
      <div class="offer">
        <mat-form-field subscriptSizing="dynamic">
          <mat-label i18n="@@cms.syndTargets">Sites destinataires</mat-label>
          <mat-select [(ngModel)]="targets" name="targets" multiple>
            @for (site of otherSites(); track site.id) {
              <mat-option [value]="site.id">{{ site.name }}</mat-option>
            }
          </mat-select>
          <mat-hint i18n="@@cms.syndHint">Vide : tous les sites des entités rattachées.</mat-hint>
        </mat-form-field>
        <button mat-flat-button type="button" [disabled]="busy()" (click)="offer()" i18n="@@cms.syndOffer">Proposer aux sites du réseau</button>
      </div>
      @if (offers().length > 0) {
        <table>
          <caption i18n="@@cms.syndOffers">Propositions en cours</caption>
          <thead>
            <tr>
              <th scope="col" i18n="@@cms.site">Site</th>
              <th scope="col" i18n="@@cms.status">Statut</th>
              <th scope="col" i18n="@@cms.syndDecided">Réponse le</th>
              <th scope="col"><span class="visually-hidden" i18n="@@table.actions">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            @for (offer of offers(); track offer.id) {
              <tr>
                <td>{{ siteName(offer.targetSiteId) }}</td>
                <td>{{ statusLabel(offer.status) }}</td>
                <td>{{ formatDateTime(offer.decidedAt) }}</td>
                <td>
                  @if (offer.status === 'offered' || offer.status === 'accepted') {
                    <button mat-button type="button" (click)="withdraw(offer)" i18n="@@cms.syndWithdraw">Retirer</button>
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
      }
    </section>
  `,
  styles: `
    .syndication { margin: 24px 0; padding: 16px; border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; }
    h2 { font: var(--mat-sys-title-medium); margin: 0 0 8px; }
    .offer { display: flex; flex-wrap: wrap; gap: 16px; align-items: center; margin-bottom: 16px; }
    .offer mat-form-field { min-width: 320px; }
    table { border-collapse: collapse; width: 100%; }
    caption { text-align: left; padding: 8px 0; }
    th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--mat-sys-outline-variant); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SyndicationPanel {
  private readonly api = inject(Api);
  private readonly toaster = inject(Toaster);
  private readonly cmsSites = inject(CmsSites);

  readonly content = input.required<CmsContent>();
  protected readonly offers = signal<CmsSyndication[]>([]);
  protected readonly busy = signal(false);
  protected readonly otherSites = computed(() => (this.cmsSites.sites() ?? []).filter((site) => site.id !== this.content().siteId));
  protected targets: string[] = [];
  protected readonly formatDateTime = formatDateTime;

  constructor() {
    void this.cmsSites.load().catch(() => undefined);
    effect(() => void this.load(this.content().id));
  }

  protected siteName(id: string): string {
    return this.cmsSites.byId(id)?.name ?? id;
  }

  protected statusLabel(status: string): string {
    return SYNDICATION_LABELS[status] ?? status;
  }

  private async load(id: string): Promise<void> {
    try {
      const list = await this.api.unwrap(this.api.client.GET('/api/v1/cms/contents/{id}/syndication', { params: { path: { id } }, cache: 'no-store' }));
      this.offers.set(list.items);
    } catch {
      this.offers.set([]);
    }
  }

  protected async offer(): Promise<void> {
    this.busy.set(true);
    try {
      const targets = this.targets.length > 0 ? this.targets : ('all' as const);
      await this.api.unwrap(this.api.client.POST('/api/v1/cms/contents/{id}/syndication', { params: { path: { id: this.content().id } }, body: { targets } }));
      this.toaster.success($localize`:@@cms.syndOffered:Article proposé aux sites du réseau.`);
      this.targets = [];
      await this.load(this.content().id);
    } catch (error) {
      this.toaster.error(error);
    } finally {
      this.busy.set(false);
    }
  }

  protected async withdraw(offer: CmsSyndication): Promise<void> {
    try {
      await this.api.unwrap(this.api.client.POST('/api/v1/cms/syndications/{id}/withdraw', { params: { path: { id: offer.id } } }));
      this.toaster.success($localize`:@@cms.syndWithdrawn:Proposition retirée.`);
      await this.load(this.content().id);
    } catch (error) {
      this.toaster.error(error);
    }
  }
}
