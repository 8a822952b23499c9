import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Api } from '../../../core/api/api';
import type { ItemOf, QueryOf } from '../../../core/api/api-types';
import { DataTable, type PageFetcher, type TableColumn, type TableFilter } from '../../../shared/data-table/data-table';
import { Toaster } from '../../../shared/toast/toaster';
import { formatDateTime } from '../cms-labels';
import { uploadMedia } from '../editor/media-upload';

type MediaFile = ItemOf<'/api/v1/media'>;
const MEDIA_PATH = '/api/v1/media';

function sizeOf(bytes: number): string {
  if (bytes < 1024) return `${bytes} o`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} Ko`;
  return `${(bytes / 1024 / 1024).toFixed(1)} Mo`;
}

/** The media library: upload (with progress; images need an alt text) and browse the files. */
@Component({
  selector: 'mx-cms-media-library',
  imports: [FormsModule, DataTable, MatButton, MatFormField, MatLabel, MatHint, MatInput, MatProgressBar],
  template: `
    <section class="page">
      <div class="page-header">
        <h1 i18n="@@media.title">Médiathèque</h1>
      </div>
      <form class="upload" (ngSubmit)="upload(fileInput)" aria-labelledby="media-upload-title">
        <h2 id="media-upload-title" i18n="@@media.uploadTitle">Ajouter un fichier</h2>
        <div class="row">
          <div class="file">
            <label for="media-file" i18n="@@media.file">Fichier (image, PDF, document)</label>
            <input #fileInput id="media-file" type="file" (change)="pick($event)" />
          </div>
          <mat-form-field subscriptSizing="dynamic">
            <mat-label i18n="@@media.alt">Texte alternatif (obligatoire)</mat-label>
            <input matInput name="alt" [(ngModel)]="alt" maxlength="500" />
            <mat-hint i18n="@@media.altHint">Décrit l'image pour qui ne la voit pas (obligatoire pour les images).</mat-hint>
          </mat-form-field>
          <mat-form-field subscriptSizing="dynamic">
            <mat-label i18n="@@media.fileTitle">Titre</mat-label>
            <input matInput name="title" [(ngModel)]="title" maxlength="200" />
          </mat-form-field>
          <button mat-flat-button type="submit" [disabled]="!file() || progress() !== null" i18n="@@media.send">Téléverser</button>
        </div>
        @if (altError()) {
          <p class="error" role="alert">{{ altError() }}</p>
        }
        @if (progress() !== null) {
          <mat-progress-bar mode="determinate" [value]="progress()" i18n-aria-label="@@media.uploading" aria-label="Téléversement en cours" />
          <p role="status">{{ progress() }} %</p>
        }
      </form>
      <mx-data-table
        i18n-caption="@@media.title"
        caption="Médiathèque"
        [columns]="columns"
        [filters]="filters"
        [fetchPage]="fetchPage"
        [refresh]="refresh()"
        defaultSort="-createdAt"
        i18n-emptyText="@@media.none"
        emptyText="Aucun fichier dans la médiathèque."
      />
    </section>
  `,
  styles: `
    .upload { margin-bottom: 24px; padding: 16px; border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; }
    h2 { font: var(--mat-sys-title-medium); margin: 0 0 8px; }
    .row { display: flex; flex-wrap: wrap; gap: 16px; align-items: center; }
    .error { color: var(--mat-sys-error); }
    .file { display: flex; flex-direction: column; gap: 4px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MediaLibrary {
  private readonly api = inject(Api);
  private readonly toaster = inject(Toaster);
  protected readonly file = signal<File | null>(null);
  protected readonly progress = signal<number | null>(null);
  protected readonly refresh = signal(0);
  protected readonly altError = signal('');
  protected alt = '';
  protected title = '';

  protected readonly columns: ReadonlyArray<TableColumn<MediaFile>> = [
    { key: 'originalFilename', label: $localize`:@@media.name:Fichier`, cell: (m) => m.title ?? m.originalFilename },
    { key: 'kind', label: $localize`:@@media.kind:Type`, cell: (m) => (m.kind === 'image' ? $localize`:@@media.image:Image` : m.mimeType) },
    { key: 'alt', label: $localize`:@@media.altShort:Texte alternatif`, cell: (m) => m.alt ?? '—' },
    { key: 'byteSize', label: $localize`:@@media.size:Taille`, sortable: true, cell: (m) => sizeOf(m.byteSize) },
    { key: 'createdAt', label: $localize`:@@media.createdAt:Ajouté le`, sortable: true, cell: (m) => formatDateTime(m.createdAt) },
  ];

  protected readonly filters: readonly TableFilter[] = [
    { key: 'q', label: $localize`:@@media.search:Rechercher`, type: 'text' },
    { key: 'filter[kind]', label: $localize`:@@media.kind:Type`, type: 'select', options: [{ value: 'image', label: $localize`:@@media.image:Image` }, { value: 'file', label: $localize`:@@media.otherFile:Fichier` }] },
  ];

  protected readonly fetchPage: PageFetcher<MediaFile> = async (query) => {
    const page = await this.api.unwrap(this.api.client.GET(MEDIA_PATH, { params: { query: query as unknown as QueryOf<typeof MEDIA_PATH> } }));
    return page as Exclude<typeof page, string>;
  };

  protected pick(event: Event): void {
    this.file.set((event.target as HTMLInputElement).files?.[0] ?? null);
  }

  protected async upload(input: HTMLInputElement): Promise<void> {
    const file = this.file();
    if (!file) return;
    if (file.type.startsWith('image/') && this.alt.trim() === '') {
      this.altError.set($localize`:@@media.altRequired:Le texte alternatif est obligatoire pour une image.`);
      return;
    }
    this.altError.set('');
    this.progress.set(0);
    try {
      await uploadMedia(file, this.api.csrfToken(), (percent) => this.progress.set(percent), { alt: this.alt.trim(), title: this.title.trim() });
      this.toaster.success($localize`:@@media.uploaded:Fichier ajouté à la médiathèque.`);
      this.alt = '';
      this.title = '';
      this.file.set(null);
      input.value = '';
      this.refresh.update((n) => n + 1);
    } catch (error) {
      this.toaster.error(error);
    } finally {
      this.progress.set(null);
    }
  }
}
