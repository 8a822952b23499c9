import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import { Api } from '../../../core/api/api';
import { BranchScope } from '../../../core/scope/branch-scope';
import { Confirm } from '../../../shared/confirm/confirm-dialog';
import { Toaster } from '../../../shared/toast/toaster';
import { LINK_STATUS_LABELS, optionsOf } from '../shared/crm-labels';
import type { Company, CompanyLink } from './company-types';

/**
 * The company's relation with the caller's entities: one link per entity (status prospect, member,
 * former member). Staff link the company to the entity they work on, or change a link's status.
 */
@Component({
  selector: 'mx-company-links',
  imports: [FormsModule, MatFormField, MatLabel, MatSelect, MatOption, MatButton],
  template: `
    <h2 i18n="@@crm.links">Rattachement à mes entités</h2>
    @if (company().links.length === 0) {
      <p class="muted" i18n="@@crm.noLink">Cette entreprise n'est rattachée à aucune de vos entités.</p>
    } @else {
      <ul class="links">
        @for (link of company().links; track link.id) {
          <li>
            <span class="entity">{{ entityName(link.entityId) }}</span>
            @if (link.attachedBy === 'derived') {
              <span class="muted" i18n="@@crm.derived">(union du département)</span>
            }
            @if (canWrite()) {
              <mat-form-field subscriptSizing="dynamic" appearance="outline">
                <mat-label i18n="@@crm.status">Statut</mat-label>
                <mat-select [value]="link.status" (selectionChange)="changeStatus(link, $event.value)" [disabled]="busy()">
                  @for (option of statusOptions; track option.value) {
                    <mat-option [value]="option.value">{{ option.label }}</mat-option>
                  }
                </mat-select>
              </mat-form-field>
              <button mat-button type="button" (click)="detach(link)" [disabled]="busy()" [attr.aria-label]="detachLabel(link)" i18n="@@crm.detach">Détacher</button>
            } @else {
              <span>{{ statusLabels[link.status] }}</span>
            }
          </li>
        }
      </ul>
    }
    @if (canWrite() && linkable().length > 0) {
      <form class="link-form" (ngSubmit)="link()">
        <mat-form-field subscriptSizing="dynamic" appearance="outline">
          <mat-label i18n="@@crm.linkEntity">Entité à rattacher</mat-label>
          <mat-select [(ngModel)]="entityId" name="entityId" required>
            @for (entity of linkable(); track entity.id) {
              <mat-option [value]="entity.id">{{ entity.name }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic" appearance="outline">
          <mat-label i18n="@@crm.status">Statut</mat-label>
          <mat-select [(ngModel)]="status" name="status">
            @for (option of statusOptions; track option.value) {
              <mat-option [value]="option.value">{{ option.label }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <button mat-flat-button type="submit" [disabled]="busy() || !entityId()" i18n="@@crm.linkSubmit">Rattacher</button>
      </form>
    }
  `,
  styles: `
    .links { list-style: none; padding: 0; margin: 0 0 16px; display: grid; gap: 8px; }
    .links li { display: flex; align-items: center; gap: 12px; flex-wrap: wrap; }
    .entity { font-weight: 500; }
    .link-form { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CompanyLinks {
  private readonly api = inject(Api);
  private readonly toaster = inject(Toaster);
  private readonly scope = inject(BranchScope);
  private readonly confirm = inject(Confirm);

  readonly company = input.required<Company>();
  readonly canWrite = input(false);
  /** Emitted after a write: the page reloads the company. */
  readonly changed = output<void>();

  protected readonly busy = signal(false);
  protected readonly statusLabels = LINK_STATUS_LABELS;
  protected readonly statusOptions = optionsOf(LINK_STATUS_LABELS);
  /** Entities the user acts on that are not linked yet, the one chosen in the switcher first. */
  protected readonly linkable = computed(() => {
    const linked = new Set(this.company().links.map((link) => link.entityId));
    const chosen = this.scope.entityId();
    return this.scope.entities().filter((entity) => !linked.has(entity.id)).sort((a, b) => Number(b.id === chosen) - Number(a.id === chosen));
  });
  protected readonly entityId = linkedSignal(() => this.linkable()[0]?.id ?? '');
  protected readonly status = signal('prospect');

  protected entityName(id: string): string {
    return this.scope.entities().find((entity) => entity.id === id)?.name ?? $localize`:@@crm.otherEntity:Entité de votre périmètre`;
  }

  protected async link(): Promise<void> {
    const entityId = this.entityId();
    if (!entityId) return;
    await this.write(() =>
      this.api.unwrap(
        this.api.client.POST('/api/v1/organizations/{id}/links', {
          params: { path: { id: this.company().id } },
          body: { entityId, status: this.status() as CompanyLink['status'] },
        }),
      ),
      $localize`:@@crm.linked:Entreprise rattachée.`,
    );
  }

  protected async changeStatus(link: CompanyLink, status: CompanyLink['status']): Promise<void> {
    await this.write(() =>
      this.api.unwrap(
        this.api.client.PATCH('/api/v1/organizations/{id}/links/{linkId}', {
          params: { path: { id: this.company().id, linkId: link.id }, header: { 'if-match': `"${link.version}"` } },
          body: { status },
          headers: { 'content-type': 'application/merge-patch+json' },
        }),
      ),
      $localize`:@@crm.statusChanged:Statut mis à jour.`,
    );
  }

  protected detachLabel(link: CompanyLink): string {
    return $localize`:@@crm.detachLabel:Détacher de ${this.entityName(link.entityId)}:entity:`;
  }

  /** The entity stops following the company; refused by the server while it is a member there. */
  protected async detach(link: CompanyLink): Promise<void> {
    const confirmed = await this.confirm.ask({
      title: $localize`:@@crm.detachTitle:Détacher l'entreprise de ${this.entityName(link.entityId)}:entity: ?`,
      message: $localize`:@@crm.detachMessage:La structure ne suivra plus cette entreprise. Les contacts, les interactions et l'historique de la structure sont conservés.`,
      confirmLabel: $localize`:@@crm.detachConfirm:Détacher`,
      destructive: true,
    });
    if (!confirmed) return;
    await this.write(
      () =>
        this.api.unwrap(
          this.api.client.DELETE('/api/v1/organizations/{id}/links/{linkId}', {
            params: { path: { id: this.company().id, linkId: link.id }, header: { 'if-match': `"${link.version}"` } },
          }),
        ),
      $localize`:@@crm.detached:Entreprise détachée.`,
    );
  }

  private async write(call: () => Promise<unknown>, success: string): Promise<void> {
    this.busy.set(true);
    try {
      await call();
      this.toaster.success(success);
    } catch (error) {
      this.toaster.error(error);
    } finally {
      this.busy.set(false);
      // Reload in every case: after a failure (412) the page must show the current status again.
      this.changed.emit();
    }
  }
}
