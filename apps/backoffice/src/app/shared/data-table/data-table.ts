import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  type TemplateRef,
  computed,
  contentChild,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSort, MatSortHeader, type Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { Api } from '../../core/api/api';
import { Toaster } from '../toast/toaster';
import { EmptyState } from '../states/empty-state';
import { readTableQuery, sortParam, sortState, toApiQuery } from './table-query';

export interface TableColumn<T> {
  key: string;
  label: string;
  /** Server-side sort key; omit for columns the API cannot sort on. */
  sortable?: boolean;
  cell: (row: T) => string;
  /** Router link for the cell (usually the first column); null leaves that row's cell as text. */
  link?: (row: T) => string | readonly unknown[] | null;
}

export interface TableFilter {
  /** The query key as the API names it: `filter[status]`, `filter[createdAt][gte]`, or a plain `search`. */
  key: string;
  label: string;
  type: 'text' | 'select' | 'date';
  options?: ReadonlyArray<{ value: string; label: string }>;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  count?: number;
}

export type PageFetcher<T> = (query: Record<string, string>) => Promise<Page<T>>;

/**
 * A server-paginated table: keyset cursors, server sort, filters and CSV export. Its state lives
 * in the URL query params, so any view can be bookmarked or shared. Row actions are projected
 * with `<ng-template #rowActions let-row>`.
 */
@Component({
  selector: 'mx-data-table',
  imports: [
    MatTableModule,
    MatSort,
    MatSortHeader,
    MatFormField,
    MatLabel,
    MatInput,
    MatSelect,
    MatOption,
    MatButton,
    MatIcon,
    MatProgressBar,
    RouterLink,
    NgTemplateOutlet,
    EmptyState,
  ],
  templateUrl: './data-table.html',
  styleUrl: './data-table.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DataTable<T> {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly api = inject(Api);
  private readonly toaster = inject(Toaster);

  readonly caption = input.required<string>();
  readonly columns = input.required<ReadonlyArray<TableColumn<T>>>();
  readonly filters = input<readonly TableFilter[]>([]);
  /** Changes identity when the feature's scope changes (branch switcher): the table reloads. */
  readonly fetchPage = input.required<PageFetcher<T>>();
  /** Extra API params not shown in the URL (e.g. the branch scope). */
  readonly scopeQuery = input<Record<string, string>>({});
  readonly pageSize = input(25);
  readonly defaultSort = input<string | null>(null);
  /** Collection path for `Accept: text/csv`; no path, no export button. */
  readonly csvPath = input<string | null>(null);
  readonly csvFilename = input('export.csv');
  readonly emptyText = input($localize`:@@table.empty:Aucun résultat.`);
  /** Bump to force a reload after a write. */
  readonly refresh = input(0);

  protected readonly rowActions = contentChild<TemplateRef<{ $implicit: T }>>('rowActions');
  private readonly params = toSignal(this.route.queryParams, { initialValue: {} as Record<string, string> });
  protected readonly query = computed(() => {
    const query = readTableQuery(this.params(), this.filters().map((filter) => filter.key));
    return query.sort ? query : { ...query, sort: this.defaultSort() };
  });
  protected readonly sort = computed(() => sortState(this.query().sort));
  protected readonly displayed = computed(() => [...this.columns().map((c) => c.key), ...(this.rowActions() ? ['actions'] : [])]);

  protected readonly rows = signal<T[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly count = signal<number | null>(null);
  protected readonly loading = signal(false);
  protected readonly failed = signal(false);
  protected readonly exporting = signal(false);
  /** Cursors of the pages before this one, to go back (keyset pagination only goes forward). */
  private readonly previous = signal<Array<string | null>>([]);
  protected readonly failedText = $localize`:@@table.failed:Impossible de charger les résultats.`;
  protected readonly canGoBack = computed(() => this.query().cursor !== null && !this.loading());
  protected readonly canGoForward = computed(() => this.nextCursor() !== null && !this.loading());
  private loadSequence = 0;

  constructor() {
    effect(() => {
      const fetcher = this.fetchPage();
      const apiQuery = toApiQuery(this.query(), this.pageSize(), this.scopeQuery());
      this.refresh();
      untracked(() => void this.load(fetcher, apiQuery));
    });
  }

  protected filterValue(key: string): string {
    return this.query().filters[key] ?? '';
  }

  protected setFilter(key: string, value: string): void {
    this.previous.set([]);
    void this.navigate({ [key]: value || null, cursor: null });
  }

  protected onSort(sort: Sort): void {
    this.previous.set([]);
    void this.navigate({ sort: sortParam({ active: sort.active, direction: sort.direction }), cursor: null });
  }

  protected nextPage(): void {
    if (!this.canGoForward()) return;
    this.previous.update((stack) => [...stack, this.query().cursor]);
    void this.navigate({ cursor: this.nextCursor() });
  }

  protected previousPage(): void {
    if (!this.canGoBack()) return;
    const stack = this.previous();
    const cursor = stack.length > 0 ? stack[stack.length - 1]! : null;
    this.previous.set(stack.slice(0, -1));
    void this.navigate({ cursor });
  }

  protected async exportCsv(): Promise<void> {
    const path = this.csvPath();
    if (!path) return;
    this.exporting.set(true);
    try {
      const query = toApiQuery(this.query(), this.pageSize(), this.scopeQuery());
      await this.api.downloadCsv(path, query, this.csvFilename());
    } catch (error) {
      this.toaster.error(error);
    } finally {
      this.exporting.set(false);
    }
  }

  protected linkOf(column: TableColumn<T>, row: T): string | readonly unknown[] | null {
    return column.link ? column.link(row) : null;
  }

  private async load(fetcher: PageFetcher<T>, apiQuery: Record<string, string>): Promise<void> {
    const sequence = ++this.loadSequence;
    this.loading.set(true);
    this.failed.set(false);
    try {
      const page = await fetcher(apiQuery);
      if (sequence !== this.loadSequence) return;
      this.rows.set(page.items);
      this.nextCursor.set(page.nextCursor ?? null);
      this.count.set(typeof page.count === 'number' ? page.count : null);
    } catch (error) {
      if (sequence !== this.loadSequence) return;
      this.rows.set([]);
      this.failed.set(true);
      this.toaster.error(error);
    } finally {
      if (sequence === this.loadSequence) this.loading.set(false);
    }
  }

  private navigate(queryParams: Record<string, string | null>): Promise<boolean> {
    return this.router.navigate([], { relativeTo: this.route, queryParams, queryParamsHandling: 'merge', replaceUrl: false });
  }
}
