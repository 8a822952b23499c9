import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatInput } from '@angular/material/input';
import { firstValueFrom } from 'rxjs';
import { MatOption, MatSelect } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { Api } from '../../../core/api/api';
import { ApiProblem } from '../../../core/api/api-problem';
import { problemMessage } from '../../../core/api/problem-messages';
import { Session } from '../../../core/auth/session';
import { FormAlert } from '../../../shared/form/form-alert';
import { fieldErrorText } from '../../../shared/form/server-errors';
import { LoadingState } from '../../../shared/states/loading-state';
import { Toaster } from '../../../shared/toast/toaster';
import { KIND_LABELS, STATUS_LABELS, formatDateTime } from '../cms-labels';
import type { CmsCategory, CmsContent, ContentKind, RichTextDoc } from '../cms-types';
import { SyndicationPanel } from '../syndication/syndication-panel';
import { contentForm, fillForm, pageChoices, spreadProblems, tagsOf, type PageChoice } from './content-form';
import { MediaPickerDialog, type MediaPickerOptions, type PickedMedia } from './media-picker-dialog';
import { RichTextEditor } from './rich-text-editor';
import type { HasUnsavedChanges } from './unsaved-changes.guard';
import { WorkflowActions } from './workflow-actions';

const EMPTY_DOC = { type: 'doc', content: [{ type: 'paragraph' }] } as RichTextDoc;

/**
 * Writes a page or an article: `/cms/sites/:siteId/new/:kind` creates it (revision 1), then
 * `/cms/contents/:id` saves revisions (JSON Merge Patch with If-Match) and runs the workflow.
 */
