import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { Router } from '@angular/router';
import { safeReturnUrl } from '../../core/auth/auth.guard';
import { Session } from '../../core/auth/session';
import { Toaster } from '../../shared/toast/toaster';
import { ChangePasswordForm } from './change-password-form';

/**
 * Shown right after signing in with a temporary password issued by an administrator, before any
 * other screen (the shell's guard sends the user here); signing out is the only other way out.
 */
@Component({
  selector: 'mx-forced-password-change',
  imports: [ChangePasswordForm, MatButton],
  template: `
    <main class="forced">
      <section class="card" aria-labelledby="forced-title">
        <p class="brand" aria-hidden="true">Maillage</p>
        <h1 id="forced-title" i18n="@@password.forcedTitle">Choisissez votre mot de passe</h1>
        <p i18n="@@password.forcedIntro">Votre compte utilise un mot de passe temporaire fourni par un administrateur. Remplacez-le par un mot de passe personnel pour continuer.</p>
        <mx-change-password-form (changed)="done()" />
        <button mat-button type="button" class="sign-out" (click)="signOut()" i18n="@@shell.signOut">Se déconnecter</button>
      </section>
    </main>
  `,
  styles: `
    .forced { min-height: 100vh; display: grid; place-items: center; padding: 16px; box-sizing: border-box; background: var(--mat-sys-surface-container-low); }
    .card { width: min(460px, 100%); padding: 32px; border-radius: 16px; background: var(--mat-sys-surface); border: 1px solid var(--mat-sys-outline-variant); box-sizing: border-box; }
    .brand { font: var(--mat-sys-title-large); font-weight: 600; color: var(--mat-sys-primary); margin: 0 0 8px; }
    .sign-out { margin-top: 8px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ForcedPasswordChange {
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly toaster = inject(Toaster);

  /** Query param bound by the router: where the user was going before being sent here. */
  readonly returnUrl = input<string>();

  protected async done(): Promise<void> {
    await this.session.refresh();
    this.toaster.success($localize`:@@password.changed:Mot de passe changé.`);
    await this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
  }

  protected async signOut(): Promise<void> {
    try {
      await this.session.signOut();
    } catch (error) {
      this.toaster.error(error);
    }
  }
}
