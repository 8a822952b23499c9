import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule, type ValidatorFn, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { Api } from '../../../core/api/api';
import { problemMessage } from '../../../core/api/problem-messages';
import type { BodyOf, ResponseOf } from '../../../core/api/api-types';
import { BranchScope } from '../../../core/scope/branch-scope';
import { FormAlert } from '../../../shared/form/form-alert';
import { formSubmission } from '../../../shared/form/form-submission';
import { fieldErrorText } from '../../../shared/form/server-errors';
import { AFFILIATION_ROLE_LABELS, CIVILITY_LABELS, optionsOf } from '../shared/crm-labels';

type CreatePerson = BodyOf<'/api/v1/persons'>;
type CreateAffiliation = BodyOf<'/api/v1/persons/{id}/affiliations'>;
export type CreatedPerson = ResponseOf<'/api/v1/persons', 'post'>;

export interface PersonCreateData {
  organizationId: string;
  organizationName: string;
  /** Entities of the caller linked to the company: the contact is preferably kept by one of them. */
  linkedEntityIds: readonly string[];
}

const text = (...validators: ValidatorFn[]) => new FormControl('', { nonNullable: true, validators });

/**
 * Adds a contact to a company: creates the person in one of the caller's entities, then affiliates
 * them to the company with a role. Field errors of either step come back on their fields.
 */
@Component({
  selector: 'mx-person-create-dialog',
  imports: [ReactiveFormsModule, MatDialogTitle, MatDialogContent, MatDialogActions, MatFormField, MatLabel, MatInput, MatError, MatHint, MatSelect, MatOption, MatButton, FormAlert],
  template: `
    <h2 mat-dialog-title i18n="@@crm.contactAddTitle">Ajouter un contact à {{ data.organizationName }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <mx-form-alert [messages]="submission.alerts()" />
        <div class="form-grid">
          <mat-form-field appearance="outline">
            <mat-label i18n="@@crm.civility">Civilité</mat-label>
            <mat-select formControlName="civility">
              <mat-option value="" i18n="@@crm.unknown">Non renseignée</mat-option>
              @for (option of civilities; track option.value) {
                <mat-option [value]="option.value">{{ option.label }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label i18n="@@crm.firstName">Prénom</mat-label>
            <input matInput formControlName="firstName" autocomplete="off" cdkFocusInitial />
            <mat-error>{{ errorText(form.controls.firstName) }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label i18n="@@crm.lastName">Nom de famille</mat-label>
            <input matInput formControlName="lastName" required autocomplete="off" />
            <mat-error>{{ errorText(form.controls.lastName) }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label i18n="@@crm.jobTitle">Fonction</mat-label>
            <input matInput formControlName="jobTitle" autocomplete="off" />
            <mat-error>{{ errorText(form.controls.jobTitle) }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline" formArrayName="emails">
            <mat-label i18n="@@crm.email">Adresse e-mail</mat-label>
            <input matInput [formControlName]="0" type="email" autocomplete="off" />
            <mat-error>{{ errorText(form.controls.emails.at(0)) }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label i18n="@@crm.workPhone">Téléphone professionnel</mat-label>
            <input matInput formControlName="phone" type="tel" autocomplete="off" />
            <mat-error>{{ errorText(form.controls.phone) }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label i18n="@@crm.role">Rôle dans l'entreprise</mat-label>
            <mat-select formControlName="role" required>
              @for (option of roles; track option.value) {
                <mat-option [value]="option.value">{{ option.label }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ errorText(form.controls.role) }}</mat-error>
          </mat-form-field>
          @if (entities().length > 1) {
            <mat-form-field appearance="outline">
              <mat-label i18n="@@crm.keptBy">Contact suivi par</mat-label>
              <mat-select formControlName="entityId" required>
                @for (entity of entities(); track entity.id) {
                  <mat-option [value]="entity.id">{{ entity.name }}</mat-option>
                }
              </mat-select>
              <mat-hint i18n="@@crm.keptByHint">Seules cette entité et ses entités parentes verront ce contact.</mat-hint>
              <mat-error>{{ errorText(form.controls.entityId) }}</mat-error>
            </mat-form-field>
          }
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" (click)="ref.close()" i18n="@@confirm.cancel">Annuler</button>
        <button mat-flat-button type="submit" [disabled]="submission.busy()" i18n="@@crm.contactAdd">Ajouter le contact</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `.form-grid { row-gap: 12px; min-width: min(560px, 80vw); }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PersonCreateDialog {
  private readonly api = inject(Api);
  private readonly scope = inject(BranchScope);
  protected readonly data = inject<PersonCreateData>(MAT_DIALOG_DATA);
  protected readonly ref = inject<MatDialogRef<PersonCreateDialog, CreatedPerson>>(MatDialogRef);

  protected readonly civilities = optionsOf(CIVILITY_LABELS);
  protected readonly roles = optionsOf(AFFILIATION_ROLE_LABELS);
  /** The entities linked to the company first, then the one chosen in the branch switcher. */
  protected readonly entities = computed(() => {
    const preferred = new Set([...this.data.linkedEntityIds, this.scope.entityId()]);
    const all = this.scope.entities();
    const linked = all.filter((entity) => preferred.has(entity.id));
    return linked.length > 0 ? linked : all;
  });
  protected readonly form = new FormGroup({
    civility: text(),
    firstName: text(Validators.maxLength(100)),
    lastName: text(Validators.required, Validators.maxLength(100)),
    jobTitle: text(Validators.maxLength(150)),
    emails: new FormArray([text(Validators.email, Validators.maxLength(254))]),
    phone: text(Validators.maxLength(30)),
    role: new FormControl('contact_principal', { nonNullable: true, validators: [Validators.required] }),
    entityId: new FormControl(this.entities()[0]?.id ?? '', { nonNullable: true, validators: [Validators.required] }),
  });
  protected readonly submission = formSubmission(this.form, {
    lead: (problem) => [
      problemMessage(problem),
      ...(this.created ? [$localize`:@@crm.contactCreatedNotLinked:Le contact a été créé mais pas encore rattaché à l'entreprise : corrigez puis réessayez.`] : []),
    ],
  });
  protected readonly errorText = fieldErrorText;
  /** Once created, a retry only redoes the affiliation (the person exists). */
  private created: CreatedPerson | null = null;

  protected submit(): Promise<void> {
    return this.submission.submit(() => this.createAndAffiliate(), (created) => this.ref.close(created));
  }

  private async createAndAffiliate(): Promise<CreatedPerson> {
    const created = (this.created ??= await this.api.unwrap(this.api.client.POST('/api/v1/persons', { body: this.personBody() })));
    const value = this.form.getRawValue();
    const affiliation: CreateAffiliation = { organizationId: this.data.organizationId, role: value.role as CreateAffiliation['role'] };
    await this.api.unwrap(this.api.client.POST('/api/v1/persons/{id}/affiliations', { params: { path: { id: created.id } }, body: affiliation }));
    return created;
  }

  private personBody(): CreatePerson {
    const value = this.form.getRawValue();
    const optional = (raw: string) => raw.trim() || null;
    const email = value.emails[0]?.trim();
    return {
      entityId: value.entityId,
      lastName: value.lastName.trim(),
      civility: optional(value.civility),
      firstName: optional(value.firstName),
      jobTitle: optional(value.jobTitle),
      phone: optional(value.phone),
      ...(email ? { emails: [email] } : {}),
    };
  }
}
