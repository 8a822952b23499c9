import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, type ValidatorFn, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { Api, mergePatchHeaders } from '../../../core/api/api';
import type { BodyOf } from '../../../core/api/api-types';
import { FormAlert } from '../../../shared/form/form-alert';
import { problemMessageFirst } from '../../../shared/form/form-alerts';
import { formSubmission } from '../../../shared/form/form-submission';
import { fieldErrorText } from '../../../shared/form/server-errors';
import { CIVILITY_LABELS, LEGAL_BASIS_LABELS, optionsOf } from '../shared/crm-labels';
import type { Person } from './person-types';

type PersonPatch = BodyOf<'/api/v1/persons/{id}', 'patch'>;

export interface PersonEditData {
  person: Person;
  etag: string | null;
}

const text = (value: string | null | undefined, ...validators: ValidatorFn[]) => new FormControl(value ?? '', { nonNullable: true, validators });
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** One address per line; each must look like an address (the server checks the rest). */
const emailLines: ValidatorFn = (control) => {
  const bad = (control.value as string).split('\n').map((line) => line.trim()).filter((line) => line && !EMAIL.test(line));
  return bad.length > 0 ? { email: true } : null;
};

/**
 * Edits a contact (JSON Merge Patch with If-Match). The personal phone and the sensitive note are
 * offered only to users who may read them (the API then includes them in the contact).
 */
@Component({
  selector: 'mx-person-edit-dialog',
  imports: [ReactiveFormsModule, MatDialogTitle, MatDialogContent, MatDialogActions, MatFormField, MatLabel, MatInput, MatError, MatHint, MatSelect, MatOption, MatButton, FormAlert],
  templateUrl: './person-edit-dialog.html',
  styles: `.form-grid { row-gap: 12px; min-width: min(560px, 80vw); } .wide { grid-column: 1 / -1; }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PersonEditDialog {
  private readonly api = inject(Api);
  protected readonly data = inject<PersonEditData>(MAT_DIALOG_DATA);
  protected readonly ref = inject<MatDialogRef<PersonEditDialog, Person>>(MatDialogRef);

  protected readonly civilities = optionsOf(CIVILITY_LABELS);
  protected readonly bases = optionsOf(LEGAL_BASIS_LABELS);
  protected readonly sensitive = this.data.person.personalPhone !== undefined;
  private readonly person = this.data.person;
  protected readonly form = new FormGroup({
    civility: text(this.person.civility),
    firstName: text(this.person.firstName, Validators.maxLength(100)),
    lastName: text(this.person.lastName, Validators.required, Validators.maxLength(100)),
    jobTitle: text(this.person.jobTitle, Validators.maxLength(150)),
    emails: text(this.person.emails.map((email) => email.email).join('\n'), emailLines),
    phone: text(this.person.phone, Validators.maxLength(30)),
    personalPhone: text(this.person.personalPhone, Validators.maxLength(30)),
    sensitiveNote: text(this.person.sensitiveNote, Validators.maxLength(2000)),
    legalBasis: text(this.person.legalBasis, Validators.required),
  });
  // `/emails/2` names one line of the text area: the whole field carries the message.
  protected readonly submission = formSubmission(this.form, { control: (pointer) => (pointer.startsWith('/emails/') ? '/emails' : pointer), lead: problemMessageFirst });
  protected readonly errorText = fieldErrorText;

  protected submit(): Promise<void> {
    return this.submission.submit(() => this.save(), (updated) => this.ref.close(updated ?? undefined));
  }

  /** Nothing changed: the dialog closes without a call (null). */
  private async save(): Promise<Person | null> {
    const patch = this.changes();
    if (Object.keys(patch).length === 0) return null;
    return this.api.unwrap(
      this.api.client.PATCH('/api/v1/persons/{id}', {
        params: { path: { id: this.person.id }, header: { 'if-match': this.data.etag ?? '*' } },
        body: patch,
        headers: mergePatchHeaders(this.data.etag),
      }),
    );
  }

  /** Only the fields the user changed; an emptied field becomes null (merge patch: clear it). */
  private changes(): PersonPatch {
    const value = this.form.getRawValue();
    const patch: Record<string, unknown> = {};
    for (const [key, control] of Object.entries(this.form.controls)) {
      if (!control.dirty) continue;
      const raw = (value as Record<string, string>)[key]!.trim();
      if (key === 'emails') patch[key] = raw.split('\n').map((line) => line.trim()).filter(Boolean);
      else if (key === 'lastName' || key === 'legalBasis') patch[key] = raw;
      else patch[key] = raw || null;
    }
    return patch as PersonPatch;
  }
}
