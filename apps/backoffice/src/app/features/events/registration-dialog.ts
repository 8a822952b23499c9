import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, type AbstractControl, type ValidationErrors } from '@angular/forms';
import { MatAutocomplete, MatAutocompleteTrigger } from '@angular/material/autocomplete';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption } from '@angular/material/select';
import { Api } from '../../core/api/api';
import type { ItemOf, QueryOf } from '../../core/api/api-types';
import { FormAlert } from '../../shared/form/form-alert';
import { problemMessageFirst } from '../../shared/form/form-alerts';
import { formSubmission } from '../../shared/form/form-submission';
import { fieldErrorText } from '../../shared/form/server-errors';
import { Toaster } from '../../shared/toast/toaster';
import { displayName } from '../crm/persons/person-types';
import type { EventDetail, Registration } from './events-labels';

type PersonHit = ItemOf<'/api/v1/persons'>;

const MIN_LENGTH = 2;

/** A contact is picked from the list, not typed. */
function pickedPerson(control: AbstractControl<PersonHit | string>): ValidationErrors | null {
  if (typeof control.value === 'object' && control.value !== null) return null;
  return control.value ? { server: $localize`:@@ev.pickPerson:Choisissez le contact dans la liste des résultats.` } : { required: true };
}

/**
 * Registers a CRM contact for an event: the contact is searched like the CRM's global search (by
 * name, accents ignored, or by exact e-mail address); the answer says seat or waiting list.
 */
@Component({
  selector: 'mx-registration-dialog',
  imports: [
    ReactiveFormsModule,
    MatAutocomplete,
    MatAutocompleteTrigger,
    MatButton,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatError,
    MatFormField,
    MatHint,
    MatLabel,
    MatInput,
    MatOption,
    FormAlert,
  ],
  template: `
    <h2 mat-dialog-title i18n="@@ev.register">Inscrire un contact</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <p class="muted">{{ data.title }}</p>
        <mx-form-alert [messages]="submission.alerts()" />
        <mat-form-field appearance="outline" class="person">
          <mat-label i18n="@@ev.person">Contact</mat-label>
          <input matInput formControlName="person" [matAutocomplete]="people" (input)="search()" autocomplete="off" required />
          <mat-autocomplete #people="matAutocomplete" [displayWith]="personLabel">
            @for (hit of hits(); track hit.id) {
              <mat-option [value]="hit">{{ personLabel(hit) }}@if (hit.emails[0]; as email) { — {{ email.email }} }</mat-option>
            }
          </mat-autocomplete>
          <mat-hint i18n="@@ev.personHint">Nom, prénom ou adresse e-mail exacte</mat-hint>
          <mat-error>{{ errorText(form.controls.person) }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" (click)="ref.close()" i18n="@@confirm.cancel">Annuler</button>
        <button mat-flat-button type="submit" [disabled]="submission.busy()" i18n="@@ev.registerSubmit">Inscrire</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `.person { width: min(480px, 80vw); }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RegistrationDialog {
  private readonly api = inject(Api);
  private readonly toaster = inject(Toaster);
  protected readonly data = inject<Pick<EventDetail, 'id' | 'title'>>(MAT_DIALOG_DATA);
  protected readonly ref = inject<MatDialogRef<RegistrationDialog, Registration>>(MatDialogRef);

  protected readonly form = new FormGroup({
    person: new FormControl<PersonHit | string>('', { nonNullable: true, validators: [pickedPerson] }),
  });
  protected readonly hits = signal<PersonHit[]>([]);
  protected readonly submission = formSubmission(this.form, { control: (pointer) => (pointer === '/personId' ? '/person' : pointer), lead: problemMessageFirst });
  protected readonly errorText = fieldErrorText;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private sequence = 0;

  protected readonly personLabel = (hit: PersonHit | string | null): string => (typeof hit === 'string' ? hit : hit ? displayName(hit) : '');

  protected search(): void {
    clearTimeout(this.timer);
    const value = this.form.controls.person.value;
    const text = typeof value === 'string' ? value.trim() : '';
    if (text.length < MIN_LENGTH) {
      this.hits.set([]);
      return;
    }
    this.timer = setTimeout(() => void this.load(text), 250);
  }

  protected submit(): Promise<void> {
    // A new attempt drops the last refusal, even when the field now stops it.
    this.submission.alerts.set([]);
    // `pickedPerson` leaves the form invalid until a contact is picked from the list.
    const personId = () => (this.form.controls.person.value as PersonHit).id;
    const save = () => this.api.unwrap(this.api.client.POST('/api/v1/events/{id}/registrations', { params: { path: { id: this.data.id } }, body: { personId: personId() } }));
    return this.submission.submit(save, (registration) => this.ref.close(registration));
  }

  private async load(text: string): Promise<void> {
    const sequence = ++this.sequence;
    const query = (text.includes('@') ? { 'filter[email]': text.toLowerCase(), limit: 10 } : { 'filter[name][contains]': text, limit: 10 }) as QueryOf<'/api/v1/persons'>;
    try {
      const page = await this.api.unwrap(this.api.client.GET('/api/v1/persons', { params: { query } }));
      if (sequence === this.sequence) this.hits.set((page as Exclude<typeof page, string>).items);
    } catch (error) {
      this.toaster.error(error);
    }
  }
}
