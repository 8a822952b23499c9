import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, input, signal, viewChild } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Router } from '@angular/router';
import { ApiProblem } from '../../core/api/api-problem';
import { problemMessage } from '../../core/api/problem-messages';
import { safeReturnUrl } from '../../core/auth/auth.guard';
import { Session } from '../../core/auth/session';
import { FormAlert } from '../../shared/form/form-alert';
import { applyServerErrors, fieldErrorText } from '../../shared/form/server-errors';

type Step = 'credentials' | 'totp';

/** Email + password, then a TOTP step when the server answers `mfa_required`. */
@Component({
  selector: 'mx-sign-in',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatInput, MatError, MatHint, MatButton, MatProgressBar, FormAlert],
  templateUrl: './sign-in.html',
  styleUrl: './sign-in.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignIn {
  private readonly session = inject(Session);
  private readonly router = inject(Router);

  /** Query param bound by the router: where to go after signing in. */
  readonly returnUrl = input<string>();

  protected readonly form = new FormGroup({
    email: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email] }),
    password: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    totp: new FormControl('', { nonNullable: true, validators: [Validators.pattern(/^(\d{6}|[A-Za-z0-9-]{8,})$/)] }),
  });
  protected readonly step = signal<Step>('credentials');
  protected readonly busy = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly alerts = signal<string[]>([]);
  protected readonly expired = this.session.expired;
  protected readonly locked = computed(() => {
    const code = this.problem()?.code;
    return code === 'account_locked' || code === 'rate_limited';
  });
  protected readonly errorText = fieldErrorText;

  private readonly totpInput = viewChild<ElementRef<HTMLInputElement>>('totpInput');

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    const { email, password, totp } = this.form.getRawValue();
    const needsTotp = this.step() === 'totp';
    if (this.form.controls.email.invalid || this.form.controls.password.invalid || (needsTotp && (!totp || this.form.controls.totp.invalid))) {
      if (needsTotp && !totp) this.form.controls.totp.setErrors({ required: true });
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.alerts.set([]);
    this.problem.set(null);
    try {
      await this.session.signIn({ email: email.trim(), password, ...(needsTotp ? { totp: totp.replace(/\s/g, '') } : {}) });
      await this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
    } catch (error) {
      this.onError(error);
    } finally {
      this.busy.set(false);
    }
  }

  protected back(): void {
    this.step.set('credentials');
    this.form.controls.totp.reset();
    this.alerts.set([]);
  }

  private onError(error: unknown): void {
    if (!(error instanceof ApiProblem)) {
      console.error(error);
      this.alerts.set([$localize`:@@signIn.unexpected:Une erreur inattendue est survenue.`]);
      return;
    }
    this.problem.set(error);
    if (error.code === 'mfa_required' && this.step() === 'credentials') {
      this.step.set('totp');
      setTimeout(() => this.totpInput()?.nativeElement.focus());
      return;
    }
    const unmatched = applyServerErrors(this.form, error.errors);
    this.alerts.set([problemMessage(error), ...unmatched]);
  }
}
