import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Api } from '../../../core/api/api';
import type { ItemOf } from '../../../core/api/api-types';
import { Toaster } from '../../../shared/toast/toaster';
import { uploadMedia } from './media-upload';

type MediaFile = ItemOf<'/api/v1/media'>;
export interface PickedMedia {
  id: string;
  alt: string;
  name: string;
}

export interface MediaPickerOptions {
  /** `image` (default; alt text required) or `file` (documents). */
  kind: 'image' | 'file';
  /** Text of the confirm button (« Insérer » by default). */
  confirmLabel?: string;
}

/** Picks an image of the media library (or uploads one, with progress); the alt text is required. */
@Component({
  selector: 'mx-media-picker-dialog',
  imports: [FormsModule, MatDialogTitle, MatDialogContent, MatDialogActions, MatDialogClose, MatButton, MatFormField, MatLabel, MatInput, MatProgressBar],
  template: `
    @if (isImage) {
      <h2 mat-dialog-title i18n="@@media.pickTitle">Choisir une image de la médiathèque</h2>
    } @else {
      <h2 mat-dialog-title i18n="@@media.pickFileTitle">Choisir un fichier de la médiathèque</h2>
    }
    <mat-dialog-content>
      <div class="upload">
        <label for="media-upload" i18n="@@media.uploadAny">Téléverser un nouveau fichier</label>
        <input id="media-upload" type="file" [attr.accept]="isImage ? 'image/*' : null" (change)="upload($event)" [disabled]="progress() !== null" />
        @if (progress() !== null) {
          <mat-progress-bar mode="determinate" [value]="progress()" i18n-aria-label="@@media.uploading" aria-label="Téléversement en cours" />
        }
      </div>
      @if (images().length === 0) {
        <p i18n="@@media.pickerEmpty">Rien à choisir dans la médiathèque pour l’instant.</p>
      }
      <ul class="grid" role="listbox" i18n-aria-label="@@media.images" aria-label="Images">
        @for (image of images(); track image.id) {
          <li role="option" [attr.aria-selected]="selected()?.id === image.id">
            <button type="button" (click)="select(image)" [class.selected]="selected()?.id === image.id">
              @if (image.kind === 'image') {
                <img [src]="thumb(image)" [alt]="image.alt ?? ''" width="120" height="90" loading="lazy" />
              }
              <span>{{ image.title ?? image.originalFilename }}</span>
            </button>
          </li>
        }
      </ul>
      @if (selected() && isImage) {
        <mat-form-field class="alt">
          <mat-label i18n="@@media.alt">Texte alternatif (obligatoire)</mat-label>
          <input matInput name="alt" [(ngModel)]="alt" required maxlength="500" />
        </mat-form-field>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button mat-dialog-close i18n="@@confirm.cancel">Annuler</button>
      <button mat-flat-button type="button" [disabled]="!selected() || (isImage && alt.trim() === '')" (click)="confirm()">{{ confirmLabel }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    .upload { display: flex; flex-direction: column; gap: 8px; margin-bottom: 16px; }
    .grid { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(130px, 1fr)); gap: 8px; }
    .grid button { display: flex; flex-direction: column; align-items: center; gap: 4px; width: 100%; border: 2px solid transparent; background: none; padding: 4px; cursor: pointer; font: inherit; color: inherit; }
    .grid button.selected { border-color: var(--mat-sys-primary); }
    .grid img { object-fit: cover; }
    .grid span { font-size: 12px; overflow-wrap: anywhere; }
    .alt { width: 100%; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MediaPickerDialog {
  private readonly api = inject(Api);
  private readonly toaster = inject(Toaster);
  private readonly ref = inject(MatDialogRef<MediaPickerDialog, PickedMedia>);
  private readonly options = inject<MediaPickerOptions | null>(MAT_DIALOG_DATA, { optional: true });
  protected readonly isImage = (this.options?.kind ?? 'image') === 'image';
  protected readonly confirmLabel = this.options?.confirmLabel ?? $localize`:@@rte.insert:Insérer`;
  protected readonly images = signal<MediaFile[]>([]);
  protected readonly selected = signal<MediaFile | null>(null);
  protected readonly progress = signal<number | null>(null);
  protected alt = '';

  constructor() {
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const page = await this.api.unwrap(this.api.client.GET('/api/v1/media', { params: { query: { 'filter[kind]': this.isImage ? 'image' : 'file', limit: 48 } as never } }));
      this.images.set((page as { items: MediaFile[] }).items);
    } catch (error) {
      this.toaster.error(error);
    }
  }

  protected thumb(image: MediaFile): string {
    return image.variants[0]?.url ?? image.url;
  }

  protected select(image: MediaFile): void {
    this.selected.set(image);
    this.alt = image.alt ?? '';
  }

  protected async upload(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    this.progress.set(0);
    try {
      const created = await uploadMedia(file, this.api.csrfToken(), (percent) => this.progress.set(percent));
      this.images.update((images) => [created as MediaFile, ...images]);
      this.select(created as MediaFile);
    } catch (error) {
      this.toaster.error(error);
    } finally {
      this.progress.set(null);
      input.value = '';
    }
  }

  protected confirm(): void {
    const image = this.selected();
    if (image && (!this.isImage || this.alt.trim() !== '')) this.ref.close({ id: image.id, alt: this.alt.trim(), name: image.title ?? image.originalFilename });
  }
}
