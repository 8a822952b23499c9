import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Api } from '../../core/api/api';
import { ApiProblem } from '../../core/api/api-problem';
import { problemMessage } from '../../core/api/problem-messages';
import { Session } from '../../core/auth/session';
import { FormAlert } from '../../shared/form/form-alert';
import { fieldErrorText } from '../../shared/form/server-errors';
import { QrCode } from './qr-code';

type Enrolment = { secret: string; otpauthUri: string };

/**
 * Two-factor authentication: start enrolment (QR code and secret), confirm with a current code,
 * then show the recovery codes once. Turning it off is an administrator's reset, by design.
 */
@Component({
  selector: 'mx-totp-enrolment',
  imports: [ReactiveFormsModule, MatButton, MatFormField, MatLabel, MatInput, MatError, MatHint, FormAlert, QrCode],
  template: `
    <mx-form-alert [messages]="alerts()" />
    @if (recoveryCodes(); as codes) {
      <p role="status" i18n="@@totp.enabled">La double authentification est activée.</p>
      <p i18n="@@totp.recoveryIntro">Voici vos codes de secours. Chacun permet de se connecter une fois sans l'application. Notez-les en lieu sûr : ils ne seront plus jamais affichés.</p>
      <ul class="codes" i18n-aria-label="@@totp.recoveryCodes" aria-label="Codes de secours">
        @for (code of codes; track code) {
          <li><code>{{ code }}</code></li>
        }
      </ul>
      <button mat-flat-button type="button" (click)="recoveryCodes.set(null)" i18n="@@totp.recoveryDone">J'ai noté mes codes</button>
    } @else if (session.user()?.mfaEnabled) {
      <p i18n="@@totp.active">La double authentification est active sur votre compte. Si vous perdez votre téléphone et vos codes de secours, demandez à un administrateur de la réinitialiser.</p>
    } @else if (enrolment(); as pending) {
      <ol class="steps">
        <li i18n="@@totp.scan">Scannez ce QR code avec votre application d'authentification (FreeOTP, Aegis, Google Authenticator…).</li>
      </ol>
      <mx-qr-code [value]="pending.otpauthUri" label="QR code d'enrôlement de la double authentification" i18n-label="@@totp.qrLabel" />
      <p class="muted">
        <ng-container i18n="@@totp.manual">Ou saisissez cette clé à la main :</ng-container>
        <code class="secret" data-testid="totp-secret">{{ pending.secret }}</code>
      </p>
      <form [formGroup]="form" (ngSubmit)="activate()" novalidate>
        <mat-form-field appearance="outline">
          <mat-label i18n="@@totp.code">Code affiché par l'application</mat-label>
          <input matInput formControlName="code" inputmode="numeric" autocomplete="one-time-code" required />
          <mat-hint i18n="@@signIn.totpHint">6 chiffres</mat-hint>
          <mat-error>{{ errorText(code) }}</mat-error>
        </mat-form-field>
        <div class="actions">
          <button mat-button type="button" (click)="enrolment.set(null)" i18n="@@confirm.cancel">Annuler</button>
          <button mat-flat-button type="submit" [disabled]="busy()" i18n="@@totp.activate">Activer</button>
        </div>
      </form>
    } @else {
      <p i18n="@@totp.off">La double authentification n'est pas activée. Elle protège votre compte même si votre mot de passe est dérobé.</p>
      <button mat-flat-button type="button" [disabled]="busy()" (click)="start()" i18n="@@totp.start">Configurer la double authentification</button>
    }
  `,
  styles: `
    .codes { display: grid; grid-template-columns: repeat(auto-fill, minmax(140px, 1fr)); gap: 4px 16px; padding-left: 20px; max-width: 480px; }
    .secret { display: inline-block; margin-left: 4px; word-break: break-all; user-select: all; }
    .steps { padding-left: 20px; }
    form { display: flex; flex-direction: column; max-width: 320px; margin-top: 8px; }
    .actions { display: flex; justify-content: flex-end; gap: 8px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TotpEnrolment {
  private readonly api = inject(Api);
  protected readonly session = inject(Session);

  protected readonly enrolment = signal<Enrolment | null>(null);
  protected readonly recoveryCodes = signal<string[] | null>(null);
  protected readonly busy = signal(false);
  protected readonly alerts = signal<string[]>([]);
  protected readonly form = new FormGroup({
    code: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.pattern(/^\s*\d{3}\s?\d{3}\s*$/)] }),
  });
  protected readonly code = this.form.controls.code;
  protected readonly errorText = fieldErrorText;

  protected async start(): Promise<void> {
    await this.run(async () => {
      this.code.reset();
      this.enrolment.set(await this.api.unwrap(this.api.client.POST('/api/v1/auth/mfa/totp/enrol')));
    });
  }

  protected async activate(): Promise<void> {
    if (this.code.invalid) {
      this.code.markAsTouched();
      return;
    }
    await this.run(async () => {
      const { recoveryCodes } = await this.api.unwrap(this.api.client.POST('/api/v1/auth/mfa/totp/activate', { body: { code: this.code.value.replace(/\s/g, '') } }));
      this.enrolment.set(null);
      this.recoveryCodes.set(recoveryCodes);
      await this.session.refresh();
    });
  }

  private async run(action: () => Promise<void>): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.alerts.set([]);
    try {
      await action();
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      const codeError = error.errors.find((problem) => problem.pointer === '/code');
      if (codeError) {
        this.code.setErrors({ server: codeError.message });
        this.code.markAsTouched();
      } else {
        this.alerts.set([problemMessage(error)]);
      }
    } finally {
      this.busy.set(false);
    }
  }
}
