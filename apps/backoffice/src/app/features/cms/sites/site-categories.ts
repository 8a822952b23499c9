import { ChangeDetectionStrategy, Component, effect, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators, type FormGroup } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Api } from '../../../core/api/api';
import { ApiProblem } from '../../../core/api/api-problem';
import { problemMessage } from '../../../core/api/problem-messages';
import { Confirm } from '../../../shared/confirm/confirm-dialog';
import { FormAlert } from '../../../shared/form/form-alert';
import { applyServerErrors, fieldErrorText } from '../../../shared/form/server-errors';
import { Toaster } from '../../../shared/toast/toaster';
import type { CmsCategory } from '../cms-types';
import { SiteAdminState } from './site-admin-state';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The article categories of a site: create, rename (name and slug), delete when unused. */
@Component({
  selector: 'mx-cms-site-categories',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatInput, MatError, MatHint, MatButton, FormAlert],
  template: `
    <mx-form-alert [messages]="alerts()" />
    <table class="categories">
      <caption class="visually-hidden" i18n="@@cms.categories">Catégories</caption>
      <thead>
        <tr>
          <th scope="col" i18n="@@cms.categoryName">Nom</th>
          <th scope="col" i18n="@@cms.categoryAddress">Adresse publique</th>
          <th scope="col"><span class="visually-hidden" i18n="@@cms.actions">Actions</span></th>
        </tr>
      </thead>
      <tbody>
        @for (category of categories(); track category.id) {
          <tr>
            @if (editing() === category.id) {
              <td colspan="3">
                <form [formGroup]="renameForm" (ngSubmit)="rename(category)" novalidate class="inline">
                  <mat-form-field>
                    <mat-label i18n="@@cms.categoryName">Nom</mat-label>
                    <input matInput formControlName="name" required />
                    @if (renameForm.controls.name.invalid) {
                      <mat-error>{{ errorText(renameForm.controls.name) }}</mat-error>
                    }
                  </mat-form-field>
                  <mat-form-field>
                    <mat-label i18n="@@cms.categorySlug">Identifiant</mat-label>
                    <input matInput formControlName="slug" required />
                    @if (renameForm.controls.slug.invalid) {
                      <mat-error>{{ errorText(renameForm.controls.slug) }}</mat-error>
                    }
                  </mat-form-field>
                  <button mat-flat-button type="submit" [disabled]="busy()" i18n="@@cms.save">Enregistrer</button>
                  <button mat-button type="button" (click)="editing.set(null)" i18n="@@confirm.cancel">Annuler</button>
                </form>
              </td>
            } @else {
              <td>{{ category.name }}</td>
              <td>/categories/{{ category.slug }}</td>
              <td class="row-actions">
                <button mat-button type="button" (click)="startRename(category)" [attr.aria-label]="renameLabel(category)" i18n="@@cms.rename">Renommer</button>
                <button mat-button type="button" (click)="remove(category)" [attr.aria-label]="deleteLabel(category)" i18n="@@cms.delete">Supprimer</button>
              </td>
            }
          </tr>
        } @empty {
          <tr><td colspan="3" i18n="@@cms.noCategory">Aucune catégorie pour le moment.</td></tr>
        }
      </tbody>
    </table>

    <form [formGroup]="createForm" (ngSubmit)="create()" novalidate class="create">
      <h2 i18n="@@cms.newCategory">Nouvelle catégorie</h2>
      <mat-form-field>
        <mat-label i18n="@@cms.categoryName">Nom</mat-label>
        <input matInput formControlName="name" required />
        @if (createForm.controls.name.invalid) {
          <mat-error>{{ errorText(createForm.controls.name) }}</mat-error>
        }
      </mat-form-field>
      <mat-form-field>
        <mat-label i18n="@@cms.categorySlug">Identifiant</mat-label>
        <input matInput formControlName="slug" />
        <mat-hint i18n="@@cms.categorySlugHint">Vide : tiré du nom.</mat-hint>
        @if (createForm.controls.slug.invalid) {
          <mat-error>{{ errorText(createForm.controls.slug) }}</mat-error>
        }
      </mat-form-field>
      <div class="create-actions">
        <button mat-flat-button type="submit" [disabled]="busy()" i18n="@@cms.createCategory">Créer la catégorie</button>
      </div>
    </form>
  `,
  styles: `
    .categories { border-collapse: collapse; width: 100%; max-width: 960px; margin-top: 16px; }
    .categories th, .categories td { text-align: left; padding: 8px; border-bottom: 1px solid var(--mat-sys-outline-variant); }
    .row-actions { text-align: right; white-space: nowrap; }
    .inline, .create { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: flex-start; }
    .create { max-width: 960px; }
    .create h2, .create-actions { flex-basis: 100%; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SiteCategories {
  private readonly api = inject(Api);
  private readonly state = inject(SiteAdminState);
  private readonly toaster = inject(Toaster);
  private readonly confirm = inject(Confirm);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly categories = signal<CmsCategory[]>([]);
  protected readonly editing = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly alerts = signal<string[]>([]);
  protected readonly createForm = this.fb.group({ name: ['', [Validators.required, Validators.maxLength(120)]], slug: ['', Validators.pattern(SLUG)] });
  protected readonly renameForm = this.fb.group({ name: ['', [Validators.required, Validators.maxLength(120)]], slug: ['', [Validators.required, Validators.pattern(SLUG)]] });
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

  protected renameLabel(category: CmsCategory): string {
    return $localize`:@@cms.renameCategory:Renommer la catégorie « ${category.name}:name: »`;
  }

  protected deleteLabel(category: CmsCategory): string {
    return $localize`:@@cms.deleteCategory:Supprimer la catégorie « ${category.name}:name: »`;
  }

  protected startRename(category: CmsCategory): void {
    this.alerts.set([]);
    this.renameForm.reset({ name: category.name, slug: category.slug });
    this.editing.set(category.id);
  }

  protected async create(): Promise<void> {
    const siteId = this.state.site()?.id;
    if (!siteId || !this.valid(this.createForm)) return;
    const { name, slug } = this.createForm.getRawValue();
    await this.run(this.createForm, async () => {
      await this.api.unwrap(this.api.client.POST('/api/v1/cms/sites/{siteId}/categories', { params: { path: { siteId } }, body: { name: name.trim(), ...(slug ? { slug } : {}) } }));
      this.createForm.reset();
      this.toaster.success($localize`:@@cms.categoryCreated:Catégorie créée.`);
    });
  }

  protected async rename(category: CmsCategory): Promise<void> {
    if (!this.valid(this.renameForm)) return;
    const { name, slug } = this.renameForm.getRawValue();
    await this.run(this.renameForm, async () => {
      await this.api.unwrap(
        this.api.client.PATCH('/api/v1/cms/categories/{categoryId}', {
          params: { path: { categoryId: category.id }, header: { 'if-match': `"${category.version}"` } },
          body: { name: name.trim(), slug } as never,
          headers: { 'content-type': 'application/merge-patch+json' },
        }),
      );
      this.editing.set(null);
      this.toaster.success($localize`:@@cms.categoryRenamed:Catégorie renommée.`);
    });
  }

  protected async remove(category: CmsCategory): Promise<void> {
    const confirmed = await this.confirm.ask({
      title: $localize`:@@cms.deleteCategoryTitle:Supprimer la catégorie ?`,
      message: $localize`:@@cms.deleteCategoryMessage:La catégorie « ${category.name}:name: » sera supprimée. Les liens de menu qui y mènent ne fonctionneront plus.`,
      confirmLabel: $localize`:@@cms.delete:Supprimer`,
      destructive: true,
    });
    if (!confirmed) return;
    await this.run(null, async () => {
      await this.api.unwrap(this.api.client.DELETE('/api/v1/cms/categories/{categoryId}', { params: { path: { categoryId: category.id }, header: { 'if-match': `"${category.version}"` } } }));
      this.toaster.success($localize`:@@cms.categoryDeleted:Catégorie supprimée.`);
    });
  }

  private valid(form: FormGroup): boolean {
    if (form.valid) return true;
    form.markAllAsTouched();
    return false;
  }

  /** Runs a change, then reloads the list; refusals land on the form's fields or in the alert. */
  private async run(form: FormGroup | null, change: () => Promise<void>): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.alerts.set([]);
    try {
      await change();
      await this.load();
    } catch (failure) {
      if (!(failure instanceof ApiProblem)) {
        this.toaster.error(failure);
      } else if (failure.code === 'category_in_use') {
        this.alerts.set([$localize`:@@cms.categoryInUse:Des contenus utilisent encore cette catégorie : retirez-la de ces contenus avant de la supprimer.`]);
      } else if (failure.status === 412) {
        this.alerts.set([$localize`:@@cms.categoryStale:Cette catégorie a été modifiée entre-temps. La liste a été rechargée.`]);
        await this.load();
      } else {
        const other = form ? applyServerErrors(form, failure.errors) : failure.errors.map((error) => error.message);
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
      const page = await this.api.unwrap(this.api.client.GET('/api/v1/cms/sites/{siteId}/categories', { params: { path: { siteId } }, cache: 'no-store' }));
      this.categories.set(page.items);
    } catch (error) {
      this.toaster.error(error);
    }
  }
}