@Component({
  selector: 'mx-cms-content-editor',
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatInput,
    MatError,
    MatHint,
    MatSelect,
    MatOption,
    MatButton,
    MatAnchor,
    RouterLink,
    FormAlert,
    LoadingState,
    RichTextEditor,
    MatCheckbox,
    WorkflowActions,
    SyndicationPanel,
  ],
  templateUrl: './content-editor.html',
  styles: `
    .meta { display: flex; flex-wrap: wrap; gap: 8px 24px; margin: 0 0 16px; color: var(--mat-sys-on-surface-variant); }
    .status { font-weight: 600; color: var(--mat-sys-on-surface); }
    .form-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(280px, 1fr)); gap: 16px; }
    .wide { grid-column: 1 / -1; }
    .cover { display: flex; flex-wrap: wrap; align-items: center; gap: 12px; }
    .cover img { max-height: 80px; border-radius: 4px; }
    .field-error { color: var(--mat-sys-error); }
    .body-label { font: var(--mat-sys-title-medium); margin: 16px 0 8px; }
    .actions { display: flex; flex-wrap: wrap; gap: 8px; justify-content: flex-end; margin: 16px 0; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContentEditor implements HasUnsavedChanges {
  private readonly api = inject(Api);
  private readonly router = inject(Router);
  private readonly toaster = inject(Toaster);
  private readonly session = inject(Session);
  private readonly dialog = inject(MatDialog);

  /** Route params: `id` when editing; `siteId` and `kind` when creating. */
  readonly id = input<string | undefined>(undefined);
  readonly siteId = input<string | undefined>(undefined);
  readonly kind = input<string | undefined>(undefined);

  protected readonly content = signal<CmsContent | null>(null);
  private readonly etag = signal<string | null>(null);
  protected readonly creating = computed(() => this.id() === undefined);
  protected readonly currentKind = computed<ContentKind>(() => this.content()?.kind ?? ((this.kind() === 'page' || this.kind() === 'document' ? this.kind() : 'article') as ContentKind));
  protected readonly heading = computed(() => {
    const content = this.content();
    if (content) return content.title;
    const kind = this.currentKind();
    if (kind === 'document') return $localize`:@@cms.newDocument:Nouveau document`;
    return kind === 'page' ? $localize`:@@cms.newPage:Nouvelle page` : $localize`:@@cms.newArticle:Nouvel article`;
  });
  protected readonly categories = signal<CmsCategory[]>([]);
  protected readonly parentPages = signal<PageChoice[]>([]);
  /** The cover image id, as a signal for the OnPush template (the form control holds the value sent). */
  protected readonly cover = signal<string | null>(null);
  /** Documents: the name of the chosen file (or its id when loaded from the server). */
  protected readonly documentName = signal<string | null>(null);
  protected readonly bodyValue = signal<RichTextDoc>(EMPTY_DOC);
  private body: RichTextDoc = EMPTY_DOC;
  protected readonly bodyDirty = signal(false);
  protected readonly bodyProblems = signal<string[]>([]);
  protected readonly alerts = signal<string[]>([]);
  protected readonly busy = signal(false);
  protected readonly loading = signal(false);
  protected readonly form = contentForm();
  protected readonly canEdit = computed(() => this.session.me()?.permissions.includes('cms.content.edit') ?? false);
  protected readonly canPublish = computed(() => this.session.me()?.permissions.includes('cms.content.publish') ?? false);
  protected readonly statusLabel = computed(() => STATUS_LABELS[this.content()?.status ?? 'draft']);
  protected readonly kindLabel = computed(() => KIND_LABELS[this.currentKind()]);
  protected readonly formatDateTime = formatDateTime;

  constructor() {
    effect(() => {
      const id = this.id();
      if (id) void this.load(id);
    });
    effect(() => {
      const siteId = this.content()?.siteId ?? this.siteId();
      if (siteId) void this.loadCategories(siteId);
    });
    effect(() => {
      const siteId = this.siteId();
      if (siteId && this.creating() && this.currentKind() === 'page') void this.loadPages(siteId);
    });
  }

  protected errorText(name: keyof typeof this.form.controls): string {
    return fieldErrorText(this.form.controls[name]);
  }

  protected onBody(doc: RichTextDoc): void {
    this.body = doc;
    this.bodyDirty.set(true);
    this.bodyProblems.set([]);
  }

  protected dirty(): boolean {
    return this.form.dirty || this.bodyDirty();
  }

  /** For the leave guard. */
  hasUnsavedChanges(): boolean {
    return this.dirty() && !this.busy();
  }

  async load(id: string): Promise<void> {
    this.loading.set(true);
    try {
      const { data, etag } = await this.api.unwrapWithEtag(this.api.client.GET('/api/v1/cms/contents/{id}', { params: { path: { id } }, cache: 'no-store' }));
      this.show(data, etag);
    } catch (error) {
      this.toaster.error(error);
    } finally {
      this.loading.set(false);
    }
  }

  private show(content: CmsContent, etag: string | null): void {
    this.content.set(content);
    this.etag.set(etag ?? `"${content.version}"`);
    fillForm(this.form, content);
    this.cover.set(content.fields.coverMediaId ?? null);
    this.documentName.set(content.fields.documentMediaId ?? null);
    this.body = content.body;
    this.bodyValue.set(content.body);
    this.bodyDirty.set(false);
  }

  private async loadCategories(siteId: string): Promise<void> {
    try {
      const page = await this.api.unwrap(this.api.client.GET('/api/v1/cms/sites/{siteId}/categories', { params: { path: { siteId } } }));
      this.categories.set((page as { items: CmsCategory[] }).items);
    } catch {
      this.categories.set([]);
    }
  }

  private async loadPages(siteId: string): Promise<void> {
    try {
      const tree = await this.api.unwrap(this.api.client.GET('/api/v1/cms/sites/{siteId}/page-tree', { params: { path: { siteId } } }));
      this.parentPages.set(pageChoices(tree.items));
    } catch {
      this.parentPages.set([]);
    }
  }

  protected async save(): Promise<boolean> {
    if (this.busy()) return false;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.alerts.set([$localize`:@@cms.formInvalid:Certains champs sont à corriger avant d'enregistrer.`]);
      return false;
    }
    this.busy.set(true);
    this.alerts.set([]);
    this.bodyProblems.set([]);
    try {
      if (this.creating()) {
        const created = await this.api.unwrap(
          this.api.client.POST('/api/v1/cms/sites/{siteId}/contents', { params: { path: { siteId: this.siteId()! } }, body: { kind: this.currentKind(), ...this.values() } as never }),
        );
        this.toaster.success($localize`:@@cms.created:Contenu créé (révision 1).`);
        this.form.markAsPristine();
        this.bodyDirty.set(false);
        await this.router.navigate(['/cms/contents', (created as CmsContent).id], { replaceUrl: true });
        return true;
      }
      const content = this.content()!;
      const { data, etag } = await this.api.unwrapWithEtag(
        this.api.client.PATCH('/api/v1/cms/contents/{id}', {
          params: { path: { id: content.id }, header: { 'if-match': this.etag() ?? '*' } },
          body: this.values() as never,
          headers: { 'content-type': 'application/merge-patch+json' },
        }),
      );
      this.show(data, etag);
      this.toaster.success($localize`:@@cms.saved:Enregistré.`);
      return true;
    } catch (failure) {
      this.onError(failure);
      return false;
    } finally {
      this.busy.set(false);
    }
  }

  private values(): Record<string, unknown> {
    const value = this.form.getRawValue();
    const values: Record<string, unknown> = {
      title: value.title,
      summary: value.summary.trim() === '' ? null : value.summary,
      visibility: value.visibility,
      featured: value.featured,
      body: this.body,
    };
    if (value.slug.trim() !== '') values['slug'] = value.slug.trim();
    if (this.creating() && this.currentKind() === 'page' && value.parentId) values['parentId'] = value.parentId;
    if (this.currentKind() === 'article') {
      values['fields'] = { ...(this.content()?.fields ?? {}), categoryIds: value.categoryIds, tags: tagsOf(value.tags), coverMediaId: value.coverMediaId, author: value.author.trim() === '' ? null : value.author.trim() };
    }
    if (this.currentKind() === 'document') values['fields'] = { ...(this.content()?.fields ?? {}), documentMediaId: value.documentMediaId };
    return values;
  }

  private onError(failure: unknown): void {
    if (!(failure instanceof ApiProblem)) {
      this.toaster.error(failure);
      return;
    }
    if (failure.status === 412) {
      this.alerts.set([$localize`:@@cms.stale:Ce contenu a été modifié par quelqu'un d'autre entre-temps. Rechargez la page pour voir sa dernière version.`]);
      return;
    }
    const { body, other } = spreadProblems(this.form, failure.errors);
    this.bodyProblems.set(body);
    const alerts = other.length > 0 || failure.errors.length === 0 ? [problemMessage(failure), ...other] : [$localize`:@@cms.formInvalid:Certains champs sont à corriger avant d'enregistrer.`];
    this.alerts.set(alerts);
  }

  /** Workflow buttons report back: the server answered with the new state. */
  protected onWorkflow(): void {
    const id = this.content()?.id;
    if (id) void this.load(id);
  }

  protected async pickCover(): Promise<void> {
    const ref = this.dialog.open<MediaPickerDialog, void, PickedMedia | undefined>(MediaPickerDialog, { width: '720px' });
    const picked = await firstValueFrom(ref.afterClosed());
    if (!picked) return;
    this.form.controls.coverMediaId.setValue(picked.id);
    this.form.controls.coverMediaId.markAsDirty();
    this.cover.set(picked.id);
  }

  protected async pickDocument(): Promise<void> {
    const ref = this.dialog.open<MediaPickerDialog, MediaPickerOptions, PickedMedia | undefined>(MediaPickerDialog, { width: '720px', data: { kind: 'file' } });
    const picked = await firstValueFrom(ref.afterClosed());
    if (!picked) return;
    this.form.controls.documentMediaId.setValue(picked.id);
    this.form.controls.documentMediaId.markAsDirty();
    this.documentName.set(picked.name);
  }

  protected removeCover(): void {
    this.form.controls.coverMediaId.setValue(null);
    this.form.controls.coverMediaId.markAsDirty();
    this.cover.set(null);
  }

  protected async preview(): Promise<void> {
    const content = this.content();
    if (!content) return;
    // Opened before the await so the browser does not treat it as an unrequested pop-up.
    const tab = window.open('', '_blank');
    try {
      const link = await this.api.unwrap(this.api.client.POST('/api/v1/cms/contents/{id}/preview-link', { params: { path: { id: content.id } } }));
      if (tab) {
        tab.opener = null;
        tab.location.href = link.url;
      } else window.open(link.url, '_blank', 'noopener');
    } catch (error) {
      tab?.close();
      this.toaster.error(error);
    }
  }
}
