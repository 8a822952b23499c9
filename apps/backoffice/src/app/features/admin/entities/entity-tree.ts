import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import type { ResponseOf } from '../../../core/api/api-types';

/** `GET /entities?view=tree` answers nested nodes (the other answer shape is the flat page). */
export type EntityTreeNode = Extract<ResponseOf<'/api/v1/entities'>, { items: Array<{ children: unknown }> }>['items'][number];

interface VisibleNode {
  node: EntityTreeNode;
  depth: number;
  hasChildren: boolean;
  expanded: boolean;
}

/**
 * The network as an ARIA tree (national → régions → départements). Typing in the filter shows the
 * matching entities with their ancestors; otherwise levels open and close on demand.
 */
@Component({
  selector: 'mx-entity-tree',
  template: `
    <label class="filter">
      <span i18n="@@entities.filter">Filtrer</span>
      <input type="search" [value]="query()" (input)="query.set($any($event.target).value)" i18n-placeholder="@@entities.filterPlaceholder" placeholder="Nom ou code" />
    </label>
    <ul role="tree" i18n-aria-label="@@entities.tree" aria-label="Arborescence du réseau">
      @for (item of visible(); track item.node.id) {
        <li
          role="treeitem"
          [attr.aria-level]="item.depth + 1"
          [attr.aria-expanded]="item.hasChildren ? item.expanded : null"
          [attr.aria-selected]="item.node.id === selectedId()"
          [style.padding-left.px]="item.depth * 20"
        >
          @if (item.hasChildren) {
            <button type="button" class="toggle" (click)="toggle(item.node.id)" [attr.aria-label]="(item.expanded ? collapseText : expandText) + ' ' + item.node.name">
              {{ item.expanded ? '▾' : '▸' }}
            </button>
          } @else {
            <span class="toggle" aria-hidden="true"></span>
          }
          <button type="button" class="name" [class.selected]="item.node.id === selectedId()" (click)="selected.emit(item.node.id)">
            {{ item.node.name }} <span class="code">{{ item.node.code }}</span>
          </button>
        </li>
      }
    </ul>
  `,
  styles: `
    :host { display: block; }
    .filter { display: flex; flex-direction: column; gap: 4px; margin-bottom: 8px; color: var(--mat-sys-on-surface-variant); }
    .filter input { font: inherit; padding: 8px; border-radius: 8px; border: 1px solid var(--mat-sys-outline); background: var(--mat-sys-surface); color: var(--mat-sys-on-surface); }
    ul { list-style: none; margin: 0; padding: 0; max-height: 65vh; overflow: auto; }
    li { display: flex; align-items: center; }
    .toggle { width: 28px; height: 28px; flex: none; border: 0; background: transparent; color: var(--mat-sys-on-surface); cursor: pointer; }
    .name { border: 0; background: transparent; text-align: left; padding: 4px 8px; border-radius: 6px; color: var(--mat-sys-on-surface); font: inherit; cursor: pointer; }
    .name:hover { background: var(--mat-sys-surface-container-high); }
    .selected { background: var(--mat-sys-secondary-container); color: var(--mat-sys-on-secondary-container); }
    .code { color: var(--mat-sys-on-surface-variant); font-size: 0.85em; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EntityTree {
  readonly roots = input.required<readonly EntityTreeNode[]>();
  readonly selectedId = input<string | null>(null);
  readonly selected = output<string>();

  protected readonly query = signal('');
  private readonly expanded = signal<ReadonlySet<string>>(new Set());
  protected readonly expandText = $localize`:@@entities.expand:Déplier`;
  protected readonly collapseText = $localize`:@@entities.collapse:Replier`;

  protected readonly visible = computed<VisibleNode[]>(() => {
    const needle = normalise(this.query());
    const expanded = this.expanded();
    const out: VisibleNode[] = [];
    const walk = (nodes: readonly EntityTreeNode[], depth: number, rootLevel: boolean): void => {
      for (const node of nodes) {
        const children = node.children ?? [];
        if (needle && !matchesDeep(node, needle)) continue;
        // Roots start open so the régions show at first sight.
        const open = needle ? true : expanded.has(node.id) !== rootLevel;
        out.push({ node, depth, hasChildren: children.length > 0, expanded: open });
        if (open) walk(children, depth + 1, false);
      }
    };
    walk(this.roots(), 0, true);
    return out;
  });

  protected toggle(id: string): void {
    this.expanded.update((set) => {
      const next = new Set(set);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }
}

function matchesDeep(node: EntityTreeNode, needle: string): boolean {
  return normalise(`${node.name} ${node.code}`).includes(needle) || (node.children ?? []).some((child) => matchesDeep(child, needle));
}

function normalise(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().trim();
}
