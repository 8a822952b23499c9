import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { ActivatedRoute } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { Session } from '../../../core/auth/session';
import { Toaster } from '../../../shared/toast/toaster';
import { SegmentSaveDialog, type SegmentSaveData } from './segment-save-dialog';

/** « Enregistrer comme segment »: the list's URL filters become a saved, reusable segment. */
@Component({
  selector: 'mx-save-segment-button',
  imports: [MatButton],
  template: `
    @if (allowed()) {
      <button mat-stroked-button type="button" (click)="save()" [disabled]="!hasFilter()" i18n="@@segments.saveButton">Enregistrer comme segment</button>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SaveSegmentButton {
  private readonly dialog = inject(MatDialog);
  private readonly toaster = inject(Toaster);
  private readonly session = inject(Session);
  private readonly params = toSignal(inject(ActivatedRoute).queryParams, { initialValue: {} as Record<string, string> });

  readonly target = input.required<SegmentSaveData['target']>();
  protected readonly allowed = computed(() => this.session.me()?.permissions.includes('crm.segments.write') ?? false);
  private readonly filter = computed(() =>
    Object.fromEntries(Object.entries(this.params()).filter(([key, value]) => key.startsWith('filter[') && value !== '')),
  );
  protected readonly hasFilter = computed(() => Object.keys(this.filter()).length > 0);

  protected async save(): Promise<void> {
    const data: SegmentSaveData = { target: this.target(), filter: this.filter() };
    const saved = await firstValueFrom(this.dialog.open(SegmentSaveDialog, { data, width: '480px', maxWidth: '95vw' }).afterClosed());
    if (saved) this.toaster.success($localize`:@@segments.saved:Segment « ${saved.name}:name: » enregistré.`);
  }
}
