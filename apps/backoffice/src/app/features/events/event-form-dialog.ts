import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators, type AbstractControl, type ValidationErrors } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { Api, mergePatchHeaders } from '../../core/api/api';
import type { BodyOf } from '../../core/api/api-types';
import { BranchScope } from '../../core/scope/branch-scope';
import { FormAlert } from '../../shared/form/form-alert';
import { problemMessageFirst } from '../../shared/form/form-alerts';
import { formSubmission } from '../../shared/form/form-submission';
import { fieldErrorText } from '../../shared/form/server-errors';
import { euros, eurosToCents } from '../membership/membership-labels';
import { VISIBILITY_LABELS, descriptionFromText, fromLocalInput, toLocalInput, type EventDetail } from './events-labels';

type CreateBody = BodyOf<'/api/v1/events'>;
type PatchBody = BodyOf<'/api/v1/events/{id}', 'patch'>;

export interface EventFormData {
  /** Absent: a new event of the branch chosen in the switcher. */
  event?: EventDetail;
  etag?: string | null;
}

const DEFAULT_TIMEZONE = 'Europe/Paris';
const PLACE_FIELDS = ['placeName', 'placeAddress', 'placePostalCode', 'placeCommune'] as const;

/** Server pointers that name a different control here (the form is flat, amounts are in euros). */
const POINTER_TO_CONTROL: Record<string, string> = {
  '/place': '/placeName',
  '/place/name': '/placeName',
  '/place/address': '/placeAddress',
  '/place/postalCode': '/placePostalCode',
  '/place/commune': '/placeCommune',
  '/priceCents': '/price',
};

function priceValidator(control: AbstractControl<string>): ValidationErrors | null {
  return control.value.trim() && eurosToCents(control.value) === null
    ? { server: $localize`:@@ev.priceInvalid:Saisissez un montant en euros, par exemple 25,00 (vide : gratuit).` }
    : null;
}

const text = (value: string | null | undefined, ...validators: Array<(control: AbstractControl) => ValidationErrors | null>) =>
  new FormControl(value ?? '', { nonNullable: true, validators });

/**
 * Creates or edits an event: title, description (paragraphs), dates in the event's time zone, place
 * and/or online link, capacity, price and visibility. Edits are a JSON Merge Patch of the changed
 * fields with If-Match; server field errors land on their fields.
 */
