import { ChangeDetectionStrategy, Component, effect, inject, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAutocomplete, MatAutocompleteTrigger } from '@angular/material/autocomplete';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { Router } from '@angular/router';
import { Api } from '../../../core/api/api';
import { ApiProblem } from '../../../core/api/api-problem';
import { problemMessage } from '../../../core/api/problem-messages';
import { BranchScope } from '../../../core/scope/branch-scope';
import { entityFieldFollowsScope } from '../../../core/scope/entity-field';
import { FormAlert } from '../../../shared/form/form-alert';
import { applyServerErrors, fieldErrorText } from '../../../shared/form/server-errors';
import { Toaster } from '../../../shared/toast/toaster';
import { CompanySearch, type CompanyHit } from '../company-search';
import { todayIso, type MembershipType } from '../membership-labels';


/** A company joins an entity: company picker (network search), member type, start date, join invoice. */
@Component({
  selector: 'mx-membership-join',
  imports: [
    ReactiveFormsModule,
    MatAutocomplete,
    MatAutocompleteTrigger,
    MatButton,
    MatCheckbox,
    MatError,
    MatFormField,
    MatHint,
    MatLabel,
    MatInput,
    MatSelect,
    MatOption,
    FormAlert,
  ],
  template: `
    <section class="page">
      <div class="page-header"><h1 i18n="@@ms.join">Nouvelle adhésion</h1></div>
      <form [formGroup]="form" (ngSubmit)="submit()" class="form">
        <mx-form-alert [messages]="alerts()" />
        <mat-form-field>
          <mat-label i18n="@@ms.entity">Structure</mat-label>
          <mat-select formControlName="entityId">
            @for (entity of scope.entities(); track entity.id) {
              <mat-option [value]="entity.id">{{ entity.name }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ error('entityId') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label i18n="@@ms.company">Entreprise</mat-label>
          <input matInput [formControl]="companySearch.text" [matAutocomplete]="companies" (input)="search()" autocomplete="off" />
          <mat-autocomplete #companies="matAutocomplete" [displayWith]="companySearch.label" (optionSelected)="pick($event.option.value)">
            @for (hit of companySearch.hits(); track hit.id) {
              <mat-option [value]="hit">{{ hit.name }} — {{ hit.siren }}@if (hit.communeName) { ({{ hit.communeName }}) }</mat-option>
            }
          </mat-autocomplete>
          <mat-hint i18n="@@ms.companyHint">Nom, SIREN ou commune</mat-hint>
          <mat-error>{{ error('organizationId') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label i18n="@@ms.type">Type de membre</mat-label>
          <mat-select formControlName="typeId">
            @for (type of types(); track type.id) {
              <mat-option [value]="type.id">{{ type.label }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ error('typeId') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label i18n="@@ms.startedOn">Date d'adhésion</mat-label>
          <input matInput type="date" formControlName="startedOn" />
          <mat-error>{{ error('startedOn') }}</mat-error>
        </mat-form-field>
        <mat-checkbox formControlName="issueInvoice" i18n="@@ms.issueJoinInvoice">Émettre la facture d'adhésion</mat-checkbox>
        @if (form.controls.issueInvoice.value) {
          <mat-form-field>
            <mat-label i18n="@@ms.joinDueDate">Échéance de la facture</mat-label>
            <input matInput type="date" formControlName="dueDate" />
            <mat-error>{{ error('dueDate') }}</mat-error>
          </mat-form-field>
        }
        <div><button mat-flat-button type="submit" [disabled]="saving()" i18n="@@ms.joinSubmit">Enregistrer l'adhésion</button></div>
      </form>
    </section>
  `,
  styles: `.form { display: flex; flex-direction: column; gap: 8px; max-width: 560px; }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MembershipJoin {
  private readonly api = inject(Api);
  private readonly toaster = inject(Toaster);
  private readonly router = inject(Router);
  protected readonly scope = inject(BranchScope);

  protected readonly types = signal<MembershipType[]>([]);
  protected readonly saving = signal(false);
  protected readonly alerts = signal<string[]>([]);
  protected readonly companySearch = new CompanySearch();
  protected readonly form = new FormGroup({
    entityId: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    organizationId: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    typeId: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    startedOn: new FormControl(todayIso(), { nonNullable: true, validators: [Validators.required] }),
    issueInvoice: new FormControl(true, { nonNullable: true }),
    dueDate: new FormControl(addDays(todayIso(), 30), { nonNullable: true }),
  });
  private readonly entityId = toSignal(this.form.controls.entityId.valueChanges, { initialValue: '' });

  constructor() {
    entityFieldFollowsScope(this.form.controls.entityId);
    effect(() => {
      const entityId = this.entityId();
      untracked(() => void this.loadTypes(entityId));
    });
  }

  protected error(name: keyof typeof this.form.controls): string {
    return fieldErrorText(this.form.controls[name]);
  }

  protected search(): void {
    this.form.controls.organizationId.setValue('');
    this.companySearch.typed();
  }

  protected pick(hit: CompanyHit): void {
    this.form.controls.organizationId.setValue(hit.id);
  }

  protected async submit(): Promise<void> {
    this.alerts.set([]);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      if (this.form.controls.organizationId.invalid) this.alerts.set([$localize`:@@ms.pickCompany:Choisissez l'entreprise dans la liste des résultats.`]);
      return;
    }
    const { issueInvoice, dueDate, ...rest } = this.form.getRawValue();
    this.saving.set(true);
    try {
      const body = { ...rest, ...(issueInvoice ? { joinInvoice: { dueDate } } : {}) };
      const membership = await this.api.unwrap(this.api.client.POST('/api/v1/memberships', { body }));
      this.toaster.success($localize`:@@ms.joined:Adhésion enregistrée.`);
      await this.router.navigate(['/memberships/list', membership.id]);
    } catch (error) {
      if (error instanceof ApiProblem && error.errors.length > 0) {
        const errors = error.errors.map((problem) => (problem.pointer.startsWith('/joinInvoice') ? { ...problem, pointer: '/dueDate' } : problem));
        this.alerts.set(applyServerErrors(this.form, errors));
        if (this.form.controls.organizationId.errors?.['server']) this.alerts.update((alerts) => [...alerts, String(this.form.controls.organizationId.errors!['server'])]);
      } else if (error instanceof ApiProblem) this.alerts.set([problemMessage(error)]);
      else this.toaster.error(error);
    } finally {
      this.saving.set(false);
    }
  }

  private async loadTypes(entityId: string): Promise<void> {
    if (!entityId) return;
    try {
      const result = await this.api.unwrap(this.api.client.GET('/api/v1/membership/types', { params: { query: { entityId } } }));
      this.types.set(result.items);
    } catch (error) {
      this.toaster.error(error);
    }
  }
}

function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
