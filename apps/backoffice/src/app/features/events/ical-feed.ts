import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Session } from '../../core/auth/session';
import { Toaster } from '../../shared/toast/toaster';
import { icalFeedUrl } from './events-labels';

/** The public iCalendar feed of an entity (its published public events), to copy into a calendar. */
@Component({
  selector: 'mx-ical-feed',
  imports: [MatButton, MatFormField, MatHint, MatLabel, MatInput],
  template: `
    @if (url(); as url) {
      <div class="feed">
        <mat-form-field subscriptSizing="dynamic" class="url">
          <mat-label i18n="@@ev.icalLabel">Calendrier iCalendar de {{ entityName() }}</mat-label>
          <input matInput readonly [value]="url" (focus)="$any($event.target).select()" />
          <mat-hint i18n="@@ev.icalHint">Événements publics publiés, à ajouter comme abonnement dans un agenda</mat-hint>
        </mat-form-field>
        <button mat-stroked-button type="button" (click)="copy(url)" i18n="@@ev.icalCopy">Copier le lien</button>
      </div>
    }
  `,
  styles: `
    .feed { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; margin-bottom: 16px; }
    .url { flex: 1 1 420px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IcalFeed {
  private readonly session = inject(Session);
  private readonly clipboard = inject(Clipboard);
  private readonly toaster = inject(Toaster);

  readonly entityId = input.required<string>();
  private readonly entity = computed(() => this.session.me()?.entities.find((entity) => entity.id === this.entityId()) ?? null);
  protected readonly entityName = computed(() => this.entity()?.name ?? '');
  protected readonly url = computed(() => {
    const entity = this.entity();
    return entity ? icalFeedUrl(globalThis.location.origin, entity.code) : null;
  });

  protected copy(url: string): void {
    // The browser may refuse the clipboard: the field stays there to copy by hand.
    this.toaster.success(
      this.clipboard.copy(url)
        ? $localize`:@@ev.icalCopied:Lien du calendrier copié.`
        : $localize`:@@ev.icalCopyFailed:Copie refusée par le navigateur : sélectionnez le lien et copiez-le.`,
    );
  }
}
