import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatCard, MatCardContent, MatCardHeader, MatCardSubtitle, MatCardTitle } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import { Session } from '../../core/auth/session';
import { ADMIN_SCREENS } from './admin-screens';

/** Index of the administration screens; those whose API is not available yet say so. */
@Component({
  selector: 'mx-admin-home',
  imports: [MatCard, MatCardHeader, MatCardTitle, MatCardSubtitle, MatCardContent, RouterLink],
  template: `
    <section class="page">
      <h1 i18n="@@nav.admin">Administration</h1>
      <ul class="cards">
        @for (screen of screens(); track screen.path) {
          <li>
            <mat-card appearance="outlined">
              <mat-card-header>
                <mat-card-title>
                  @if (screen.ready) {
                    <a [routerLink]="screen.path">{{ screen.title }}</a>
                  } @else {
                    {{ screen.title }}
                  }
                </mat-card-title>
                @if (!screen.ready) {
                  <mat-card-subtitle i18n="@@soon.short">Bientôt disponible</mat-card-subtitle>
                }
              </mat-card-header>
              <mat-card-content><p>{{ screen.description }}</p></mat-card-content>
            </mat-card>
          </li>
        }
      </ul>
      @if (screens().length === 0) {
        <p class="muted" i18n="@@admin.none">Votre rôle ne donne accès à aucun écran d'administration.</p>
      }
    </section>
  `,
  styles: `
    .cards { list-style: none; padding: 0; margin: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(280px, 1fr)); gap: 16px; }
    mat-card { height: 100%; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdminHome {
  private readonly session = inject(Session);
  /** Screens the user may use somewhere (an empty permission: every signed-in user). */
  protected readonly screens = computed(() => {
    const permissions = new Set(this.session.me()?.permissions ?? []);
    return ADMIN_SCREENS.filter((screen) => !screen.permission || permissions.has(screen.permission));
  });
}
