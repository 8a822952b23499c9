import { ChangeDetectionStrategy, Component, inject, input, output, viewChild } from '@angular/core';
import { FormControl, FormGroup, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { Api } from '../../../core/api/api';
import type { BodyOf } from '../../../core/api/api-types';
import { FormAlert } from '../../../shared/form/form-alert';
import { problemMessageFirst } from '../../../shared/form/form-alerts';
import { formSubmission } from '../../../shared/form/form-submission';
import { fieldErrorText } from '../../../shared/form/server-errors';
import { Toaster } from '../../../shared/toast/toaster';
import { INTERACTION_KIND_LABELS, optionsOf } from '../shared/crm-labels';
import { localDateTimeValue, textToHtml, type TimelineSubject } from './interaction-types';

type CreateInteraction = BodyOf<'/api/v1/interactions'>;

/** Kinds staff record by hand; event attendances and membership changes come from their modules. */
const MANUAL_KINDS = ['note', 'call', 'meeting', 'email'] as const;

/** Records a note, call, meeting or e-mail on a company or a contact; it then shows in the timeline. */
@Component({
  selector: 'mx-interaction-form',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatInput, MatError, MatHint, MatSelect, MatOption, MatButton, FormAlert],
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate [attr.aria-label]="formLabel">
      <mx-form-alert [messages]="submission.alerts()" />
      <div class="form-grid">
        <mat-form-field appearance="outline">
          <mat-label i18n="@@crm.kind">Type</mat-label>
          <mat-select formControlName="kind" required>
            @for (option of kinds; track option.value) {
              <mat-option [value]="option.value">{{ option.label }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label i18n="@@crm.occurredAt">Date</mat-label>
          <input matInput type="datetime-local" formControlName="occurredAt" required />
          <mat-error>{{ errorText(form.controls.occurredAt) }}</mat-error>
        </mat-form-field>
      </div>
      <mat-form-field appearance="outline" class="wide">
        <mat-label i18n="@@crm.subject">Objet</mat-label>
        <input matInput formControlName="subject" required />
        <mat-error>{{ errorText(form.controls.subject) }}</mat-error>
      </mat-form-field>
      <mat-form-field appearance="outline" class="wide">
        <mat-label i18n="@@crm.body">Compte rendu</mat-label>
        <textarea matInput formControlName="body" rows="4"></textarea>
        <mat-hint i18n="@@crm.bodyHint">Une ligne vide sépare les paragraphes.</mat-hint>
        <mat-error>{{ errorText(form.controls.body) }}</mat-error>
      </mat-form-field>
      <div class="actions">
        <button mat-flat-button type="submit" [disabled]="submission.busy()" i18n="@@crm.interactionSubmit">Ajouter à l'historique</button>
      </div>
    </form>
  `,
  styles: `
    .wide { width: 100%; }
    .form-grid { row-gap: 12px; }
    .actions { display: flex; justify-content: flex-end; margin-top: 8px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InteractionForm {
  private readonly api = inject(Api);
  private readonly toaster = inject(Toaster);

  readonly subject = input.required<TimelineSubject>();
  /** The owning entity when the subject is a company (the caller may act on several). */
  readonly entityId = input<string | null>(null);
  readonly recorded = output<void>();

  protected readonly formLabel = $localize`:@@crm.interactionForm:Nouvelle note ou nouvel échange`;
  protected readonly kinds = optionsOf(INTERACTION_KIND_LABELS).filter((option) => (MANUAL_KINDS as readonly string[]).includes(option.value));
  protected readonly errorText = fieldErrorText;
  private readonly formDirective = viewChild(FormGroupDirective);
  protected readonly form = new FormGroup({
    kind: new FormControl<string>('note', { nonNullable: true, validators: [Validators.required] }),
    occurredAt: new FormControl(localDateTimeValue(new Date()), { nonNullable: true, validators: [Validators.required] }),
    subject: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(300)] }),
    body: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(100_000)] }),
  });
  // The API names the text `bodyHtml`; the form calls it `body`.
  protected readonly submission = formSubmission(this.form, { control: (pointer) => (pointer === '/bodyHtml' ? '/body' : pointer), lead: problemMessageFirst });

  protected submit(): Promise<void> {
    return this.submission.submit(
      () => this.api.unwrap(this.api.client.POST('/api/v1/interactions', { body: this.requestBody() })),
      () => {
        this.toaster.success($localize`:@@crm.interactionRecorded:Ajouté à l'historique.`);
        // resetForm also clears the « submitted » state, so the emptied required fields show no error.
        this.formDirective()?.resetForm({ kind: 'note', occurredAt: localDateTimeValue(new Date()), subject: '', body: '' });
        this.recorded.emit();
      },
    );
  }

  private requestBody(): CreateInteraction {
    const value = this.form.getRawValue();
    const subject = this.subject();
    const entityId = this.entityId();
    return {
      kind: value.kind,
      occurredAt: new Date(value.occurredAt).toISOString(),
      subject: value.subject.trim(),
      bodyHtml: textToHtml(value.body),
      ...(subject.kind === 'organization' ? { organizationId: subject.id } : { personId: subject.id }),
      ...(subject.kind === 'organization' && entityId ? { entityId } : {}),
    } as CreateInteraction;
  }

}
