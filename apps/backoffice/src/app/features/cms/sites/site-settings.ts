import { ChangeDetectionStrategy, Component, effect, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { firstValueFrom } from 'rxjs';
import { ApiProblem } from '../../../core/api/api-problem';
import { problemMessage } from '../../../core/api/problem-messages';
import { FormAlert } from '../../../shared/form/form-alert';
import { applyServerErrors, fieldErrorText } from '../../../shared/form/server-errors';
import { Toaster } from '../../../shared/toast/toaster';
import { MediaPickerDialog, type MediaPickerOptions, type PickedMedia } from '../editor/media-picker-dialog';
import type { CmsSite } from '../cms-types';
import { CmsSites } from './cms-sites';
import { SiteAdminState } from './site-admin-state';

const COLOUR = /^#[0-9a-fA-F]{6}$/;

/** Host names typed one per line or separated by commas → the API's list. */
export function hostNamesOf(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).map((host) => host.trim().toLowerCase()).filter((host) => host !== ''))];
}

/**
 * A site's name, slug, host names and theme (logo from the media library, colours, footer text); the
 * server checks contrast when rendering.
 */
@Component({
  selector: 'mx-cms-site-settings',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatInput, MatError, MatHint, MatButton, FormAlert],
  template: `
    <mx-form-alert [messages]="alerts()" />
    <form [formGroup]="form" (ngSubmit)="save()" novalidate class="settings">
      <mat-form-field>
        <mat-label i18n="@@cms.siteName">Nom du site</mat-label>
        <input matInput formControlName="name" required />
        @if (form.controls.name.invalid) {
          <mat-error>{{ errorText(form.controls.name) }}</mat-error>
        }
      </mat-form-field>
      <mat-form-field>
        <mat-label i18n="@@cms.siteSlug">Identifiant (adresse /sites/…)</mat-label>
        <input matInput formControlName="slug" required />
        <mat-hint i18n="@@cms.slugRule">Minuscules, chiffres et tirets.</mat-hint>
        @if (form.controls.slug.invalid) {
          <mat-error>{{ errorText(form.controls.slug) }}</mat-error>
        }
      </mat-form-field>
      <mat-form-field class="wide">
        <mat-label i18n="@@cms.hostNames">Noms de domaine</mat-label>
        <textarea matInput formControlName="hostNames" rows="2"></textarea>
        <mat-hint i18n="@@cms.hostNamesHint">Un par ligne, sans « https:// » (ex. www.union-rhone.fr).</mat-hint>
        @if (form.controls.hostNames.invalid) {
          <mat-error>{{ errorText(form.controls.hostNames) }}</mat-error>
        }
      </mat-form-field>
      <div formGroupName="theme" class="theme">
        <div class="logo" role="group" aria-labelledby="cms-logo-label">
          <span id="cms-logo-label" class="logo-title" i18n="@@cms.siteLogo">Logo du site</span>
          @if (logo(); as logoId) {
            <img [src]="'/media/' + logoId" i18n-alt="@@cms.siteLogoPreview" alt="Aperçu du logo" data-testid="logo-preview" />
            <button mat-stroked-button type="button" (click)="pickLogo()" i18n="@@cms.changeLogo">Changer le logo</button>
            <button mat-button type="button" (click)="clearLogo()" i18n="@@cms.removeLogo">Retirer le logo</button>
          } @else {
            <span class="note" i18n="@@cms.noLogo">Aucun logo : le nom du site s'affiche seul.</span>
            <button mat-stroked-button type="button" (click)="pickLogo()" i18n="@@cms.pickLogo">Choisir un logo dans la médiathèque</button>
          }
          @if (form.controls.theme.controls.logoMediaId.invalid) {
            <span class="field-error" role="alert">{{ errorText(form.controls.theme.controls.logoMediaId) }}</span>
          }
        </div>
        <mat-form-field>
          <mat-label i18n="@@cms.primaryColour">Couleur principale</mat-label>
          <input matInput formControlName="primaryColour" required />
          <mat-hint i18n="@@cms.colourHint">Format #rrggbb (ex. #1d4f91).</mat-hint>
          @if (form.controls.theme.controls.primaryColour.invalid) {
            <mat-error>{{ colourError(form.controls.theme.controls.primaryColour) }}</mat-error>
          }
        </mat-form-field>
        <span class="swatch" aria-hidden="true" [style.background]="swatch(form.controls.theme.controls.primaryColour.value)"></span>
        <mat-form-field>
          <mat-label i18n="@@cms.accentColour">Couleur des liens</mat-label>
          <input matInput formControlName="accentColour" required />
          <mat-hint i18n="@@cms.colourHint">Format #rrggbb (ex. #1d4f91).</mat-hint>
          @if (form.controls.theme.controls.accentColour.invalid) {
            <mat-error>{{ colourError(form.controls.theme.controls.accentColour) }}</mat-error>
          }
        </mat-form-field>
        <span class="swatch" aria-hidden="true" [style.background]="swatch(form.controls.theme.controls.accentColour.value)"></span>
        <mat-form-field class="wide">
          <mat-label i18n="@@cms.footerText">Texte du pied de page</mat-label>
          <textarea matInput formControlName="footerText" rows="2"></textarea>
          @if (form.controls.theme.controls.footerText.invalid) {
            <mat-error>{{ errorText(form.controls.theme.controls.footerText) }}</mat-error>
          }
        </mat-form-field>
      </div>
      <p class="note" i18n="@@cms.contrastNote">Les couleurs trop claires sont assombries sur le site public pour rester lisibles (contraste 4,5:1).</p>
      <div class="actions">
        <button mat-flat-button type="submit" [disabled]="busy()" i18n="@@cms.saveSettings">Enregistrer les réglages</button>
      </div>
    </form>
  `,
  styles: `
    .settings { display: flex; flex-wrap: wrap; gap: 8px 16px; max-width: 960px; padding-top: 16px; }
    .settings mat-form-field { flex: 1 1 280px; }
    .settings .wide { flex-basis: 100%; }
    .theme { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: flex-start; flex-basis: 100%; }
    .swatch { width: 40px; height: 40px; border-radius: 4px; border: 1px solid var(--mat-sys-outline); margin-top: 8px; }
    .note { flex-basis: 100%; color: var(--mat-sys-on-surface-variant); }
    .logo { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 12px; flex-basis: 100%; margin-bottom: 8px; }
    .logo .logo-title { flex-basis: 100%; font-weight: 500; }
    .logo .note { flex-basis: auto; }
    .logo img { max-height: 64px; max-width: 240px; border: 1px solid var(--mat-sys-outline-variant); border-radius: 4px; padding: 4px; background: #fff; }
    .field-error { flex-basis: 100%; color: var(--mat-sys-error); }
    .actions { flex-basis: 100%; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SiteSettings {
  private readonly state = inject(SiteAdminState);
  private readonly cmsSites = inject(CmsSites);
  private readonly toaster = inject(Toaster);
  private readonly dialog = inject(MatDialog);
  protected readonly busy = signal(false);
  protected readonly alerts = signal<string[]>([]);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    name: ['', [Validators.required, Validators.maxLength(200)]],
    slug: ['', [Validators.required, Validators.pattern(/^[a-z0-9]+(-[a-z0-9]+)*$/)]],
    hostNames: [''],
    theme: this.fb.group({
      logoMediaId: this.fb.control<string | null>(null),
      primaryColour: ['', [Validators.required, Validators.pattern(COLOUR)]],
      accentColour: ['', [Validators.required, Validators.pattern(COLOUR)]],
      footerText: ['', Validators.maxLength(1000)],
    }),
  });
  protected readonly errorText = fieldErrorText;
  /** The logo's media id, as a signal for the OnPush template (the form control holds the value sent). */
  protected readonly logo = signal<string | null>(null);

  constructor() {
    effect(() => {
      const site = this.state.site();
      if (site && this.form.pristine) this.fill(site);
    });
  }

  protected colourError(control: Parameters<typeof fieldErrorText>[0]): string {
    return control?.errors?.['pattern'] ? $localize`:@@cms.colourFormat:Indiquez une couleur au format #rrggbb.` : fieldErrorText(control);
  }

  protected swatch(value: string): string {
    return COLOUR.test(value) ? value : 'transparent';
  }

  protected async pickLogo(): Promise<void> {
    const ref = this.dialog.open<MediaPickerDialog, MediaPickerOptions, PickedMedia | undefined>(MediaPickerDialog, {
      width: '720px',
      data: { kind: 'image', confirmLabel: $localize`:@@cms.useAsLogo:Utiliser comme logo` },
    });
    const picked = await firstValueFrom(ref.afterClosed());
    if (picked) this.setLogo(picked.id);
  }

  protected clearLogo(): void {
    this.setLogo(null);
  }

  private setLogo(id: string | null): void {
    const control = this.form.controls.theme.controls.logoMediaId;
    control.setValue(id);
    control.markAsDirty();
    this.logo.set(id);
  }

  protected async save(): Promise<void> {
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.alerts.set([$localize`:@@cms.formInvalid:Certains champs sont à corriger avant d'enregistrer.`]);
      return;
    }
    const value = this.form.getRawValue();
    this.busy.set(true);
    this.alerts.set([]);
    try {
      const site = await this.state.save({ name: value.name.trim(), slug: value.slug, hostNames: hostNamesOf(value.hostNames), theme: value.theme });
      this.fill(site);
      await this.cmsSites.load(true);
      this.toaster.success($localize`:@@cms.settingsSaved:Réglages du site enregistrés.`);
    } catch (failure) {
      this.onError(failure);
    } finally {
      this.busy.set(false);
    }
  }

  private fill(site: CmsSite): void {
    this.form.reset({
      name: site.name,
      slug: site.slug,
      hostNames: site.hostNames.join('\n'),
      theme: { logoMediaId: site.theme.logoMediaId, primaryColour: site.theme.primaryColour, accentColour: site.theme.accentColour, footerText: site.theme.footerText },
    });
    this.logo.set(site.theme.logoMediaId);
  }

  private onError(failure: unknown): void {
    if (!(failure instanceof ApiProblem)) {
      this.toaster.error(failure);
      return;
    }
    if (failure.status === 412) {
      this.alerts.set([$localize`:@@cms.siteStale:Ce site a été modifié par quelqu'un d'autre entre-temps. Rechargez la page.`]);
      return;
    }
    // `/hostNames/2` names one line of the host names field.
    const errors = failure.errors.map((error) => (error.pointer.startsWith('/hostNames/') ? { ...error, pointer: '/hostNames' } : error));
    const other = applyServerErrors(this.form, errors);
    this.alerts.set(other.length > 0 || errors.length === 0 ? [problemMessage(failure), ...other] : [$localize`:@@cms.formInvalid:Certains champs sont à corriger avant d'enregistrer.`]);
  }
}
