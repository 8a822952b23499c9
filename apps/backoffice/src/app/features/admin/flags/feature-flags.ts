import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatSlideToggle, type MatSlideToggleChange } from '@angular/material/slide-toggle';
import { MatTableModule } from '@angular/material/table';
import { Api, mergePatchHeaders } from '../../../core/api/api';
import type { ItemOf } from '../../../core/api/api-types';
import { Confirm } from '../../../shared/confirm/confirm-dialog';
import { EmptyState } from '../../../shared/states/empty-state';
import { LoadingState } from '../../../shared/states/loading-state';
import { Toaster } from '../../../shared/toast/toaster';
import { FlagEditorDialog, type FlagEditorData } from './flag-editor-dialog';

type Flag = ItemOf<'/api/v1/feature-flags'>;

/**
 * Feature flags with their kill switch (what an operator needs in an incident), and an editor for
 * new flags, their variants and targeting rules (per entity, per role, percentage of users).
 */
@Component({
  selector: 'mx-feature-flags',
  imports: [MatTableModule, MatSlideToggle, MatButton, DatePipe, EmptyState, LoadingState],
  template: `
    <section class="page">
      <div class="page-header">
        <h1 i18n="@@admin.flags">Fonctionnalités</h1>
        <button mat-flat-button type="button" (click)="edit()" i18n="@@flags.create">Nouvelle fonctionnalité</button>
      </div>
      @if (flags(); as list) {
        @if (list.length === 0) {
          <mx-empty-state icon="settings" heading="Aucune fonctionnalité pilotable pour l'instant." i18n-heading="@@flags.none" />
        } @else {
          <div class="frame">
            <table mat-table [dataSource]="list" i18n-aria-label="@@admin.flags" aria-label="Fonctionnalités">
              <ng-container matColumnDef="key">
                <th mat-header-cell *matHeaderCellDef i18n="@@flags.key">Clé</th>
                <td mat-cell *matCellDef="let f"><code>{{ f.key }}</code></td>
              </ng-container>
              <ng-container matColumnDef="description">
                <th mat-header-cell *matHeaderCellDef i18n="@@flags.description">Description</th>
                <td mat-cell *matCellDef="let f">{{ f.description }}</td>
              </ng-container>
              <ng-container matColumnDef="rules">
                <th mat-header-cell *matHeaderCellDef i18n="@@flags.rules">Règles</th>
                <td mat-cell *matCellDef="let f">{{ f.rules.length }} · <span i18n="@@flags.default">par défaut</span> {{ f.defaultVariant }}</td>
              </ng-container>
              <ng-container matColumnDef="updatedAt">
                <th mat-header-cell *matHeaderCellDef i18n="@@flags.updatedAt">Modifiée le</th>
                <td mat-cell *matCellDef="let f">{{ f.updatedAt | date: 'dd/MM/yyyy HH:mm' }}</td>
              </ng-container>
              <ng-container matColumnDef="enabled">
                <th mat-header-cell *matHeaderCellDef i18n="@@flags.enabled">Active</th>
                <td mat-cell *matCellDef="let f">
                  <mat-slide-toggle [checked]="f.enabled" [disabled]="busy() === f.key" (change)="toggle(f, $event)" [attr.aria-label]="f.key" />
                </td>
              </ng-container>
              <ng-container matColumnDef="actions">
                <th mat-header-cell *matHeaderCellDef><span class="visually-hidden" i18n="@@flags.actions">Actions</span></th>
                <td mat-cell *matCellDef="let f">
                  <button mat-button type="button" (click)="edit(f)" [attr.aria-label]="editLabel(f)" i18n="@@flags.editShort">Modifier</button>
                </td>
              </ng-container>
              <tr mat-header-row *matHeaderRowDef="columns"></tr>
              <tr mat-row *matRowDef="let row; columns: columns"></tr>
            </table>
          </div>
        }
      } @else {
        <mx-loading-state />
      }
    </section>
  `,
  styles: `
    .frame { overflow-x: auto; border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; }
    table { width: 100%; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FeatureFlags {
  private readonly api = inject(Api);
  private readonly toaster = inject(Toaster);
  private readonly confirm = inject(Confirm);

  protected readonly flags = signal<Flag[] | null>(null);
  protected readonly busy = signal<string | null>(null);
  protected readonly columns = ['key', 'description', 'rules', 'updatedAt', 'enabled', 'actions'];
  private readonly dialog = inject(MatDialog);

  constructor() {
    void this.load();
  }

  protected editLabel(flag: Flag): string {
    return $localize`:@@flags.editLabel:Modifier ${flag.key}:key:`;
  }

  protected async edit(flag?: Flag): Promise<void> {
    let roles: FlagEditorData['roles'];
    try {
      roles = (await this.api.unwrap(this.api.client.GET('/api/v1/roles'))).items;
    } catch (error) {
      this.toaster.error(error);
      return;
    }
    const data: FlagEditorData = { roles, ...(flag ? { flag } : {}) };
    const ref = this.dialog.open<FlagEditorDialog, FlagEditorData, Flag>(FlagEditorDialog, { data, width: '880px', maxWidth: '95vw', autoFocus: 'first-tabbable' });
    ref.afterClosed().subscribe((saved) => {
      if (!saved) return;
      this.toaster.success(flag ? $localize`:@@flags.updated:Fonctionnalité modifiée.` : $localize`:@@flags.created:Fonctionnalité créée.`);
      void this.load();
    });
  }

  private async load(): Promise<void> {
    try {
      this.flags.set((await this.api.unwrap(this.api.client.GET('/api/v1/feature-flags'))).items);
    } catch (error) {
      this.flags.set([]);
      this.toaster.error(error);
    }
  }

  protected async toggle(flag: Flag, event: MatSlideToggleChange): Promise<void> {
    const enabled = event.checked;
    if (!enabled) {
      const confirmed = await this.confirm.ask({
        title: $localize`:@@flags.offTitle:Désactiver ${flag.key}:key: ?`,
        message: $localize`:@@flags.offMessage:Tout le monde recevra la variante par défaut (${flag.defaultVariant}:variant:), dans la minute sur tous les serveurs.`,
        confirmLabel: $localize`:@@flags.off:Désactiver`,
        destructive: true,
      });
      if (!confirmed) {
        event.source.checked = true;
        return;
      }
    }
    this.busy.set(flag.key);
    try {
      // Read first: the ETag guards against overwriting a colleague's concurrent change.
      const { etag } = await this.api.unwrapWithEtag(this.api.client.GET('/api/v1/feature-flags/{key}', { params: { path: { key: flag.key } }, cache: 'no-store' }));
      await this.api.unwrap(
        this.api.client.PATCH('/api/v1/feature-flags/{key}', { params: { path: { key: flag.key } }, body: { enabled }, headers: mergePatchHeaders(etag) }),
      );
      this.toaster.success(enabled ? $localize`:@@flags.onDone:Fonctionnalité activée.` : $localize`:@@flags.offDone:Fonctionnalité désactivée.`);
    } catch (error) {
      this.toaster.error(error);
    } finally {
      this.busy.set(null);
      await this.load();
    }
  }
}
