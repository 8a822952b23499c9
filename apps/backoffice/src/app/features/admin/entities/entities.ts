import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { Router } from '@angular/router';
import { Api } from '../../../core/api/api';
import { Session } from '../../../core/auth/session';
import { EmptyState } from '../../../shared/states/empty-state';
import { LoadingState } from '../../../shared/states/loading-state';
import { Toaster } from '../../../shared/toast/toaster';
import { EntityCreateDialog, type CreatedEntity, type EntityCreateData } from './entity-create-dialog';
import { EntityForm } from './entity-form';
import { EntityMoveDialog, type EntityMoveData } from './entity-move-dialog';
import { EntityList } from './entity-list';
import { EntityTree, type EntityTreeNode } from './entity-tree';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';

/** The network tree on the left, the selected entity's details on the right (`?selected=<id>`). */
@Component({
  selector: 'mx-entities',
  imports: [EntityTree, EntityForm, EntityList, EmptyState, LoadingState, MatButtonToggleGroup, MatButtonToggle, MatButton],
  template: `
    <section class="page">
      <div class="page-header">
        <h1 i18n="@@admin.entities">Réseau</h1>
        <mat-button-toggle-group [value]="view() ?? 'tree'" (change)="setView($event.value)" i18n-aria-label="@@entities.view" aria-label="Affichage">
          <mat-button-toggle value="tree" i18n="@@entities.viewTree">Arborescence</mat-button-toggle>
          <mat-button-toggle value="list" i18n="@@entities.viewList">Liste</mat-button-toggle>
        </mat-button-toggle-group>
      </div>
      @if (view() === 'list') {
        <mx-entity-list />
      } @else {
      <div class="layout">
        <div class="tree">
          @if (roots(); as list) {
            <mx-entity-tree [roots]="list" [selectedId]="selected() ?? null" (selected)="select($event)" />
          } @else {
            <mx-loading-state />
          }
        </div>
        <div class="detail">
          @if (selected(); as id) {
            @if (canManage() && selectedNode(); as node) {
              <div class="tree-actions">
                <button mat-stroked-button type="button" (click)="createChild(node)" i18n="@@entities.createChild">Nouvelle sous-entité</button>
                @if (node.parentId) {
                  <button mat-stroked-button type="button" (click)="move(node)" i18n="@@entities.move">Déplacer</button>
                }
              </div>
            }
            <mx-entity-form [entityId]="id" (saved)="reloadTree()" />
          } @else {
            <mx-empty-state icon="place" heading="Choisissez une entité dans l'arborescence." i18n-heading="@@entities.pick" />
          }
        </div>
      </div>
      }
    </section>
  `,
  styles: `
    .layout { display: grid; grid-template-columns: minmax(280px, 380px) 1fr; gap: 24px; align-items: start; }
    .tree-actions { display: flex; gap: 8px; justify-content: flex-end; margin-bottom: 8px; }
    .detail { border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; padding: 16px 24px; }
    @media (max-width: 959px) { .layout { grid-template-columns: 1fr; } }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Entities {
  private readonly api = inject(Api);
  private readonly router = inject(Router);
  private readonly toaster = inject(Toaster);

  /** Query param, bound by the router. */
  readonly selected = input<string>();
  /** Query param: `list` for the flat table, otherwise the tree. */
  readonly view = input<string>();
  protected readonly roots = signal<EntityTreeNode[] | null>(null);
  private readonly dialog = inject(MatDialog);
  private readonly session = inject(Session);
  /** Creating and moving entities is for national administrators (`entities.manage`); the server decides. */
  protected readonly canManage = computed(() => this.session.me()?.permissions.includes('entities.manage') ?? false);
  protected readonly selectedNode = computed(() => findNode(this.roots() ?? [], this.selected()));

  constructor() {
    void this.reloadTree();
  }

  protected async reloadTree(): Promise<void> {
    try {
      const tree = await this.api.unwrap(this.api.client.GET('/api/v1/entities', { params: { query: { view: 'tree' } } }));
      // JSON is the default representation (the route also speaks text/csv).
      this.roots.set((tree as { items: EntityTreeNode[] }).items);
    } catch (error) {
      this.roots.set([]);
      this.toaster.error(error);
    }
  }

  protected createChild(parent: EntityTreeNode): void {
    const ref = this.dialog.open<EntityCreateDialog, EntityCreateData, CreatedEntity>(EntityCreateDialog, { data: { parent }, width: '560px' });
    ref.afterClosed().subscribe(async (created) => {
      if (!created) return;
      this.toaster.success($localize`:@@entities.created:Entité créée.`);
      await this.reloadTree();
      this.select(created.id);
    });
  }

  protected move(entity: EntityTreeNode): void {
    const data: EntityMoveData = { entity, roots: this.roots() ?? [] };
    const ref = this.dialog.open<EntityMoveDialog, EntityMoveData, boolean>(EntityMoveDialog, { data, width: '560px' });
    ref.afterClosed().subscribe((moved) => {
      if (!moved) return;
      this.toaster.success($localize`:@@entities.moved:Entité déplacée avec ses sous-entités.`);
      void this.reloadTree();
    });
  }

  protected setView(view: string): void {
    void this.router.navigate([], { queryParams: { view: view === 'list' ? 'list' : null } });
  }

  protected select(id: string): void {
    void this.router.navigate([], { queryParams: { selected: id }, queryParamsHandling: 'merge' });
  }
}

function findNode(nodes: readonly EntityTreeNode[], id: string | undefined): EntityTreeNode | null {
  if (!id) return null;
  for (const node of nodes) {
    if (node.id === id) return node;
    const found = findNode(node.children, id);
    if (found) return found;
  }
  return null;
}
