import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
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
import { menuRowErrors, moveItem, type MenuItem, type MenuName, type SiteMenus } from './menu-model';
import { SiteAdminState } from './site-admin-state';

type TargetKind = 'page' | 'category' | 'url';

/** The main and footer menus of a site: add entries (page, category or address), reorder, remove, save. */
@Component({
  selector: 'mx-cms-site-menus',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatInput, MatError, MatSelect, MatOption, MatButton, FormAlert],
  template: `
    <mx-form-alert [messages]="alerts()" />
    @for (menu of menuNames; track menu.name) {
      <section class="menu" [attr.aria-labelledby]="'menu-' + menu.name">
        <h2 [id]="'menu-' + menu.name">{{ menu.label }}</h2>
        @if (menus()[menu.name].length === 0) {
          <p class="empty" i18n="@@cms.menuEmpty">Aucune entrée.</p>
        } @else {
          <ol class="entries">
            @for (item of menus()[menu.name]; track $index; let i = $index, last = $last, first = $first) {
              <li>
                <span class="label">{{ item.label }}</span>
                <span class="target">{{ targetText(item) }}</span>
                @if (item.children?.length) {
                  <span class="target" i18n="@@cms.menuChildren">({{ item.children?.length }} sous-entrées)</span>
                }
                <span class="buttons">
                  <button mat-button type="button" [disabled]="first" (click)="move(menu.name, i, -1)" [attr.aria-label]="moveUpLabel(item)" i18n="@@cms.moveUp">Monter</button>
                  <button mat-button type="button" [disabled]="last" (click)="move(menu.name, i, 1)" [attr.aria-label]="moveDownLabel(item)" i18n="@@cms.moveDown">Descendre</button>
                  <button mat-button type="button" (click)="remove(menu.name, i)" [attr.aria-label]="removeLabel(item)" i18n="@@cms.remove">Retirer</button>
                </span>
                @for (message of rowErrors().get(menu.name + '/' + i) ?? []; track $index) {
                  <p class="row-error" role="alert">{{ message }}</p>
                }
              </li>
            }
          </ol>
        }
      </section>
    }

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
        <mat-label i18n="@@cms.menuLabel">Libellé</mat-label>
        <input matInput formControlName="label" required maxlength="100" />
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
    .label { font-weight: 500; margin-right: 12px; }
    .target { color: var(--mat-sys-on-surface-variant); margin-right: 12px; }
    .buttons { display: inline-flex; vertical-align: middle; }
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
  protected readonly menuNames: ReadonlyArray<{ name: MenuName; label: string }> = [
    { name: 'main', label: $localize`:@@cms.mainMenu:Menu principal` },
    { name: 'footer', label: $localize`:@@cms.footerMenu:Menu du pied de page` },
  ];
  protected readonly menus = signal<SiteMenus>({ main: [], footer: [] });
  protected readonly dirty = signal(false);
  protected readonly busy = signal(false);
  protected readonly alerts = signal<string[]>([]);
  protected readonly rowErrors = signal(new Map<string, string[]>());
  protected readonly pages = signal<PageChoice[]>([]);
  protected readonly categories = signal<CmsCategory[]>([]);
  private readonly pageTitles = computed(() => new Map(this.pages().map((page) => [page.id, page.label.replace(/^(— )+/, '')])));
  protected readonly form = inject(NonNullableFormBuilder).group({
    menu: ['main' as MenuName],
    label: ['', [Validators.required, Validators.maxLength(100)]],
    kind: ['page' as TargetKind],
    contentId: ['', Validators.required],
    categorySlug: ['', Validators.required],
    url: ['', [Validators.required, Validators.pattern(/^(https?:\/\/\S+|\/\S*)$/)]],
  });
  protected readonly kind = signal<TargetKind>('page');
  protected readonly errorText = fieldErrorText;
  private loadedFor: string | null = null;

  constructor() {
    this.form.controls.kind.valueChanges.subscribe((kind) => this.kind.set(kind));
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

  protected urlError(): string {
    return this.form.controls.url.errors?.['pattern']
      ? $localize`:@@cms.urlFormat:Indiquez une adresse commençant par https://, http:// ou / (page du site).`
      : fieldErrorText(this.form.controls.url);
  }

  protected move(menu: MenuName, index: number, delta: -1 | 1): void {
    this.change(menu, moveItem(this.menus()[menu], index, delta));
  }

  protected remove(menu: MenuName, index: number): void {
    this.change(menu, this.menus()[menu].filter((_, i) => i !== index));
  }

  protected add(): void {
    const { menu, label, kind, contentId, categorySlug, url } = this.form.getRawValue();
    const target = { page: this.form.controls.contentId, category: this.form.controls.categorySlug, url: this.form.controls.url }[kind];
    if (this.form.controls.label.invalid || target.invalid) {
      this.form.controls.label.markAsTouched();
      target.markAsTouched();
      return;
    }
    const item: MenuItem = kind === 'page' ? { label: label.trim(), contentId } : { label: label.trim(), url: kind === 'category' ? `/categories/${categorySlug}` : url.trim() };
    this.change(menu, [...this.menus()[menu], item]);
    this.form.reset({ menu, kind });
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

  private change(menu: MenuName, items: MenuItem[]): void {
    this.menus.set({ ...this.menus(), [menu]: items });
    this.rowErrors.set(new Map());
    this.dirty.set(true);
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
