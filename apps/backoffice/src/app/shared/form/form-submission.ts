import { inject, signal } from '@angular/core';
import type { FormGroup } from '@angular/forms';
import { ApiProblem } from '../../core/api/api-problem';
import { Toaster } from '../toast/toaster';
import { formAlertsFor, type FormAlertOptions } from './form-alerts';

/**
 * The submit cycle of a form: `busy` while the call runs, the server's refusal on the form
 * (`formAlertsFor`: fields, then `alerts` for the `mx-form-alert`), other failures as a toast.
 */
export class FormSubmission {
  readonly busy = signal(false);
  readonly alerts = signal<string[]>([]);

  constructor(
    private readonly form: FormGroup,
    private readonly toaster: Toaster,
    private readonly options: FormAlertOptions,
  ) {}

  /** Checks the form first: while a field breaks a rule, every field shows its error and nothing is sent. */
  async submit<T>(save: () => Promise<T>, done: (saved: T) => void | Promise<unknown>): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    await this.run(save, done);
  }

  /** Sends without the form check (for forms that check their own way first). */
  async run<T>(save: () => Promise<T>, done: (saved: T) => void | Promise<unknown>): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.alerts.set([]);
    try {
      await done(await save());
    } catch (failure) {
      if (failure instanceof ApiProblem) this.alerts.set(formAlertsFor(this.form, failure, this.options));
      else this.toaster.error(failure);
    } finally {
      this.busy.set(false);
    }
  }
}

/** A FormSubmission for a component's form; call it in a field initialiser (it injects the toaster). */
export function formSubmission(form: FormGroup, options: FormAlertOptions = {}): FormSubmission {
  return new FormSubmission(form, inject(Toaster), options);
}
