import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, effect, inject, input, signal, viewChild } from '@angular/core';
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
import { CONSENT_CHANNEL_LABELS, CONSENT_STATUS_LABELS, optionsOf } from '../shared/crm-labels';
import type { ConsentState } from './person-types';

type CreateConsent = BodyOf<'/api/v1/persons/{id}/consents'>;
const CHANNELS = ['newsletter', 'events', 'sms'] as const;

/**
 * A contact's consents: the current decision per channel (none recorded = no consent), the full
 * history with source and proof, and a form to record a new decision (appended, never rewritten).
 */
@Component({
  selector: 'mx-person-consents',
  imports: [DatePipe, ReactiveFormsModule, MatFormField, MatLabel, MatInput, MatError, MatHint, MatSelect, MatOption, MatButton, FormAlert],
  templateUrl: './person-consents.html',
  styles: `
    .channels { display: grid; grid-template-columns: max-content 1fr; gap: 6px 24px; margin: 0 0 16px; }
    dt { color: var(--mat-sys-on-surface-variant); }
    dd { margin: 0; }
    .granted { color: var(--mat-sys-primary); font-weight: 500; }
    .form-grid { row-gap: 12px; }
    .history { padding-left: 18px; }
    .actions { display: flex; justify-content: flex-end; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PersonConsents {
  private readonly api = inject(Api);
  private readonly toaster = inject(Toaster);

  readonly personId = input.required<string>();
  readonly canWrite = input(false);

  protected readonly state = signal<ConsentState | null>(null);
  protected readonly channels = CHANNELS;
  protected readonly channelLabels = CONSENT_CHANNEL_LABELS;
  protected readonly statusLabels = CONSENT_STATUS_LABELS;
  protected readonly channelOptions = optionsOf(CONSENT_CHANNEL_LABELS);
  protected readonly statusOptions = optionsOf(CONSENT_STATUS_LABELS);
  protected readonly errorText = fieldErrorText;
  private readonly formDirective = viewChild(FormGroupDirective);
  protected readonly form = new FormGroup({
    channel: new FormControl<string>('newsletter', { nonNullable: true, validators: [Validators.required] }),
    status: new FormControl<string>('granted', { nonNullable: true, validators: [Validators.required] }),
    source: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(200)] }),
    proof: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(2000)] }),
  });
  protected readonly submission = formSubmission(this.form, { lead: problemMessageFirst });

  constructor() {
    effect(() => void this.load(this.personId()));
  }

  protected record(): Promise<void> {
    const value = this.form.getRawValue();
    const body = { channel: value.channel, status: value.status, source: value.source.trim(), proof: value.proof.trim() || null } as CreateConsent;
    const save = () => this.api.unwrap(this.api.client.POST('/api/v1/persons/{id}/consents', { params: { path: { id: this.personId() } }, body }));
    return this.submission.submit(save, () => {
      this.toaster.success($localize`:@@crm.consentRecorded:Consentement enregistré.`);
      // resetForm also clears the « submitted » state, so the emptied required fields show no error.
      this.formDirective()?.resetForm({ channel: value.channel, status: 'granted', source: '', proof: '' });
      return this.load(this.personId());
    });
  }

  private async load(id: string): Promise<void> {
    try {
      this.state.set(await this.api.unwrap(this.api.client.GET('/api/v1/persons/{id}/consents', { params: { path: { id } }, cache: 'no-store' })));
    } catch (error) {
      this.toaster.error(error);
    }
  }
}