@Component({
  selector: 'mx-event-form-dialog',
  imports: [ReactiveFormsModule, MatDialogTitle, MatDialogContent, MatDialogActions, MatFormField, MatLabel, MatInput, MatError, MatHint, MatSelect, MatOption, MatButton, FormAlert],
  templateUrl: './event-form-dialog.html',
  styles: `.form-grid { row-gap: 12px; min-width: min(640px, 80vw); } .wide { grid-column: 1 / -1; }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EventFormDialog {
  private readonly api = inject(Api);
  protected readonly scope = inject(BranchScope);
  protected readonly data = inject<EventFormData>(MAT_DIALOG_DATA);
  protected readonly ref = inject<MatDialogRef<EventFormDialog, EventDetail>>(MatDialogRef);

  private readonly event = this.data.event;
  private readonly timezone = this.event?.timezone ?? DEFAULT_TIMEZONE;
  protected readonly creating = !this.event;
  protected readonly visibilities = Object.entries(VISIBILITY_LABELS).map(([value, label]) => ({ value, label }));
  protected readonly form = new FormGroup({
    entityId: text(this.event?.entityId ?? this.scope.entityId() ?? this.scope.entities()[0]?.id, Validators.required),
    title: text(this.event?.title, Validators.required, Validators.maxLength(200)),
    description: text(this.event?.descriptionText),
    startsAt: text(this.event ? toLocalInput(this.event.startsAt, this.timezone) : '', Validators.required),
    endsAt: text(this.event ? toLocalInput(this.event.endsAt, this.timezone) : '', Validators.required),
    placeName: text(this.event?.place?.name, Validators.maxLength(200)),
    placeAddress: text(this.event?.place?.address, Validators.maxLength(300)),
    placePostalCode: text(this.event?.place?.postalCode, Validators.pattern(/^[0-9][0-9AB][0-9]{3}$/)),
    placeCommune: text(this.event?.place?.commune, Validators.maxLength(200)),
    onlineUrl: text(this.event?.onlineUrl, Validators.pattern(/^https?:\/\/\S+$/)),
    capacity: text(this.event?.capacity?.toString(), Validators.pattern(/^\d+$/)),
    price: text(this.event && this.event.priceCents > 0 ? euros(this.event.priceCents).replace(/[\s\u00a0\u202f€]/g, '') : '', priceValidator),
    visibility: text(this.event?.visibility ?? 'members', Validators.required),
    status: text(this.event?.status ?? 'draft'),
  });
  protected readonly submission = formSubmission(this.form, { control: controlPointer, lead: problemMessageFirst });
  protected readonly errorText = fieldErrorText;
  protected readonly timezoneHint = $localize`:@@ev.timezoneHint:Fuseau horaire : ${this.timezone}:zone:`;

  protected submit(): Promise<void> {
    // A new attempt drops the last refusal, even when a field now stops it.
    this.submission.alerts.set([]);
    this.requirePlaceName();
    const save = () => (this.event ? this.update(this.event) : this.create());
    return this.submission.submit(save, (saved) => {
      if (saved) this.ref.close(saved);
    });
  }

  private async create(): Promise<EventDetail> {
    const value = this.form.getRawValue();
    const body: CreateBody = {
      entityId: value.entityId,
      title: value.title.trim(),
      description: descriptionFromText(value.description),
      ...this.dates(),
      timezone: this.timezone,
      place: this.place(),
      onlineUrl: value.onlineUrl.trim() || null,
      capacity: value.capacity ? Number(value.capacity) : null,
      priceCents: value.price.trim() ? eurosToCents(value.price)! : 0,
      visibility: value.visibility as CreateBody['visibility'],
      status: value.status as CreateBody['status'],
    };
    return this.api.unwrap(this.api.client.POST('/api/v1/events', { body }));
  }

  /** Only what changed; nothing changed closes the dialog without a call. */
  private async update(event: EventDetail): Promise<EventDetail | null> {
    const value = this.form.getRawValue();
    const { controls } = this.form;
    const patch: PatchBody = {};
    if (controls.title.dirty) patch.title = value.title.trim();
    if (controls.description.dirty) patch.description = descriptionFromText(value.description);
    if (controls.startsAt.dirty || controls.endsAt.dirty) Object.assign(patch, this.dates());
    if (PLACE_FIELDS.some((name) => controls[name].dirty)) patch.place = this.place();
    if (controls.onlineUrl.dirty) patch.onlineUrl = value.onlineUrl.trim() || null;
    if (controls.capacity.dirty) patch.capacity = value.capacity ? Number(value.capacity) : null;
    if (controls.price.dirty) patch.priceCents = value.price.trim() ? eurosToCents(value.price)! : 0;
    if (controls.visibility.dirty) patch.visibility = value.visibility as PatchBody['visibility'];
    if (Object.keys(patch).length === 0) {
      this.ref.close();
      return null;
    }
    return this.api.unwrap(
      this.api.client.PATCH('/api/v1/events/{id}', {
        params: { path: { id: event.id }, header: { 'if-match': this.data.etag ?? '*' } },
        body: patch,
        headers: mergePatchHeaders(this.data.etag ?? null),
      }),
    );
  }

  private dates(): { startsAt: string; endsAt: string } {
    const value = this.form.getRawValue();
    return { startsAt: fromLocalInput(value.startsAt, this.timezone)!, endsAt: fromLocalInput(value.endsAt, this.timezone)! };
  }

  private place(): CreateBody['place'] {
    const value = this.form.getRawValue();
    if (!value.placeName.trim()) return null;
    const optional = (raw: string) => raw.trim() || null;
    return { name: value.placeName.trim(), address: optional(value.placeAddress), postalCode: optional(value.placePostalCode), commune: optional(value.placeCommune) };
  }

  /** An address without the venue's name would be dropped: ask for the name. */
  private requirePlaceName(): void {
    const { controls } = this.form;
    const rest = [controls.placeAddress, controls.placePostalCode, controls.placeCommune].some((control) => control.value.trim());
    if (rest && !controls.placeName.value.trim()) controls.placeName.setErrors({ required: true });
  }
}

function controlPointer(pointer: string): string {
  if (pointer.startsWith('/description')) return '/description';
  return POINTER_TO_CONTROL[pointer] ?? pointer;
}
