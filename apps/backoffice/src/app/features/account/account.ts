import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { Session } from '../../core/auth/session';
import { Toaster } from '../../shared/toast/toaster';
import { ChangePasswordForm } from './change-password-form';
import { TotpEnrolment } from './totp-enrolment';

/** "Mon compte": who I am, my password, my second factor. */
@Component({
  selector: 'mx-account',
  imports: [ChangePasswordForm, TotpEnrolment],
  template: `
    <section class="page">
      <h1 i18n="@@account.title">Mon compte</h1>
      @if (session.user(); as user) {
        <dl class="identity">
          <dt i18n="@@users.name">Nom</dt>
          <dd>{{ user.displayName }}</dd>
          <dt i18n="@@users.email">Adresse e-mail</dt>
          <dd>{{ user.email }}</dd>
        </dl>
      }
      <section class="block" aria-labelledby="password-title">
        <h2 id="password-title" i18n="@@account.password">Mot de passe</h2>
        <mx-change-password-form (changed)="passwordChanged()" />
      </section>
      <section class="block" aria-labelledby="totp-title">
        <h2 id="totp-title" i18n="@@account.totp">Double authentification</h2>
        <mx-totp-enrolment />
      </section>
    </section>
  `,
  styles: `
    .identity { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; }
    dt { color: var(--mat-sys-on-surface-variant); }
    dd { margin: 0; }
    .block { margin-top: 32px; max-width: 640px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Account {
  protected readonly session = inject(Session);
  private readonly toaster = inject(Toaster);

  protected async passwordChanged(): Promise<void> {
    this.toaster.success($localize`:@@password.changed:Mot de passe changé.`);
    await this.session.refresh();
  }
}
