import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, type ValidatorFn, Validators } from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { Api } from '../../../core/api/api';
import type { ApiProblem } from '../../../core/api/api-problem';
import { problemMessage } from '../../../core/api/problem-messages';
import type { BodyOf } from '../../../core/api/api-types';
import { FormAlert } from '../../../shared/form/form-alert';
import { formSubmission } from '../../../shared/form/form-submission';
import { fieldErrorText } from '../../../shared/form/server-errors';
import { LoadingState } from '../../../shared/states/loading-state';
import { Toaster } from '../../../shared/toast/toaster';
import { HEADCOUNT_BAND_LABELS, optionsOf } from '../shared/crm-labels';
import { crmErrorText, legalFormValidator, nafValidator, postalCodeValidator, sirenValidator, websiteValidator } from '../shared/crm-validators';
import type { Company } from './company-types';

type CreateBody = BodyOf<'/api/v1/organizations'>;
type PatchBody = BodyOf<'/api/v1/organizations/{id}', 'patch'>;

const text = (...validators: ValidatorFn[]) => new FormControl('', { nonNullable: true, validators });
const ADDRESS_KEYS = ['street', 'postalCode', 'communeName'] as const;
const IDENTITY_KEYS = ['name', 'legalName', 'nafCode', 'legalForm', 'headcountBand', 'website', 'phone'] as const;

/**
 * Creates a company (`/crm/companies/new`) or edits its public identity (`/crm/companies/:id/edit`,
 * JSON Merge Patch with If-Match). The rules the server applies are checked here first; its 422
 * pointers then land on the same fields. A SIREN already in the network leads to that company.
 */
