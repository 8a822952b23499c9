import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Editor, type JSONContent } from '@tiptap/core';
import { firstValueFrom } from 'rxjs';
import type { RichTextDoc } from '../cms-types';
import { MediaPickerDialog, type PickedMedia } from './media-picker-dialog';
import { cmsExtensions, embedProviderOf, isAllowedHref } from './rich-text-extensions';

interface ToolbarButton {
  id: string;
  text: string;
  label: string;
  /** Mark or node name for aria-pressed; absent for plain actions. */
  active?: [string, Record<string, unknown>?];
  run: (editor: Editor) => void;
}

/**
 * The Tiptap body editor. Emits the ProseMirror JSON on every change; the toolbar is a labelled
 * `role="toolbar"` whose toggle buttons expose `aria-pressed` (French labels; keyboard: one Tab
 * stop with arrow keys inside the toolbar, Tiptap's shortcuts — Ctrl+B, Ctrl+I… — in the text).
 */
@Component({
  selector: 'mx-rich-text-editor',
  imports: [FormsModule, MatButton, MatFormField, MatLabel, MatInput],
  template: `
    <div class="rte" [class.invalid]="problems().length > 0">
      <div class="toolbar" role="toolbar" [attr.aria-label]="toolbarLabel" [attr.aria-controls]="editorId()" (keydown)="onToolbarKey($event)">
        @for (button of buttons; track button.id; let index = $index) {
          <button
            type="button"
            class="tool"
            [attr.tabindex]="index === focusIndex() ? 0 : -1"
            (focus)="focusIndex.set(index)"
            [attr.aria-label]="button.label"
            [attr.title]="button.label"
            [attr.aria-pressed]="button.active ? isActive(button) : null"
            [attr.data-tool]="button.id"
            (mousedown)="$event.preventDefault()"
            (click)="runTool(button)"
          ><span [class]="'glyph-' + button.id" aria-hidden="true">{{ button.text }}</span></button>
        }
      </div>
      @if (linkEditing()) {
        <form class="inline-form" (ngSubmit)="applyLink()">
          <mat-form-field subscriptSizing="dynamic">
            <mat-label i18n="@@rte.linkUrl">Adresse du lien (https://, mailto: ou /chemin)</mat-label>
            <input matInput name="href" [(ngModel)]="linkHref" cdkFocusInitial />
          </mat-form-field>
          <button mat-flat-button type="submit" i18n="@@rte.applyLink">Appliquer</button>
          <button mat-button type="button" (click)="removeLink()" i18n="@@rte.removeLink">Retirer le lien</button>
          <button mat-button type="button" (click)="linkEditing.set(false)" i18n="@@confirm.cancel">Annuler</button>
          @if (linkError()) {
            <p class="error" role="alert">{{ linkError() }}</p>
          }
        </form>
      }
      @if (embedEditing()) {
        <form class="inline-form" (ngSubmit)="applyEmbed()">
          <mat-form-field subscriptSizing="dynamic">
            <mat-label i18n="@@rte.embedUrl">Adresse de la vidéo (YouTube, Vimeo, Dailymotion)</mat-label>
            <input matInput name="embed" [(ngModel)]="embedUrl" />
          </mat-form-field>
          <button mat-flat-button type="submit" i18n="@@rte.insert">Insérer</button>
          <button mat-button type="button" (click)="embedEditing.set(false)" i18n="@@confirm.cancel">Annuler</button>
          @if (embedError()) {
            <p class="error" role="alert">{{ embedError() }}</p>
          }
        </form>
      }
      <div #host class="host"></div>
    </div>
    @if (problems().length > 0) {
      <ul class="problems" role="alert" [attr.id]="editorId() + '-errors'">
        @for (problem of problems(); track $index) {
          <li>{{ problem }}</li>
        }
      </ul>
    }
  `,
  styles: `
    .rte { border: 1px solid var(--mat-sys-outline); border-radius: 8px; overflow: hidden; }
    .rte.invalid { border-color: var(--mat-sys-error); }
    .toolbar { display: flex; flex-wrap: wrap; gap: 2px; padding: 4px; background: var(--mat-sys-surface-container); border-bottom: 1px solid var(--mat-sys-outline-variant); }
    .tool { min-width: 36px; height: 32px; padding: 0 8px; border: 1px solid transparent; border-radius: 4px; background: transparent; color: var(--mat-sys-on-surface); font: inherit; cursor: pointer; }
    .tool:hover { background: var(--mat-sys-surface-container-highest); }
    .tool:focus-visible { outline: 2px solid var(--mat-sys-primary); outline-offset: 1px; }
    .tool[aria-pressed='true'] { background: var(--mat-sys-secondary-container); color: var(--mat-sys-on-secondary-container); border-color: var(--mat-sys-outline); }
    .glyph-bold { font-weight: 700; }
    .glyph-italic { font-style: italic; }
    .glyph-underline { text-decoration: underline; }
    .glyph-strike { text-decoration: line-through; }
    .inline-form { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; padding: 8px; border-bottom: 1px solid var(--mat-sys-outline-variant); }
    .inline-form mat-form-field { min-width: 320px; flex: 1; }
    .host { padding: 8px 16px; min-height: 240px; }
    .host ::ng-deep .ProseMirror { min-height: 220px; outline: none; }
    .host ::ng-deep .ProseMirror:focus-visible { outline: 2px solid var(--mat-sys-primary); outline-offset: 4px; }
    .host ::ng-deep table { border-collapse: collapse; }
    .host ::ng-deep td, .host ::ng-deep th { border: 1px solid var(--mat-sys-outline); padding: 4px 8px; min-width: 60px; }
    .host ::ng-deep .cms-media-image { max-width: 100%; height: auto; }
    .host ::ng-deep .cms-embed { padding: 12px; background: var(--mat-sys-surface-container); border-radius: 4px; }
    .error, .problems { color: var(--mat-sys-error); }
    .problems { margin: 4px 0 0; padding-left: 20px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RichTextEditor {
  private readonly dialog = inject(MatDialog);
  private readonly host = viewChild.required<ElementRef<HTMLElement>>('host');

  /** The initial document; a new identity replaces the editor content (load, restore). */
  readonly value = input<RichTextDoc | null>(null);
  /** The id of the element that labels the editor (a visible heading or label). */
  readonly labelledBy = input.required<string>();
  readonly editorId = input('cms-body-editor');
  /** Server messages for the body (422 pointers under `/body`). */
  readonly problems = input<readonly string[]>([]);
  readonly changed = output<RichTextDoc>();

  protected readonly toolbarLabel = $localize`:@@rte.toolbar:Mise en forme du texte`;
  private editor: Editor | null = null;
  /** Bumped on every transaction so aria-pressed follows the selection. */
  private readonly tick = signal(0);
  protected readonly linkEditing = signal(false);
  protected readonly linkError = signal('');
  protected linkHref = '';
  protected readonly embedEditing = signal(false);
  protected readonly embedError = signal('');
  protected embedUrl = '';
  protected readonly state = computed(() => this.tick());

  protected readonly buttons: readonly ToolbarButton[] = [
    { id: 'h2', text: 'T2', label: $localize`:@@rte.h2:Titre de niveau 2`, active: ['heading', { level: 2 }], run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run() },
    { id: 'h3', text: 'T3', label: $localize`:@@rte.h3:Titre de niveau 3`, active: ['heading', { level: 3 }], run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run() },
    { id: 'h4', text: 'T4', label: $localize`:@@rte.h4:Titre de niveau 4`, active: ['heading', { level: 4 }], run: (e) => e.chain().focus().toggleHeading({ level: 4 }).run() },
    { id: 'bold', text: 'G', label: $localize`:@@rte.bold:Gras`, active: ['bold'], run: (e) => e.chain().focus().toggleBold().run() },
    { id: 'italic', text: 'I', label: $localize`:@@rte.italic:Italique`, active: ['italic'], run: (e) => e.chain().focus().toggleItalic().run() },
    { id: 'underline', text: 'S', label: $localize`:@@rte.underline:Souligné`, active: ['underline'], run: (e) => e.chain().focus().toggleUnderline().run() },
    { id: 'strike', text: 'B', label: $localize`:@@rte.strike:Barré`, active: ['strike'], run: (e) => e.chain().focus().toggleStrike().run() },
    { id: 'bulletList', text: '•', label: $localize`:@@rte.bulletList:Liste à puces`, active: ['bulletList'], run: (e) => e.chain().focus().toggleBulletList().run() },
    { id: 'orderedList', text: '1.', label: $localize`:@@rte.orderedList:Liste numérotée`, active: ['orderedList'], run: (e) => e.chain().focus().toggleOrderedList().run() },
    { id: 'blockquote', text: '«»', label: $localize`:@@rte.blockquote:Citation`, active: ['blockquote'], run: (e) => e.chain().focus().toggleBlockquote().run() },
    { id: 'link', text: 'Lien', label: $localize`:@@rte.link:Lien`, active: ['link'], run: () => this.openLink() },
    { id: 'hr', text: '—', label: $localize`:@@rte.hr:Séparateur horizontal`, run: (e) => e.chain().focus().setHorizontalRule().run() },
    { id: 'table', text: '▦', label: $localize`:@@rte.table:Insérer un tableau`, run: (e) => e.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run() },
    { id: 'addRow', text: '+L', label: $localize`:@@rte.addRow:Ajouter une ligne au tableau`, run: (e) => e.chain().focus().addRowAfter().run() },
    { id: 'addCol', text: '+C', label: $localize`:@@rte.addCol:Ajouter une colonne au tableau`, run: (e) => e.chain().focus().addColumnAfter().run() },
    { id: 'deleteTable', text: '−▦', label: $localize`:@@rte.deleteTable:Supprimer le tableau`, run: (e) => e.chain().focus().deleteTable().run() },
    { id: 'image', text: 'Image', label: $localize`:@@rte.image:Insérer une image de la médiathèque`, run: () => void this.pickImage() },
    { id: 'embed', text: 'Vidéo', label: $localize`:@@rte.embed:Insérer une vidéo`, run: () => this.openEmbed() },
    { id: 'undo', text: '↶', label: $localize`:@@rte.undo:Annuler la dernière modification`, run: (e) => e.chain().focus().undo().run() },
    { id: 'redo', text: '↷', label: $localize`:@@rte.redo:Rétablir`, run: (e) => e.chain().focus().redo().run() },
  ];

  constructor() {
    afterNextRender(() => {
      this.editor = new Editor({
        element: this.host().nativeElement,
        extensions: cmsExtensions(),
        content: (untracked(() => this.value()) as JSONContent | null) ?? { type: 'doc', content: [{ type: 'paragraph' }] },
        editorProps: {
          attributes: {
            role: 'textbox',
            'aria-multiline': 'true',
            'aria-labelledby': this.labelledBy(),
            id: this.editorId(),
            'data-testid': 'cms-body',
          },
        },
        onTransaction: () => this.tick.update((n) => n + 1),
        onUpdate: ({ editor }) => this.changed.emit(editor.getJSON() as RichTextDoc),
      });
    });
    effect(() => {
      const value = this.value();
      untracked(() => {
        if (this.editor && value && JSON.stringify(this.editor.getJSON()) !== JSON.stringify(value)) {
          this.editor.commands.setContent(value as JSONContent, { emitUpdate: false });
        }
      });
    });
    inject(DestroyRef).onDestroy(() => this.editor?.destroy());
  }

  /** Roving tabindex (WAI-ARIA toolbar): one Tab stop, arrows, Home and End move between buttons. */
  protected readonly focusIndex = signal(0);

  protected onToolbarKey(event: KeyboardEvent): void {
    const last = this.buttons.length - 1;
    const current = this.focusIndex();
    const next =
      event.key === 'ArrowRight' ? (current === last ? 0 : current + 1)
      : event.key === 'ArrowLeft' ? (current === 0 ? last : current - 1)
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : null;
    if (next === null) return;
    event.preventDefault();
    this.focusIndex.set(next);
    (event.currentTarget as HTMLElement).querySelectorAll<HTMLButtonElement>('button.tool')[next]?.focus();
  }

  protected isActive(button: ToolbarButton): boolean {
    this.state();
    if (!this.editor || !button.active) return false;
    const [name, attrs] = button.active;
    return this.editor.isActive(name, attrs ?? {});
  }

  protected runTool(button: ToolbarButton): void {
    if (this.editor) button.run(this.editor);
  }

  private openLink(): void {
    this.linkHref = (this.editor?.getAttributes('link')['href'] as string | undefined) ?? '';
    this.linkError.set('');
    this.linkEditing.set(true);
  }

  protected applyLink(): void {
    const href = this.linkHref.trim();
    if (!isAllowedHref(href)) {
      this.linkError.set($localize`:@@rte.linkRefused:Seules les adresses http(s), mailto et les chemins du site (/…) sont acceptés.`);
      return;
    }
    this.editor?.chain().focus().extendMarkRange('link').setLink({ href }).run();
    this.linkEditing.set(false);
  }

  protected removeLink(): void {
    this.editor?.chain().focus().extendMarkRange('link').unsetLink().run();
    this.linkEditing.set(false);
  }

  private openEmbed(): void {
    this.embedUrl = '';
    this.embedError.set('');
    this.embedEditing.set(true);
  }

  protected applyEmbed(): void {
    const url = this.embedUrl.trim();
    const provider = embedProviderOf(url);
    if (!provider) {
      this.embedError.set($localize`:@@rte.embedRefused:Vidéo refusée : seules YouTube, Vimeo et Dailymotion sont acceptées.`);
      return;
    }
    this.editor?.chain().focus().insertContent({ type: 'embed', attrs: { provider, url } }).run();
    this.embedEditing.set(false);
  }

  private async pickImage(): Promise<void> {
    const ref = this.dialog.open<MediaPickerDialog, void, PickedMedia | undefined>(MediaPickerDialog, { width: '720px' });
    const picked = await firstValueFrom(ref.afterClosed());
    if (picked) this.editor?.chain().focus().insertContent({ type: 'image', attrs: { mediaId: picked.id, alt: picked.alt } }).run();
  }
}
