import { NgTemplateOutlet } from '@angular/common';
import { afterNextRender, ChangeDetectionStrategy, Component, computed, effect, ElementRef, inject, Injector, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { Api } from '../../../core/api/api';
import { ApiProblem } from '../../../core/api/api-problem';
import { problemMessage } from '../../../core/api/problem-messages';
import { FormAlert } from '../../../shared/form/form-alert';
import { fieldErrorText } from '../../../shared/form/server-errors';
import { Toaster } from '../../../shared/toast/toaster';
import type { CmsCategory } from '../cms-types';
import { pageChoices, type PageChoice } from '../editor/content-form';
import {
  addEntry,
  indentEntry,
  menuRowErrors,
  menuRows,
  moveEntry,
  outdentEntry,
  parentChoices,
  parsePathKey,
  pathKey,
  removeEntry,
  type MenuChange,
  type MenuItem,
  type MenuName,
  type MenuPath,
  type MenuRow,
  type SiteMenus,
} from './menu-model';
import { SiteAdminState } from './site-admin-state';

type TargetKind = 'page' | 'category' | 'url';

/**
 * The main and footer menus of a site, with sub-entries: add entries (page, category or address) at
 * the top or under another entry, move them within their level, indent or outdent them, remove, save.
 * Every action is a labelled button (no drag and drop); focus follows the entry acted on.
 */
@Component({
  selector: 'mx-cms-site-menus',
  imports: [NgTemplateOutlet, ReactiveFormsModule, MatFormField, MatLabel, MatInput, MatError, MatSelect, MatOption, MatButton, FormAlert],
  template: `
    <mx-form-alert [messages]="alerts()" />
    @for (menu of menuNames; track menu.name) {
      <section class="menu" [attr.aria-labelledby]="'menu-' + menu.name">
        <h2 [id]="'menu-' + menu.name">{{ menu.label }}</h2>
        @if (rows()[menu.name].length === 0) {
          <p class="empty" i18n="@@cms.menuEmpty">Aucune entrée.</p>
        } @else {
          <ng-container [ngTemplateOutlet]="entries" [ngTemplateOutletContext]="{ $implicit: rows()[menu.name], menu: menu.name }" />
        }
      </section>
    }

    <ng-template #entries let-rows let-menu="menu">
      <ol class="entries">
        @for (row of asRows(rows); track row.key) {
          <li>
            <div class="entry">
              <span class="label" tabindex="-1" [attr.data-focus]="menu + '/' + row.key + '/label'">{{ row.item.label }}</span>
              <span class="target">{{ targetText(row.item) }}</span>
              <span class="buttons">
                <button mat-button type="button" [disabled]="row.first" (click)="move(menu, row, -1)" [attr.data-focus]="menu + '/' + row.key + '/up'" [attr.aria-label]="moveUpLabel(row.item)" i18n="@@cms.moveUp">Monter</button>
                <button mat-button type="button" [disabled]="row.last" (click)="move(menu, row, 1)" [attr.data-focus]="menu + '/' + row.key + '/down'" [attr.aria-label]="moveDownLabel(row.item)" i18n="@@cms.moveDown">Descendre</button>
                @if (row.indentUnder; as under) {
                  <button mat-button type="button" (click)="indent(menu, row)" [attr.data-focus]="menu + '/' + row.key + '/indent'" [attr.aria-label]="indentLabel(row.item, under)" i18n="@@cms.menuIndent">Décaler à droite</button>
                }
                @if (row.outdentFrom; as parent) {
                  <button mat-button type="button" (click)="outdent(menu, row)" [attr.data-focus]="menu + '/' + row.key + '/outdent'" [attr.aria-label]="outdentLabel(row.item, parent)" i18n="@@cms.menuOutdent">Décaler à gauche</button>
                }
                @if (row.canAddChild) {
                  <button mat-button type="button" (click)="addUnder(menu, row)" [attr.aria-label]="addChildLabel(row.item)" i18n="@@cms.menuAddChild">Ajouter une sous-entrée</button>
                }
                <button mat-button type="button" (click)="remove(menu, row)" [attr.aria-label]="removeLabel(row.item)" i18n="@@cms.remove">Retirer</button>
              </span>
            </div>
            @for (message of rowErrors().get(menu + '/' + row.key) ?? []; track $index) {
              <p class="row-error" role="alert">{{ message }}</p>
            }
            @if (row.children.length > 0) {
              <ng-container [ngTemplateOutlet]="entries" [ngTemplateOutletContext]="{ $implicit: row.children, menu }" />
            }
          </li>
        }
      </ol>
    </ng-template>

    <form [formGroup]="form" (ngSubmit)="add()" novalidate class="add">
      <h2 i18n="@@cms.addMenuEntry">Ajouter une entrée</h2>
      <mat-form-field>
        <mat-label i18n="@@cms.menu">Menu</mat-label>
        <mat-select formControlName="menu">
          @for (menu of menuNames; track menu.name) {
            <mat-option [value]="menu.name">{{ menu.label }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label i18n="@@cms.menuParent">Placer sous</mat-label>
        <mat-select formControlName="parent">
          <mat-option value="" i18n="@@cms.menuTopLevel">Aucune entrée (premier niveau)</mat-option>
          @for (choice of parents(); track choice.key) {
            <mat-option [value]="choice.key">{{ choice.label }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label i18n="@@cms.menuLabel">Libellé</mat-label>
        <input matInput formControlName="label" required maxlength="100" data-focus="new-label" />
        @if (form.controls.label.invalid) {
          <mat-error>{{ errorText(form.controls.label) }}</mat-error>
        }
      </mat-form-field>
      <mat-form-field>
        <mat-label i18n="@@cms.menuTargetKind">Destination</mat-label>
        <mat-select formControlName="kind">
          <mat-option value="page" i18n="@@cms.menuTarget.page">Une page du site</mat-option>
          <mat-option value="category" i18n="@@cms.menuTarget.category">Une catégorie d'actualités</mat-option>
          <mat-option value="url" i18n="@@cms.menuTarget.url">Une adresse</mat-option>
        </mat-select>
      </mat-form-field>
      @switch (kind()) {
        @case ('page') {
          <mat-form-field>
            <mat-label i18n="@@cms.menuPage">Page</mat-label>
            <mat-select formControlName="contentId" required>
              @for (page of pages(); track page.id) {
                <mat-option [value]="page.id">{{ page.label }}</mat-option>
              }
            </mat-select>
            @if (form.controls.contentId.invalid) {
              <mat-error>{{ errorText(form.controls.contentId) }}</mat-error>
            }
          </mat-form-field>
        }
        @case ('category') {
          <mat-form-field>
            <mat-label i18n="@@cms.menuCategory">Catégorie</mat-label>
            <mat-select formControlName="categorySlug" required>
              @for (category of categories(); track category.id) {
                <mat-option [value]="category.slug">{{ category.name }}</mat-option>
              }
            </mat-select>
            @if (form.controls.categorySlug.invalid) {
              <mat-error>{{ errorText(form.controls.categorySlug) }}</mat-error>
            }
          </mat-form-field>
        }
        @default {
          <mat-form-field>
            <mat-label i18n="@@cms.menuUrl">Adresse</mat-label>
            <input matInput formControlName="url" required />
            @if (form.controls.url.invalid) {
              <mat-error>{{ urlError() }}</mat-error>
            }
          </mat-form-field>
        }
      }
      <div class="add-actions">
        <button mat-stroked-button type="submit" i18n="@@cms.addEntry">Ajouter l'entrée</button>
      </div>
    </form>

    <div class="save">
      <button mat-flat-button type="button" [disabled]="busy() || !dirty()" (click)="save()" i18n="@@cms.saveMenus">Enregistrer les menus</button>
      @if (dirty()) {
        <span class="unsaved" i18n="@@cms.menusUnsaved">Modifications non enregistrées</span>
      }
    </div>
  `,
  styles: `
    .menu { max-width: 960px; }
    .entries { padding-left: 24px; }
    .entries li { padding: 4px 0; }
    .entries .entries { border-left: 2px solid var(--mat-sys-outline-variant); margin: 4px 0; }
    .label:focus { outline: 2px solid var(--mat-sys-primary); outline-offset: 2px; }
    .label { font-weight: 500; margin-right: 12px; }
    .target { color: var(--mat-sys-on-surface-variant); margin-right: 12px; }
    .buttons { display: inline-flex; flex-wrap: wrap; vertical-align: middle; }
    .row-error { color: var(--mat-sys-error); margin: 0; }
    .add { display: flex; flex-wrap: wrap; gap: 8px 16px; max-width: 960px; align-items: flex-start; }
    .add h2 { flex-basis: 100%; }
    .add mat-form-field { flex: 1 1 220px; }
    .add-actions { flex-basis: 100%; }
    .save { display: flex; gap: 16px; align-items: center; margin-top: 24px; }
    .unsaved { color: var(--mat-sys-on-surface-variant); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SiteMenusEditor {
  private readonly api = inject(Api);
  private readonly state = inject(SiteAdminState);
  private readonly toaster = inject(Toaster);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly menuNames: ReadonlyArray<{ name: MenuName; label: string }> = [
    { name: 'main', label: $localize`:@@cms.mainMenu:Menu principal` },
    { name: 'footer', label: $localize`:@@cms.footerMenu:Menu du pied de page` },
  ];
  protected readonly menus = signal<SiteMenus>({ main: [], footer: [] });
  protected readonly rows = computed(() => ({ main: menuRows(this.menus().main), footer: menuRows(this.menus().footer) }));
  protected readonly dirty = signal(false);
  protected readonly busy = signal(false);
  protected readonly alerts = signal<string[]>([]);
  protected readonly rowErrors = signal(new Map<string, string[]>());
  protected readonly pages = signal<PageChoice[]>([]);
  protected readonly categories = signal<CmsCategory[]>([]);
  private readonly pageTitles = computed(() => new Map(this.pages().map((page) => [page.id, page.label.replace(/^(— )+/, '')])));
  protected readonly form = inject(NonNullableFormBuilder).group({
    menu: ['main' as MenuName],
    parent: [''],
    label: ['', [Validators.required, Validators.maxLength(100)]],
    kind: ['page' as TargetKind],
    contentId: ['', Validators.required],
    categorySlug: ['', Validators.required],
    url: ['', [Validators.required, Validators.pattern(/^(https?:\/\/\S+|\/\S*)$/)]],
  });
  protected readonly kind = signal<TargetKind>('page');
  private readonly chosenMenu = signal<MenuName>('main');
  /** Entries of the chosen menu that can take a sub-entry. */
  protected readonly parents = computed(() => parentChoices(this.menus()[this.chosenMenu()]));
  protected readonly errorText = fieldErrorText;
  private loadedFor: string | null = null;

  constructor() {
    this.form.controls.kind.valueChanges.subscribe((kind) => this.kind.set(kind));
    this.form.controls.menu.valueChanges.subscribe((menu) => {
      this.chosenMenu.set(menu);
      this.form.controls.parent.setValue('');
    });
    effect(() => {
      const site = this.state.site();
      if (!site) return;
      if (!this.dirty()) this.menus.set(structuredClone(site.menus));
      if (this.loadedFor !== site.id) {
        this.loadedFor = site.id;
        void this.loadTargets(site.id);
      }
    });
  }

  protected targetText(item: MenuItem): string {
    if (item.contentId) return $localize`:@@cms.menuToPage:page « ${this.pageTitles().get(item.contentId) ?? '?'}:title: »`;
    const category = /^\/categories\/([a-z0-9-]+)$/.exec(item.url ?? '');
    const name = category ? this.categories().find((c) => c.slug === category[1])?.name : undefined;
    return name ? $localize`:@@cms.menuToCategory:catégorie « ${name}:name: »` : (item.url ?? '');
  }

  protected moveUpLabel(item: MenuItem): string {
    return $localize`:@@cms.moveUpItem:Monter « ${item.label}:label: »`;
  }

  protected moveDownLabel(item: MenuItem): string {
    return $localize`:@@cms.moveDownItem:Descendre « ${item.label}:label: »`;
  }

  protected removeLabel(item: MenuItem): string {
    return $localize`:@@cms.removeItem:Retirer « ${item.label}:label: »`;
  }

  protected indentLabel(item: MenuItem, under: MenuItem): string {
    return $localize`:@@cms.menuIndentItem:Décaler à droite « ${item.label}:label: » : sous-entrée de « ${under.label}:parent: »`;
  }

  protected outdentLabel(item: MenuItem, parent: MenuItem): string {
    return $localize`:@@cms.menuOutdentItem:Décaler à gauche « ${item.label}:label: » : sortir de « ${parent.label}:parent: »`;
  }

  protected addChildLabel(item: MenuItem): string {
    return $localize`:@@cms.menuAddChildItem:Ajouter une sous-entrée à « ${item.label}:label: »`;
  }

  /** The template context is untyped: rows come back as what `rows()` built. */
  protected asRows(rows: unknown): MenuRow[] {
    return rows as MenuRow[];
  }

  protected urlError(): string {
    return this.form.controls.url.errors?.['pattern']
      ? $localize`:@@cms.urlFormat:Indiquez une adresse commençant par https://, http:// ou / (page du site).`
      : fieldErrorText(this.form.controls.url);
  }

  protected move(menu: MenuName, row: MenuRow, delta: -1 | 1): void {
    const change = moveEntry(this.tree(menu), row.path, delta);
    const edge = (delta < 0 && change.path[change.path.length - 1] === 0) || (delta > 0 && this.isLast(change.items, change.path));
    this.apply(menu, change, edge ? 'label' : delta < 0 ? 'up' : 'down');
  }

  protected indent(menu: MenuName, row: MenuRow): void {
    this.apply(menu, indentEntry(this.tree(menu), row.path), 'label');
  }

  protected outdent(menu: MenuName, row: MenuRow): void {
    this.apply(menu, outdentEntry(this.tree(menu), row.path), 'label');
  }

  protected remove(menu: MenuName, row: MenuRow): void {
    this.change(menu, removeEntry(this.tree(menu), row.path));
    this.resetParent();
    const parent = row.path.slice(0, -1);
    // Focus the entry that took its place, else the previous one, else the parent's label.
    const siblings = this.childrenAt(menu, parent);
    const index = row.path[row.path.length - 1]!;
    const next = index < siblings.length ? [...parent, index] : index > 0 ? [...parent, index - 1] : parent;
    if (next.length > 0) this.focus(`${menu}/${pathKey(next)}/label`);
  }

  /** Prepares the add form for a sub-entry of `row` and puts the focus on its label. */
  protected addUnder(menu: MenuName, row: MenuRow): void {
    this.form.controls.menu.setValue(menu);
    this.form.controls.parent.setValue(row.key);
    this.focus('new-label', true);
  }

  protected add(): void {
    const { menu, parent, label, kind, contentId, categorySlug, url } = this.form.getRawValue();
    const target = { page: this.form.controls.contentId, category: this.form.controls.categorySlug, url: this.form.controls.url }[kind];
    if (this.form.controls.label.invalid || target.invalid) {
      this.form.controls.label.markAsTouched();
      target.markAsTouched();
      return;
    }
    const item: MenuItem = kind === 'page' ? { label: label.trim(), contentId } : { label: label.trim(), url: kind === 'category' ? `/categories/${categorySlug}` : url.trim() };
    this.change(menu, addEntry(this.tree(menu), parsePathKey(parent), item).items);
    // The parent stays chosen: adding to the end of a list moves no other entry.
    this.form.reset({ menu, parent, kind });
  }

  protected async save(): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.alerts.set([]);
    this.rowErrors.set(new Map());
    try {
      const site = await this.state.save({ menus: this.menus() });
      this.dirty.set(false);
      this.menus.set(structuredClone(site.menus));
      this.toaster.success($localize`:@@cms.menusSaved:Menus enregistrés : le site public est à jour.`);
    } catch (failure) {
      if (!(failure instanceof ApiProblem)) {
        this.toaster.error(failure);
      } else if (failure.status === 412) {
        this.alerts.set([$localize`:@@cms.siteStale:Ce site a été modifié par quelqu'un d'autre entre-temps. Rechargez la page.`]);
      } else {
        const { rows, other } = menuRowErrors(failure.errors);
        this.rowErrors.set(rows);
        this.alerts.set([problemMessage(failure), ...other]);
      }
    } finally {
      this.busy.set(false);
    }
  }

  private tree(menu: MenuName): MenuItem[] {
    return this.menus()[menu] as MenuItem[];
  }

  private childrenAt(menu: MenuName, path: MenuPath): MenuItem[] {
    let level = this.tree(menu);
    for (const index of path) level = level[index]?.children ?? [];
    return level;
  }

  private isLast(items: MenuItem[], path: MenuPath): boolean {
    let level = items;
    for (const index of path.slice(0, -1)) level = level[index]?.children ?? [];
    return path[path.length - 1] === level.length - 1;
  }

  /** Applies a structural change and keeps the focus on the entry that moved. */
  private apply(menu: MenuName, change: MenuChange, focusOn: 'up' | 'down' | 'label'): void {
    this.change(menu, change.items);
    this.resetParent();
    this.focus(`${menu}/${pathKey(change.path)}/${focusOn}`);
  }

  private change(menu: MenuName, items: MenuItem[]): void {
    this.menus.set({ ...this.menus(), [menu]: items });
    this.rowErrors.set(new Map());
    this.dirty.set(true);
  }

  /** Paths change with the tree: the « placer sous » choice only survives additions. */
  private resetParent(): void {
    this.form.controls.parent.setValue('');
  }

  private focus(target: string, immediate = false): void {
    const run = () => this.host.nativeElement.querySelector<HTMLElement>(`[data-focus="${target}"]`)?.focus();
    if (immediate) run();
    else afterNextRender(run, { injector: this.injector });
  }

  private async loadTargets(siteId: string): Promise<void> {
    try {
      const [tree, categories] = await Promise.all([
        this.api.unwrap(this.api.client.GET('/api/v1/cms/sites/{siteId}/page-tree', { params: { path: { siteId } } })),
        this.api.unwrap(this.api.client.GET('/api/v1/cms/sites/{siteId}/categories', { params: { path: { siteId } } })),
      ]);
      this.pages.set(pageChoices(tree.items));
      this.categories.set(categories.items);
    } catch (error) {
      this.toaster.error(error);
    }
  }
}
