import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Api } from '../../../core/api/api';
import { ApiProblem } from '../../../core/api/api-problem';
import { problemMessage } from '../../../core/api/problem-messages';
import type { BodyOf, ResponseOf } from '../../../core/api/api-types';
import { FormAlert } from '../../../shared/form/form-alert';
import { applyServerErrors, fieldErrorText } from '../../../shared/form/server-errors';
import { LoadingState } from '../../../shared/states/loading-state';
import { Toaster } from '../../../shared/toast/toaster';
import { ENTITY_KIND_LABELS } from './entity-kinds';

type Entity = ResponseOf<'/api/v1/entities/{id}'>;
type EntityPatch = BodyOf<'/api/v1/entities/{id}', 'patch'>;

const optional = () => new FormControl<string>('', { nonNullable: true });

/**
 * One entity's identity and contact details. Saves a JSON Merge Patch of the changed groups with
 * If-Match: a concurrent change answers 412 and the form offers to reload.
 */
@Component({
  selector: 'mx-entity-form',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatInput, MatError, MatHint, MatButton, FormAlert, LoadingState],
  templateUrl: './entity-form.html',
  styles: `
    fieldset { border: 0; padding: 0; margin: 0 0 8px; }
    legend { font: var(--mat-sys-title-small); margin-bottom: 8px; }
    .actions { display: flex; gap: 8px; justify-content: flex-end; }
    .meta { color: var(--mat-sys-on-surface-variant); margin-top: -8px; }
    .wide { width: 100%; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EntityForm {
  private readonly api = inject(Api);
  private readonly toaster = inject(Toaster);

  readonly entityId = input.required<string>();
  readonly saved = output<Entity>();

  protected readonly entity = signal<Entity | null>(null);
  protected readonly etag = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly alerts = signal<string[]>([]);
  protected readonly stale = signal(false);
  protected readonly errorText = fieldErrorText;
  protected readonly kindLabels = ENTITY_KIND_LABELS;

  protected readonly form = new FormGroup({
    name: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.minLength(2)] }),
    legalIdentity: new FormGroup({ legalName: optional(), siren: new FormControl('', { nonNullable: true, validators: [Validators.pattern(/^\d{9}$/)] }) }),
    address: new FormGroup({ line: optional(), postalCode: new FormControl('', { nonNullable: true, validators: [Validators.pattern(/^\d{5}$/)] }), city: optional() }),
    contact: new FormGroup({ email: new FormControl('', { nonNullable: true, validators: [Validators.email] }), phone: optional() }),
  });

  constructor() {
    effect(() => void this.load(this.entityId()));
  }

  protected async load(id: string): Promise<void> {
    this.entity.set(null);
    this.alerts.set([]);
    this.stale.set(false);
    try {
      const { data, error, response } = await this.api.client.GET('/api/v1/entities/{id}', { params: { path: { id } }, cache: 'no-store' });
      if (error !== undefined || !data) throw await this.api.unwrap(Promise.resolve({ error, response }));
      this.etag.set(response.headers.get('etag'));
      this.fill(data);
    } catch (failure) {
      this.toaster.error(failure);
    }
  }

  protected async save(): Promise<void> {
    const entity = this.entity();
    if (!entity || this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const patch = this.changes();
    if (Object.keys(patch).length === 0) {
      this.toaster.success($localize`:@@form.noChange:Aucune modification à enregistrer.`);
      return;
    }
    this.busy.set(true);
    this.alerts.set([]);
    try {
      const { data, error, response } = await this.api.client.PATCH('/api/v1/entities/{id}', {
        params: { path: { id: entity.id }, header: { 'if-match': this.etag() ?? '*' } },
        body: patch,
        headers: { 'content-type': 'application/merge-patch+json' },
      });
      if (error !== undefined || !data) throw await this.api.unwrap(Promise.resolve({ error, response }));
      this.etag.set(response.headers.get('etag'));
      this.fill(data);
      this.saved.emit(data);
      this.toaster.success($localize`:@@form.saved:Modifications enregistrées.`);
    } catch (failure) {
      this.onError(failure);
    } finally {
      this.busy.set(false);
    }
  }

  private onError(failure: unknown): void {
    if (!(failure instanceof ApiProblem)) {
      this.toaster.error(failure);
      return;
    }
    this.stale.set(failure.status === 412);
    const unmatched = applyServerErrors(this.form, failure.errors);
    this.alerts.set([problemMessage(failure), ...unmatched]);
  }

  private fill(entity: Entity): void {
    this.entity.set(entity);
    this.form.reset({
      name: entity.name,
      legalIdentity: { legalName: entity.legalIdentity.legalName ?? '', siren: entity.legalIdentity.siren ?? '' },
      address: { line: entity.address.line ?? '', postalCode: entity.address.postalCode ?? '', city: entity.address.city ?? '' },
      contact: { email: entity.contact.email ?? '', phone: entity.contact.phone ?? '' },
    });
  }

  /** Only the groups the user touched; an emptied field becomes null (merge patch: clear it). */
  private changes(): EntityPatch {
    const value = this.form.getRawValue();
    const patch: Record<string, unknown> = {};
    if (this.form.controls.name.dirty) patch['name'] = value.name.trim();
    for (const group of ['legalIdentity', 'address', 'contact'] as const) {
      const controls = this.form.controls[group].controls as Record<string, FormControl<string>>;
      const changed = Object.entries(controls).filter(([, control]) => control.dirty);
      if (changed.length > 0) patch[group] = Object.fromEntries(changed.map(([key, control]) => [key, control.value.trim() || null]));
    }
    return patch as EntityPatch;
  }
}
