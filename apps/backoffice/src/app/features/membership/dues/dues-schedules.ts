import { ChangeDetectionStrategy, Component, effect, inject, signal, untracked } from '@angular/core';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule, Validators, type AbstractControl, type ValidationErrors } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { Api } from '../../../core/api/api';
import { ApiProblem } from '../../../core/api/api-problem';
import { problemMessage } from '../../../core/api/problem-messages';
import { Session } from '../../../core/auth/session';
import { BranchScope } from '../../../core/scope/branch-scope';
import { FormAlert } from '../../../shared/form/form-alert';
import { applyServerErrors, fieldErrorText } from '../../../shared/form/server-errors';
import { Toaster } from '../../../shared/toast/toaster';
import { HEADCOUNT_BANDS, euros, eurosToCents, type DuesSchedule, type MembershipType } from '../membership-labels';

function amountValidator(control: AbstractControl<string>): ValidationErrors | null {
  if (!control.value) return null;
  return eurosToCents(control.value) === null ? { server: $localize`:@@dues.amountInvalid:Saisissez un montant en euros (0 ou plus), par exemple 180,00.` } : null;
}

type RateForm = FormGroup<{ headcountBand: FormControl<string>; typeId: FormControl<string>; amount: FormControl<string> }>;

/** The dues schedule of an entity for a year: rates by headcount band and/or member type, pro rata flag. */
@Component({
  selector: 'mx-dues-schedules',
  imports: [ReactiveFormsModule, MatButton, MatIconButton, MatCheckbox, MatError, MatFormField, MatLabel, MatSuffix, MatIcon, MatInput, MatSelect, MatOption, FormAlert],
  template: `
    <section class="page">
      <div class="page-header"><h1 i18n="@@ms.dues">Barèmes</h1></div>
      <div class="row">
        <mat-form-field>
          <mat-label i18n="@@ms.entity">Structure</mat-label>
          <mat-select [value]="entityId()" (valueChange)="entityId.set($event)">
            @for (entity of scope.entities(); track entity.id) {
              <mat-option [value]="entity.id">{{ entity.name }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label i18n="@@camp.year">Année</mat-label>
          <mat-select [value]="year()" (valueChange)="year.set($event)">
            @for (option of years; track option) {
              <mat-option [value]="option">{{ option }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      </div>

      <form [formGroup]="form" (ngSubmit)="save()" aria-labelledby="schedule-title">
        <h2 id="schedule-title">{{ schedule() ? editTitle : createTitle }} {{ year() }}</h2>
        <mx-form-alert [messages]="alerts()" />
        <mat-checkbox formControlName="proRata" i18n="@@dues.proRata">Prorata temporis pour les adhésions en cours d'année</mat-checkbox>
        <table class="simple" formArrayName="rates">
          <caption class="visually-hidden" i18n="@@dues.rates">Tarifs</caption>
          <thead>
            <tr>
              <th scope="col" i18n="@@dues.band">Tranche d'effectif</th>
              <th scope="col" i18n="@@ms.type">Type de membre</th>
              <th scope="col" i18n="@@dues.amount">Cotisation annuelle</th>
              <th scope="col"><span class="visually-hidden" i18n="@@table.actions">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            @for (rate of rates.controls; track rate; let i = $index) {
              <tr [formGroupName]="i">
                <td>
                  <mat-form-field subscriptSizing="dynamic">
                    <mat-label i18n="@@dues.bandN">Tranche (tarif n° {{ i + 1 }})</mat-label>
                    <mat-select formControlName="headcountBand">
                      <mat-option value="" i18n="@@dues.anyBand">Toutes tranches</mat-option>
                      @for (band of bands; track band.value) {
                        <mat-option [value]="band.value">{{ band.value }} — {{ band.label }}</mat-option>
                      }
                    </mat-select>
                    <mat-error>{{ rateError(i, 'headcountBand') }}</mat-error>
                  </mat-form-field>
                </td>
                <td>
                  <mat-form-field subscriptSizing="dynamic">
                    <mat-label i18n="@@dues.typeN">Type (tarif n° {{ i + 1 }})</mat-label>
                    <mat-select formControlName="typeId">
                      <mat-option value="" i18n="@@dues.anyType">Tous types</mat-option>
                      @for (type of types(); track type.id) {
                        <mat-option [value]="type.id">{{ type.label }}</mat-option>
                      }
                    </mat-select>
                    <mat-error>{{ rateError(i, 'typeId') }}</mat-error>
                  </mat-form-field>
                </td>
                <td>
                  <mat-form-field subscriptSizing="dynamic">
                    <mat-label i18n="@@dues.amountN">Montant (tarif n° {{ i + 1 }})</mat-label>
                    <input matInput formControlName="amount" inputmode="decimal" autocomplete="off" />
                    <span matTextSuffix>€</span>
                    <mat-error>{{ rateError(i, 'amount') }}</mat-error>
                  </mat-form-field>
                </td>
                <td>
                  <button mat-icon-button type="button" (click)="removeRate(i)" i18n-aria-label="@@dues.remove" aria-label="Supprimer ce tarif">
                    <mat-icon svgIcon="delete" aria-hidden="true" />
                  </button>
                </td>
              </tr>
            }
          </tbody>
        </table>
        @if (canWrite()) {
          <div class="actions">
            <button mat-stroked-button type="button" (click)="addRate()" i18n="@@dues.add">Ajouter un tarif</button>
            <button mat-flat-button type="submit" [disabled]="saving()" i18n="@@dues.save">Enregistrer le barème</button>
          </div>
        }
      </form>
    </section>
  `,
  styles: `
    .row, .actions { display: flex; flex-wrap: wrap; gap: 16px; align-items: center; }
    .actions { margin-top: 16px; }
    table.simple { border-collapse: collapse; width: 100%; margin-top: 8px; }
    table.simple th, table.simple td { text-align: left; padding: 4px 8px; vertical-align: top; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DuesSchedules {
  private readonly api = inject(Api);
  private readonly toaster = inject(Toaster);
  private readonly session = inject(Session);
  protected readonly scope = inject(BranchScope);

  protected readonly bands = HEADCOUNT_BANDS;
  protected readonly years = [0, 1, 2].map((offset) => new Date().getFullYear() - 1 + offset);
  protected readonly year = signal(new Date().getFullYear());
  protected readonly entityId = signal('');
  protected readonly types = signal<MembershipType[]>([]);
  protected readonly schedule = signal<DuesSchedule | null>(null);
  private etag: string | null = null;
  protected readonly saving = signal(false);
  protected readonly alerts = signal<string[]>([]);
  protected readonly createTitle = $localize`:@@dues.create:Nouveau barème`;
  protected readonly editTitle = $localize`:@@dues.edit:Barème`;
  protected readonly canWrite = () => this.session.me()?.permissions.includes('membership.memberships.write') ?? false;

  protected readonly rates = new FormArray<RateForm>([]);
  protected readonly form = new FormGroup({ proRata: new FormControl(true, { nonNullable: true }), rates: this.rates });

  constructor() {
    effect(() => {
      const initial = this.scope.defaultEntityId();
      untracked(() => {
        if (!this.entityId()) this.entityId.set(initial);
      });
    });
    effect(() => {
      const entityId = this.entityId();
      const year = this.year();
      untracked(() => void this.load(entityId, year));
    });
  }

  protected rateError(index: number, field: 'headcountBand' | 'typeId' | 'amount'): string {
    return fieldErrorText(this.rates.at(index).controls[field]);
  }

  protected addRate(rate: { headcountBand?: string | null; typeId?: string | null; amountCents?: number } = {}): void {
    this.rates.push(
      new FormGroup({
        headcountBand: new FormControl(rate.headcountBand ?? '', { nonNullable: true }),
        typeId: new FormControl(rate.typeId ?? '', { nonNullable: true }),
        amount: new FormControl(rate.amountCents === undefined ? '' : euros(rate.amountCents).replace(/[\s\u00a0\u202f€]/g, ''), { nonNullable: true, validators: [Validators.required, amountValidator] }),
      }),
    );
  }

  protected removeRate(index: number): void {
    this.rates.removeAt(index);
  }

  protected async save(): Promise<void> {
    this.alerts.set([]);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const rates = value.rates.map((rate) => ({
      ...(rate.headcountBand ? { headcountBand: rate.headcountBand } : {}),
      ...(rate.typeId ? { typeId: rate.typeId } : {}),
      amountCents: eurosToCents(rate.amount)!,
    }));
    this.saving.set(true);
    try {
      const existing = this.schedule();
      const saved = existing
        ? await this.api.unwrapWithEtag(
            this.api.client.PUT('/api/v1/membership/dues-schedules/{id}', { params: { path: { id: existing.id } }, body: { proRata: value.proRata, rates }, headers: { 'if-match': this.etag ?? '*' } }),
          )
        : await this.api.unwrapWithEtag(this.api.client.POST('/api/v1/membership/dues-schedules', { body: { entityId: this.entityId(), year: this.year(), proRata: value.proRata, rates } }));
      this.show(saved.data, saved.etag);
      this.toaster.success($localize`:@@dues.saved:Barème enregistré.`);
    } catch (error) {
      if (error instanceof ApiProblem && error.errors.length > 0) {
        // The server names amounts in cents and whole rates: point them at the fields shown.
        const errors = error.errors.map((problem) => ({
          ...problem,
          pointer: problem.pointer.replace(/^(\/rates\/\d+)\/amountCents$/, '$1/amount').replace(/^(\/rates\/\d+)$/, '$1/amount'),
        }));
        this.alerts.set([$localize`:@@dues.invalid:Le barème contient des erreurs : corrigez les champs signalés.`, ...applyServerErrors(this.form, errors)]);
      } else if (error instanceof ApiProblem) this.alerts.set([problemMessage(error)]);
      else this.toaster.error(error);
    } finally {
      this.saving.set(false);
    }
  }

  private show(schedule: DuesSchedule | null, etag: string | null): void {
    this.schedule.set(schedule);
    this.etag = etag ?? (schedule ? `"${schedule.version}"` : null);
    this.rates.clear();
    this.form.controls.proRata.setValue(schedule?.proRata ?? true);
    for (const rate of schedule?.rates ?? []) this.addRate(rate);
    if (!schedule) this.addRate();
  }

  private async load(entityId: string, year: number): Promise<void> {
    if (!entityId) return;
    try {
      const [schedules, types] = await Promise.all([
        this.api.unwrap(this.api.client.GET('/api/v1/membership/dues-schedules', { params: { query: { entityId, year } } })),
        this.api.unwrap(this.api.client.GET('/api/v1/membership/types', { params: { query: { entityId } } })),
      ]);
      this.types.set(types.items);
      this.show(schedules.items[0] ?? null, null);
    } catch (error) {
      this.toaster.error(error);
    }
  }
}
