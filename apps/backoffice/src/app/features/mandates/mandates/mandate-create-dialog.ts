import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators, type AbstractControl, type ValidationErrors } from '@angular/forms';
import { MatAutocomplete, MatAutocompleteTrigger } from '@angular/material/autocomplete';
import { MatButton } from '@angular/material/button';
import { MatDialogActions, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { Api } from '../../../core/api/api';
import type { ItemOf, QueryOf } from '../../../core/api/api-types';
import { BranchScope } from '../../../core/scope/branch-scope';
import { FormAlert } from '../../../shared/form/form-alert';
import { formSubmission } from '../../../shared/form/form-submission';
import { fieldErrorText } from '../../../shared/form/server-errors';
import { Toaster } from '../../../shared/toast/toaster';
import { displayName } from '../../crm/persons/person-types';
import { todayIso } from '../../membership/membership-labels';
import { seatLabel, type Mandate, type Seat } from '../mandate-labels';

type PersonHit = ItemOf<'/api/v1/persons'>;

/** The person field holds the contact picked in the list, not the text typed to find it. */
const pickedPerson = (control: AbstractControl): ValidationErrors | null => (control.value && typeof control.value === 'object' ? null : { pickPerson: true });

/** Designates a CRM contact to a seat of the chosen branch for a period. */
@Component({
  selector: 'mx-mandate-create-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatAutocomplete,
    MatAutocompleteTrigger,
    MatFormField,
    MatLabel,
    MatHint,
    MatInput,
    MatError,
    MatSelect,
    MatOption,
    MatButton,
    FormAlert,
  ],
  template: `
    <h2 mat-dialog-title i18n="@@md.create">Nouveau mandat</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <mx-form-alert [messages]="submission.alerts()" />
        <mat-form-field appearance="outline" class="wide">
          <mat-label i18n="@@md.seat">Siège</mat-label>
          <mat-select formControlName="seatId" required>
            @for (seat of seats(); track seat.id) {
              <mat-option [value]="seat.id">{{ label(seat) }}</mat-option>
            }
          </mat-select>
          @if (seatsLoaded() && seats().length === 0) {
            <mat-hint i18n="@@md.noSeat">Déclarez d'abord un siège dans l'onglet « Instances ».</mat-hint>
          }
          <mat-error>{{ errorText(form.controls.seatId) }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline" class="wide">
          <mat-label i18n="@@md.holder">Mandataire</mat-label>
          <input matInput formControlName="person" [matAutocomplete]="persons" (input)="search()" autocomplete="off" required />
          <mat-autocomplete #persons="matAutocomplete" [displayWith]="personLabel">
            @for (hit of hits(); track hit.id) {
              <mat-option [value]="hit">{{ personLabel(hit) }}@if (hit.jobTitle) { — {{ hit.jobTitle }} }</mat-option>
            }
          </mat-autocomplete>
          <mat-hint i18n="@@md.holderHint">Nom ou prénom d'un contact du CRM</mat-hint>
          <mat-error>{{ personError() }}</mat-error>
        </mat-form-field>
        <div class="dates">
          <mat-form-field appearance="outline">
            <mat-label i18n="@@md.firstDay">Premier jour</mat-label>
            <input matInput type="date" formControlName="startOn" required />
            <mat-error>{{ errorText(form.controls.startOn) }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label i18n="@@md.lastDay">Dernier jour du mandat</mat-label>
            <input matInput type="date" formControlName="endOn" required />
            <mat-error>{{ errorText(form.controls.endOn) }}</mat-error>
          </mat-form-field>
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" (click)="ref.close()" i18n="@@confirm.cancel">Annuler</button>
        <button mat-flat-button type="submit" [disabled]="submission.busy()" i18n="@@md.createSubmit">Enregistrer le mandat</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .wide { width: 100%; }
    .dates { display: flex; gap: 16px; flex-wrap: wrap; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MandateCreateDialog {
  private readonly api = inject(Api);
  private readonly toaster = inject(Toaster);
  private readonly scope = inject(BranchScope);
  protected readonly ref = inject<MatDialogRef<MandateCreateDialog, Mandate>>(MatDialogRef);

  protected readonly form = new FormGroup({
    seatId: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    person: new FormControl<PersonHit | string>('', { nonNullable: true, validators: [pickedPerson] }),
    startOn: new FormControl(todayIso(), { nonNullable: true, validators: [Validators.required] }),
    endOn: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });
  protected readonly seats = signal<Seat[]>([]);
  protected readonly seatsLoaded = signal(false);
  protected readonly hits = signal<PersonHit[]>([]);
  // The API names the person `/personId`; the form holds the picked contact in `person`.
  protected readonly submission = formSubmission(this.form, { control: (pointer) => (pointer === '/personId' ? '/person' : pointer) });
  protected readonly errorText = fieldErrorText;
  protected readonly label = seatLabel;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    const entityId = this.scope.entityId();
    this.api
      .unwrap(this.api.client.GET('/api/v1/mandate-seats', { params: { query: { limit: 200, ...(entityId ? { 'filter[entityId]': entityId } : {}) } as QueryOf<'/api/v1/mandate-seats'> } }))
      .then((page) => this.seats.set((page as Exclude<typeof page, string>).items))
      .catch((error: unknown) => this.toaster.error(error))
      .finally(() => this.seatsLoaded.set(true));
  }

  protected readonly personLabel = (hit: PersonHit | string | null): string => (typeof hit === 'string' ? hit : hit ? displayName(hit) : '');

  protected personError(): string {
    const control = this.form.controls.person;
    if (control.errors?.['pickPerson']) return $localize`:@@md.pickPerson:Choisissez le contact dans la liste des résultats.`;
    return fieldErrorText(control);
  }

  protected search(): void {
    clearTimeout(this.timer);
    const value = this.form.controls.person.value;
    const text = typeof value === 'string' ? value.trim() : '';
    if (text.length < 2) {
      this.hits.set([]);
      return;
    }
    this.timer = setTimeout(() => {
      const query = { 'filter[name][contains]': text, limit: 10 } as QueryOf<'/api/v1/persons'>;
      this.api
        .unwrap(this.api.client.GET('/api/v1/persons', { params: { query } }))
        .then((page) => this.hits.set((page as Exclude<typeof page, string>).items))
        .catch((error: unknown) => this.toaster.error(error));
    }, 250);
  }

  protected submit(): Promise<void> {
    const save = () => {
      const { seatId, person, startOn, endOn } = this.form.getRawValue();
      const body = { seatId, personId: (person as PersonHit).id, startOn, endOn };
      return this.api.unwrap(this.api.client.POST('/api/v1/mandates', { body }));
    };
    return this.submission.submit(save, (created) => this.ref.close(created));
  }
}
