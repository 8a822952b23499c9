import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { EmptyState } from '../../shared/states/empty-state';

@Component({
  selector: 'mx-not-found',
  imports: [EmptyState, RouterLink],
  template: `
    <section class="page">
      <h1 i18n="@@notFound.title">Page introuvable</h1>
      <mx-empty-state icon="search" i18n-heading="@@notFound.heading" heading="Cette adresse ne correspond à aucune page.">
        <a routerLink="/dashboard" i18n="@@notFound.back">Revenir au tableau de bord</a>
      </mx-empty-state>
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFound {}
