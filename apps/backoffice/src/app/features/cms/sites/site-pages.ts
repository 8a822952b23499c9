import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { Api } from '../../../core/api/api';
import { ApiProblem } from '../../../core/api/api-problem';
import { problemMessage } from '../../../core/api/problem-messages';
import { FormAlert } from '../../../shared/form/form-alert';
import { applyServerErrors, fieldErrorText } from '../../../shared/form/server-errors';
import { Toaster } from '../../../shared/toast/toaster';
import { STATUS_LABELS } from '../cms-labels';
import { flattenTree, type PageNode, type PageRow } from './page-tree';
import { SiteAdminState } from './site-admin-state';

/** The page tree of a site: reorder pages among their siblings, move a page under another one. */
@Component({
  selector: 'mx-cms-site-pages',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatError, MatSelect, MatOption, MatButton, RouterLink, FormAlert],
  template: `
    <mx-form-alert [messages]="alerts()" />
    @if (rows().length === 0) {
      <p i18n="@@cms.noPage">Ce site n'a pas encore de page.</p>
    } @else {
      <ul class="tree" i18n-aria-label="@@cms.pageTree" aria-label="Arborescence">
        @for (row of rows(); track row.node.id) {
          <li [style.padding-left.px]="row.depth * 24">
            <a [routerLink]="['/cms/contents', row.node.id]">{{ row.node.title }}</a>
            <span class="meta">{{ row.node.path }} · {{ statusLabel(row.node) }}</span>
            <button mat-button type="button" [disabled]="busy() || row.index === 0" (click)="reorder(row, -1)" [attr.aria-label]="moveUpLabel(row.node)" i18n="@@cms.moveUp">Monter</button>
            <button mat-button type="button" [disabled]="busy() || row.index === row.siblings - 1" (click)="reorder(row, 1)" [attr.aria-label]="moveDownLabel(row.node)" i18n="@@cms.moveDown">Descendre</button>
          </li>
        }
      </ul>
      <form [formGroup]="form" (ngSubmit)="moveUnder()" novalidate class="move">
        <h2 i18n="@@cms.movePage">Déplacer une page</h2>
        <mat-form-field>
          <mat-label i18n="@@cms.pageToMove">Page à déplacer</mat-label>
          <mat-select formControlName="pageId" required>
            @for (row of rows(); track row.node.id) {
              <mat-option [value]="row.node.id">{{ indent(row) }}{{ row.node.title }}</mat-option>
            }
          </mat-select>
          @if (form.controls.pageId.invalid) {
            <mat-error>{{ errorText(form.controls.pageId) }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label i18n="@@cms.newParent">Nouvelle page parente</mat-label>
          <mat-select formControlName="parentId">
            <mat-option value="" i18n="@@cms.topLevel">Aucune (premier niveau)</mat-option>
            @for (row of rows(); track row.node.id) {
              <mat-option [value]="row.node.id">{{ indent(row) }}{{ row.node.title }}</mat-option>
            }
          </mat-select>
          @if (form.controls.parentId.invalid) {
            <mat-error>{{ errorText(form.controls.parentId) }}</mat-error>
          }
        </mat-form-field>
        <div class="move-actions">
          <button mat-flat-button type="submit" [disabled]="busy()" i18n="@@cms.move">Déplacer</button>
        </div>
      </form>
    }
  `,
  styles: `
    .tree { list-style: none; padding: 0; max-width: 960px; margin-top: 16px; }
    .tree li { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 12px; border-bottom: 1px solid var(--mat-sys-outline-variant); padding-top: 4px; padding-bottom: 4px; }
    .meta { color: var(--mat-sys-on-surface-variant); flex: 1 1 auto; }
    .move { display: flex; flex-wrap: wrap; gap: 8px 16px; max-width: 960px; align-items: flex-start; }
    .move h2, .move-actions { flex-basis: 100%; }
    .move mat-form-field { flex: 1 1 280px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SitePages {
  private readonly api = inject(Api);
  private readonly state = inject(SiteAdminState);
  private readonly toaster = inject(Toaster);
  private readonly tree = signal<PageNode[]>([]);
  protected readonly rows = computed(() => flattenTree(this.tree()));
  protected readonly busy = signal(false);
  protected readonly alerts = signal<string[]>([]);
  protected readonly form = inject(NonNullableFormBuilder).group({ pageId: ['', Validators.required], parentId: [''] });
  protected readonly errorText = fieldErrorText;
  private loadedFor: string | null = null;

  constructor() {
    effect(() => {
      const site = this.state.site();
      if (site && this.loadedFor !== site.id) {
        this.loadedFor = site.id;
        void this.load();
      }
    });
  }

  protected statusLabel(node: PageNode): string {
    return STATUS_LABELS[node.status] ?? node.status;
  }

  protected indent(row: PageRow): string {
    return '— '.repeat(row.depth);
  }

  protected moveUpLabel(node: PageNode): string {
    return $localize`:@@cms.moveUpPage:Monter la page « ${node.title}:title: »`;
  }

  protected moveDownLabel(node: PageNode): string {
    return $localize`:@@cms.moveDownPage:Descendre la page « ${node.title}:title: »`;
  }

  protected reorder(row: PageRow, delta: -1 | 1): Promise<void> {
    return this.move(row.node, { parentId: row.parentId, position: row.index + delta });
  }

  protected moveUnder(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return Promise.resolve();
    }
    const { pageId, parentId } = this.form.getRawValue();
    const node = this.rows().find((row) => row.node.id === pageId)?.node;
    return node ? this.move(node, { parentId: parentId === '' ? null : parentId }) : Promise.resolve();
  }

  private async move(node: PageNode, body: { parentId: string | null; position?: number }): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.alerts.set([]);
    try {
      await this.api.unwrap(
        this.api.client.POST('/api/v1/cms/contents/{id}/move', { params: { path: { id: node.id }, header: { 'if-match': `"${node.version}"` } }, body }),
      );
      this.toaster.success($localize`:@@cms.pageMoved:Page déplacée.`);
      if (body.position === undefined) this.form.reset();
      await this.load();
    } catch (failure) {
      if (!(failure instanceof ApiProblem)) {
        this.toaster.error(failure);
      } else if (failure.status === 412) {
        this.alerts.set([$localize`:@@cms.treeStale:Une page a été modifiée entre-temps : l'arborescence a été rechargée, réessayez.`]);
        await this.load();
      } else {
        const other = applyServerErrors(this.form, failure.errors);
        if (other.length > 0 || failure.errors.length === 0) this.alerts.set([problemMessage(failure), ...other]);
      }
    } finally {
      this.busy.set(false);
    }
  }

  private async load(): Promise<void> {
    const siteId = this.state.site()?.id;
    if (!siteId) return;
    try {
      const tree = await this.api.unwrap(this.api.client.GET('/api/v1/cms/sites/{siteId}/page-tree', { params: { path: { siteId } }, cache: 'no-store' }));
      this.tree.set(tree.items as PageNode[]);
    } catch (error) {
      this.toaster.error(error);
    }
  }
}