@Component({
  selector: 'mx-company-form',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatInput, MatError, MatHint, MatSelect, MatOption, MatButton, MatAnchor, RouterLink, FormAlert, LoadingState],
  templateUrl: './company-form.html',
  styles: `
    fieldset { border: 0; padding: 0; margin: 0 0 8px; }
    legend { font: var(--mat-sys-title-small); margin-bottom: 8px; }
    .actions { display: flex; gap: 8px; justify-content: flex-end; }
    .existing { margin: 0 0 16px; }
    /* Hints and errors of one row must not run into the next row's labels. */
    .form-grid { row-gap: 16px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CompanyForm {
  private readonly api = inject(Api);
  private readonly router = inject(Router);
  private readonly toaster = inject(Toaster);

  /** Route param: absent when creating. */
  readonly id = input<string | undefined>(undefined);
  protected readonly editing = computed(() => this.id() !== undefined);
  protected readonly company = signal<Company | null>(null);
  private readonly etag = signal<string | null>(null);
  /** Set on 409 `organization_exists`: the company the SIREN already belongs to. */
  protected readonly existingId = signal<string | null>(null);
  protected readonly headcountOptions = optionsOf(HEADCOUNT_BAND_LABELS);

  protected readonly form = new FormGroup({
    siren: text(Validators.required, sirenValidator),
    name: text(Validators.required, Validators.maxLength(200)),
    legalName: text(Validators.maxLength(200)),
    nafCode: text(nafValidator),
    legalForm: text(legalFormValidator),
    headcountBand: text(),
    address: new FormGroup({ street: text(Validators.maxLength(200)), postalCode: text(postalCodeValidator), communeName: text(Validators.maxLength(100)) }),
    website: text(websiteValidator, Validators.maxLength(200)),
    phone: text(Validators.maxLength(30)),
  });
  protected readonly submission = formSubmission(this.form, { lead: refusalLead });

  constructor() {
    effect(() => {
      const id = this.id();
      if (id) void this.load(id);
    });
  }

  protected errorText(path: string): string {
    return crmErrorText(this.form.get(path), fieldErrorText);
  }

  protected async load(id: string): Promise<void> {
    this.submission.alerts.set([]);
    try {
      const { data, etag } = await this.api.unwrapWithEtag(this.api.client.GET('/api/v1/organizations/{id}', { params: { path: { id } }, cache: 'no-store' }));
      this.etag.set(etag);
      this.fill(data);
    } catch (error) {
      this.toaster.error(error);
    }
  }

  protected save(): Promise<void> {
    if (this.submission.busy()) return Promise.resolve();
    if (this.form.invalid) this.submission.alerts.set([$localize`:@@crm.formInvalid:Certains champs sont à corriger avant d'enregistrer.`]);
    const save = () => {
      this.existingId.set(null);
      return this.editing() ? this.update() : this.create();
    };
    return this.submission.submit(save, async (saved) => {
      if (!saved) return;
      this.toaster.success($localize`:@@crm.companySaved:Entreprise enregistrée.`);
      await this.router.navigate(['/crm/companies', saved.id]);
    });
  }

  private async create(): Promise<Company> {
    const { data, error, response } = await this.api.client.POST('/api/v1/organizations', { body: this.createBody() });
    if (response.status === 409) this.existingId.set(response.headers.get('location')?.split('/').pop() ?? null);
    return this.api.unwrap(Promise.resolve({ data, error, response }));
  }

  private async update(): Promise<Company | null> {
    const company = this.company();
    const patch = this.patchBody();
    if (!company) return null;
    if (Object.keys(patch).length === 0) {
      this.toaster.success($localize`:@@form.noChange:Aucune modification à enregistrer.`);
      return null;
    }
    return this.api.unwrap(
      this.api.client.PATCH('/api/v1/organizations/{id}', {
        params: { path: { id: company.id }, header: { 'if-match': this.etag() ?? '*' } },
        body: patch,
        headers: { 'content-type': 'application/merge-patch+json' },
      }),
    );
  }

  private fill(company: Company): void {
    this.company.set(company);
    this.form.reset({
      siren: company.siren,
      name: company.name,
      legalName: company.legalName ?? '',
      nafCode: company.nafCode ?? '',
      legalForm: company.legalForm ?? '',
      headcountBand: company.headcountBand ?? '',
      address: { street: company.address.street ?? '', postalCode: company.address.postalCode ?? '', communeName: company.address.communeName ?? '' },
      website: company.website ?? '',
      phone: company.phone ?? '',
    });
    // The SIREN is the company's identity: another SIREN is another company.
    this.form.controls.siren.disable();
  }

  private createBody(): CreateBody {
    const value = this.form.getRawValue();
    const body: Record<string, unknown> = { siren: value.siren.trim(), name: value.name.trim() };
    for (const key of IDENTITY_KEYS) if (key !== 'name' && value[key].trim()) body[key] = value[key].trim();
    const address = Object.fromEntries(ADDRESS_KEYS.filter((key) => value.address[key].trim()).map((key) => [key, value.address[key].trim()]));
    if (Object.keys(address).length > 0) body['address'] = address;
    return body as CreateBody;
  }

  /** Only what the user changed; an emptied field becomes null (merge patch: clear it). */
  private patchBody(): PatchBody {
    const value = this.form.getRawValue();
    const patch: Record<string, unknown> = {};
    for (const key of IDENTITY_KEYS) {
      if (this.form.controls[key].dirty) patch[key] = key === 'name' ? value.name.trim() : value[key].trim() || null;
    }
    if (this.form.controls.address.dirty) {
      const address = ADDRESS_KEYS.map((key) => [key, value.address[key].trim() || null] as const);
      patch['address'] = address.every(([, v]) => v === null) ? null : Object.fromEntries(address);
    }
    return patch as PatchBody;
  }
}

/** A SIREN already in the network leads to that company; a stale edit asks for a reload. */
function refusalLead(problem: ApiProblem): string[] {
  if (problem.code === 'organization_exists') {
    return [$localize`:@@crm.exists:Une entreprise portant ce SIREN existe déjà dans le réseau : ouvrez sa fiche pour la rattacher à votre structure.`];
  }
  const stale = problem.status === 412 ? [$localize`:@@crm.stale:Quelqu'un a modifié cette entreprise entre-temps : rechargez-la avant de réessayer.`] : [];
  return [problemMessage(problem), ...stale];
}
