import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatCard, MatCardContent, MatCardHeader, MatCardTitle } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import { Session } from '../../core/auth/session';
import { BranchScope } from '../../core/scope/branch-scope';

/**
 * Start page. Until the business modules exist it shows only true facts: who you are, where you
 * work and what you may do; no invented indicators.
 */
@Component({
  selector: 'mx-dashboard',
  imports: [MatCard, MatCardHeader, MatCardTitle, MatCardContent, RouterLink],
  templateUrl: './dashboard.html',
  styles: `
    .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 16px; }
    ul { margin: 0; padding-left: 20px; }
    li { margin: 4px 0; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Dashboard {
  protected readonly session = inject(Session);
  protected readonly scope = inject(BranchScope);
  protected readonly grants = computed(() => this.session.me()?.grants ?? []);
  protected readonly displayName = computed(() => this.session.user()?.displayName ?? '');
}
